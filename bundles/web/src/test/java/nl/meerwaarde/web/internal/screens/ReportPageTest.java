package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.Cookie;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.report.ReportJobs;
import nl.meerwaarde.web.internal.rest.Fakes;
import nl.meerwaarde.web.internal.security.CsrfGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report screen: the link on the dashboard, the form, the progress page, the download, and who may report. */
class ReportPageTest {
    private static final String COOKIE = "A".repeat(43);
    private static final String QUERY = "set=tinten&scope=organisation&period=2026";

    private static final Subject.WorkerSubject MANAGER =
            Fixtures.worker("Mila Manager", Set.of(Fixtures.NOORD), Role.WORKER, Role.MANAGER);
    private static final Subject.WorkerSubject WORKER =
            Fixtures.worker("Wim Werker", Set.of(Fixtures.NOORD), Role.WORKER);

    private final CsrfGuard guard = new CsrfGuard(new byte[32]);
    private final DashboardPageTest.Engine real = new DashboardPageTest.Engine();
    private final ReportExportTest.Waiting engine = new ReportExportTest.Waiting(real);
    private final Fakes.Activities activities = new Fakes.Activities();
    private final ReportJobs jobs = new ReportJobs(engine, activities, new Fakes.Org(), ReportExportTest.CLOCK);
    private final ReportPage page;

    ReportPageTest() {
        jobs.activate();
        var noord = ReportExportTest.activity("Koffie");
        var zuid = ReportExportTest.activity("Wandelen");
        activities.save(noord);
        activities.save(zuid);
        real.noordActivity = noord.id();
        real.zuidActivity = zuid.id();
        page = new ReportPage(menu(), guard, engine, activities, new Fakes.Org(), null, jobs);
    }

    @AfterEach
    void stop() {
        engine.go.countDown();
        jobs.deactivate();
    }

