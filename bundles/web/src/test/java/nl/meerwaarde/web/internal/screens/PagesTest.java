package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static ScreenMenu menu() {
        ScreenMenu menu = new ScreenMenu();
        Map<String, Object> overview = new HashMap<>(Map.of("service.id", 1L, "meerwaarde.screen.order", 10));
        Map<String, Object> signals = new HashMap<>(Map.of("service.id", 2L, "meerwaarde.screen.order", 20));
        menu.addScreen(new OverviewScreen(), overview);
        menu.addScreen(new SignalsScreen(), signals);
        return menu;
    }

    private static FakeHttp.Response get(PageServlet page, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        page.doGet(request.proxy(), response.proxy());
        return response;
    }

    @Test
    void theShellHomeGreetsTheWorkerWithTheMenu() throws Exception {
        FakeHttp.Response response = get(
                new OverviewPage(menu()),
                FakeHttp.get("/meerwaarde/").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.header("Vary")).isEqualTo("Accept-Language");
        assertThat(response.body())
                .contains("<html lang=\"nl\">")
                .contains("<h1>Overzicht</h1>")
                .contains("Welkom, Fatima Yilmaz.")
                .contains("<li>team-noord</li>")
                .contains("<a href=\"/meerwaarde/\" aria-current=\"page\">Overzicht</a>")
                .contains("<a href=\"/meerwaarde/signals\">Signalen</a>");
    }

    @Test
    void theShellHomeIsInEnglishWhenTheContextChoseEnglish() throws Exception {
        FakeHttp.Response response = get(
                new OverviewPage(menu()),
                FakeHttp.get("/meerwaarde/index.html")
                        .attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima())
                        .attribute(WebConstants.LOCALE_ATTRIBUTE, Languages.ENGLISH));

        assertThat(response.body()).contains("<html lang=\"en\">").contains("<h1>Overview</h1>");
    }

    @Test
    void anUnknownPathIsA404PageAndTheBareContextIsRedirected() throws Exception {
        FakeHttp.Response missing = get(
                new OverviewPage(menu()),
                FakeHttp.get("/meerwaarde/nope").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>Pagina niet gevonden</h1>");

        FakeHttp.Response bare = get(
                new OverviewPage(menu()),
                FakeHttp.get("/meerwaarde").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima()));
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/meerwaarde/");
    }

    @Test
    void aResidentGets403WithoutMenu() throws Exception {
        FakeHttp.Response response = get(
                new SignalsPage(menu()),
                FakeHttp.get("/meerwaarde/signals").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.resident()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("<h1>Geen toegang</h1>").doesNotContain("<nav");
    }

    @Test
    void withoutAStoreTheSignalsScreenSaysItIsUnavailable() throws Exception {
        FakeHttp.Response response = get(
                new SignalsPage(menu()),
                FakeHttp.get("/meerwaarde/signals").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima()));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("<h1>Signalen</h1>").contains("tijdelijk niet beschikbaar");
    }

    @Test
    void theSignalsScreenShowsOnlyTheWorkersTeamsPageByPage() {
        SignalStore store = new SignalStore() {
            @Override
            public void save(Signal signal) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Signal> find(SignalId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Signal> list(Collection<TeamId> teams, int offset, int limit) {
                assertThat(teams).containsExactly(Fixtures.NOORD);
                assertThat(offset).isEqualTo(50);
                assertThat(limit).isEqualTo(50);
                return List.of(signal(Fixtures.NOORD, "huisarts"), signal(Fixtures.ZUID, "stranger"));
            }

            @Override
            public long count(Collection<TeamId> teams) {
                return 75;
            }

            @Override
            public List<Signal> ofActivity(ActivityId activity) {
                throw new UnsupportedOperationException("not used by this test");
            }

            @Override
            public List<Signal> unclustered(Collection<TeamId> teams, int limit) {
                throw new UnsupportedOperationException("not used by this test");
            }
        };
        Links links = new Links("/meerwaarde", "/meerwaarde/signals", "page=2", Optional.empty());

        PageContent content = SignalsPage.render(
                store,
                FakeHttp.get("/meerwaarde/signals").query("page=2").proxy(),
                Fixtures.fatima(),
                Messages.of(Languages.DUTCH),
                links);

        assertThat(content.status()).isEqualTo(200);
        assertThat(content.currentPath()).isEqualTo("/meerwaarde/signals");
        assertThat(content.body())
                .contains("huisarts")
                .doesNotContain("stranger")
                .contains("51–75 van 75")
                .contains("href=\"/meerwaarde/signals?page=1\"");
    }

    @Test
    void aWorkerWithoutTeamsSeesAnEmptyScreen() {
        PageContent content = SignalsPage.render(
                new ResourcelessStore(),
                FakeHttp.get("/meerwaarde/signals").proxy(),
                Fixtures.worker("Nieuw", Set.of(), Role.WORKER),
                Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/signals", null, Optional.empty()));

        assertThat(content.body()).contains("Er zijn nog geen signalen");
    }

    @Test
    void aFailingStoreGivesA500PageWithAnIncidentIdAndNoStackTrace() throws Exception {
        FakeHttp.Response response = get(
                new PageServlet(menu()) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    PageContent content(
                            javax.servlet.http.HttpServletRequest request,
                            nl.meerwaarde.host.spi.Subject.WorkerSubject worker,
                            Messages messages,
                            Links links) {
                        throw new IllegalStateException("SQL error near mw_signal at jdbc:h2:secret");
                    }
                },
                FakeHttp.get("/meerwaarde/").attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima()));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .contains("<h1>Interne serverfout</h1>")
                .containsPattern("incidentnummer [0-9a-f-]{36}")
                .doesNotContain("SQL error")
                .doesNotContain("IllegalStateException")
                .doesNotContain("jdbc");
    }

    private static Signal signal(TeamId team, String referrer) {
        return new Signal(
                SignalId.random(),
                team,
                LocalDate.of(2026, 1, 15),
                "eenzaamheid",
                Set.of("ouderen"),
                referrer,
                "vraag",
                true,
                Optional.empty(),
                Optional.empty());
    }

    /** A store that must not be asked: a worker without teams has nothing to read. */
    private static final class ResourcelessStore implements SignalStore {
        @Override
        public void save(Signal signal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Signal> find(SignalId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Signal> list(Collection<TeamId> teams, int offset, int limit) {
            throw new AssertionError("the store was asked for no teams");
        }

        @Override
        public long count(Collection<TeamId> teams) {
            throw new AssertionError("the store was asked for no teams");
        }

        @Override
        public List<Signal> ofActivity(ActivityId activity) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public List<Signal> unclustered(Collection<TeamId> teams, int limit) {
            throw new UnsupportedOperationException("not used by this test");
        }
    }
}