    private static ScreenMenu menu() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new DashboardScreen(), new HashMap<>(Map.of("service.id", 2L, "meerwaarde.screen.order", 40)));
        return menu;
    }

    private String token(Subject subject) {
        FakeHttp.Request request = FakeHttp.get("/x").cookies(new Cookie(CsrfGuard.COOKIE, COOKIE));
        return guard.issue(request.proxy(), new FakeHttp.Response().proxy(), subject);
    }

    private FakeHttp.Response get(String query, Subject subject) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        page.doGet(
                FakeHttp.get("/meerwaarde/report")
                        .query(query)
                        .attribute(WebConstants.SUBJECT_ATTRIBUTE, subject)
                        .proxy(),
                response.proxy());
        return response;
    }

    private FakeHttp.Response post(String query, String format, Subject subject) throws Exception {
        FakeHttp.Request request = FakeHttp.post("/meerwaarde/report")
                .query(query)
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, subject)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .header("Host", "localhost:8181")
                .header("Origin", "http://localhost:8181")
                .form(CsrfGuard.FIELD, token(subject))
                .form(ReportPage.FORMAT, format);
        FakeHttp.Response response = new FakeHttp.Response();
        page.doPost(request.proxy(), response.proxy());
        return response;
    }

    @Test
    void theDashboardLinksToTheReportOfWhatItShows() {
        PageContent dashboard = DashboardPage.render(
                real,
                activities,
                new Fakes.Org(),
                FakeHttp.get("/meerwaarde/dashboard").proxy(),
                MANAGER,
                Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/dashboard", null, Optional.empty()),
                LocalDate.of(2026, 11, 23));

        assertThat(dashboard.body())
                .contains("<p class=\"report-export\"><a href=\"/meerwaarde/report?set=tinten&amp;scope=organisation"
                        + "&amp;period=2026\">Exporteer rapport (PDF / CSV)</a></p>");
    }

    @Test
    void theFormNamesTheReportAndAsksForPdfOrCsv() throws Exception {
        FakeHttp.Response response = get(QUERY, MANAGER);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Rapport: Tinten ketenKPI&#39;s, Hele organisatie, 2026")
                .contains(
                        "<form method=\"post\" action=\"/meerwaarde/report?set=tinten&amp;scope=organisation&amp;period=2026\"")
                .containsPattern("<input type=\"hidden\" name=\"csrf\" value=\"[A-Za-z0-9_-]{43}\">")
                .contains("value=\"pdf\"")
                .contains("value=\"csv\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void aWorkersReportOnTheOrganisationIsForbidden() throws Exception {
        assertThat(get(QUERY, WORKER).status()).isEqualTo(403);
        FakeHttp.Response posted = post(QUERY, "pdf", WORKER);

        assertThat(posted.status()).isEqualTo(403);
        assertThat(posted.body())
                .contains("alleen de cijfers van uw eigen teams")
                .doesNotContain("Location");
        assertThat(engine.started.getCount()).isEqualTo(1);
    }

    @Test
    void aQuickReportIsDownloadedAtOnce() throws Exception {
        engine.go.countDown();
        FakeHttp.Response posted = post(QUERY, "csv", MANAGER);

        assertThat(posted.status()).isEqualTo(303);
        String location = posted.header("Location");
        assertThat(location).matches("/meerwaarde/report\\?job=[0-9a-f-]{36}&download=1");

        FakeHttp.Response file = get(location.substring(location.indexOf('?') + 1), MANAGER);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kpi-rapport-tinten-2026-01-01.csv\"");
        assertThat(file.body()).startsWith("\uFEFFkpi;naam;").contains("tinten-17;Percentage geholpen");
        // another user does not get it
        FakeHttp.Response other = get(location.substring(location.indexOf('?') + 1), WORKER);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).contains("Dit rapport bestaat niet (meer)").doesNotContain("tinten-17");
    }

    @Test
    void aSlowReportShowsItsProgressOnAPageThatRefreshesItself() throws Exception {
        FakeHttp.Response posted = post(QUERY, "pdf", MANAGER);
        assertThat(engine.started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(posted.status()).isEqualTo(303);
        String location = posted.header("Location");
        assertThat(location).matches("/meerwaarde/report\\?job=[0-9a-f-]{36}");
        FakeHttp.Response status = get(location.substring(location.indexOf('?') + 1), MANAGER);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.header("Refresh")).isEqualTo("2");
        assertThat(status.body())
                .contains("<h1>Rapport wordt gemaakt</h1>")
                .contains("<progress id=\"report-progress\" max=\"100\" value=\"5\">5%</progress>")
                .contains("Het rapport wordt gemaakt: 5% klaar.");

        engine.go.countDown();
        String id = location.substring(location.indexOf('=') + 1);
        jobs.await(ReportPage.owner(MANAGER), java.util.UUID.fromString(id), java.time.Duration.ofSeconds(10));
        FakeHttp.Response done = get(location.substring(location.indexOf('?') + 1), MANAGER);
        assertThat(done.header("Refresh")).isNull();
        assertThat(done.body())
                .contains("Het rapport is klaar.")
                .contains("href=\"/meerwaarde/report?job=" + id
                        + "&amp;download=1\" download>Download kpi-rapport-tinten-2026-01-01.pdf</a>");
        FakeHttp.Response file = get("job=" + id + "&download=1", MANAGER);
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.body()).startsWith("%PDF-");
    }

    @Test
    void aFormatThatIsNeitherPdfNorCsvIsAskedAgain() throws Exception {
        FakeHttp.Response posted = post(QUERY, "docx", MANAGER);

        assertThat(posted.status()).isEqualTo(400);
        assertThat(posted.body()).contains("Kies PDF of CSV.");
    }

    @Test
    void aBadScopeIsABadRequest() throws Exception {
        FakeHttp.Response response = get("set=tinten&scope=planeet&period=2026", MANAGER);

        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("Terug naar het dashboard");
    }
}
