package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiLevel;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.Fakes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardPageTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final Engine engine = new Engine();
    private final Fakes.Activities activities = new Fakes.Activities();
    private final Fakes.Org organisation = new Fakes.Org();
    private CollectiveActivity noordActivity;
    private CollectiveActivity zuidActivity;

    @BeforeEach
    void activities() {
        noordActivity = activity(Fixtures.NOORD, "Koffie & <buren>");
        zuidActivity = activity(Fixtures.ZUID, "Wandelgroep Zuid");
        activities.save(noordActivity);
        activities.save(zuidActivity);
        engine.noordActivity = noordActivity.id();
        engine.zuidActivity = zuidActivity.id();
    }

    private static Subject.WorkerSubject manager() {
        return Fixtures.worker("Mila Manager", Set.of(Fixtures.NOORD), Role.WORKER, Role.MANAGER);
    }

    private PageContent render(String query, Subject.WorkerSubject worker) {
        return render(query, worker, Messages.of(Languages.DUTCH));
    }

    private PageContent render(String query, Subject.WorkerSubject worker, Messages messages) {
        return DashboardPage.render(
                engine,
                activities,
                organisation,
                FakeHttp.get("/meerwaarde/dashboard").query(query).proxy(),
                worker,
                messages,
                new Links("/meerwaarde", "/meerwaarde/dashboard", query, Optional.empty()),
                TODAY);
    }

    @Test
    void aManagerSeesTheOrganisationsFiguresOfTheYearWithTheirN() {
        PageContent page = render(null, manager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("KPI-dashboard");
        assertThat(page.currentPath()).isEqualTo("/meerwaarde/dashboard");
        assertThat(engine.calls.get(0).scope()).isEqualTo(new Scope.OrganisationScope());
        assertThat(engine.calls.get(0).period()).isEqualTo(Period.year(2026));
        assertThat(engine.calls.get(0).ids())
                .containsExactly("tinten-1", "tinten-3", "tinten-12", "tinten-15", "tinten-17");
        String body = page.body();
        assertThat(body)
                .contains("<h2 id=\"dashboard-title\">Tinten ketenKPI&#39;s: Hele organisatie, 2026</h2>")
                .contains("<h3 id=\"kpi-tinten-1-title\">Aantal signalen</h3>")
                // the value rounded to one decimal with a comma, the exact value in the title and hidden text
                .contains("<td class=\"num\" data-value=\"42.8571428571\" title=\"precies 300/7 ≈ 42,8571428571\">"
                        + "42,9<span class=\"visually-hidden\"> (precies 300/7 ≈ 42,8571428571)</span></td>")
                // a whole number stays whole; its n beside it
                .contains("<td class=\"num\" data-value=\"1234\">1.234</td><td class=\"num\">1.234</td>")
                // a group without value
                .contains("<th scope=\"row\">Jongeren</th><td class=\"num novalue\" data-novalue=\"\">geen waarde</td>"
                        + "<td class=\"num\">0</td>")
                // known residents and anonymous counts that add up to a count of people
                .contains("<th scope=\"row\">Ouderen</th><td class=\"num\" data-value=\"12\">12</td>"
                        + "<td class=\"num\">12 <span class=\"kpi-table__parts\">(9 bekend, 3 anoniem)</span></td>")
                // activity ids shown as the activity's title, escaped
                .contains("<th scope=\"row\">Koffie &amp; &lt;buren&gt;</th>")
                .doesNotContain("<th scope=\"row\">" + noordActivity.id().value())
                // KPI 15's quotes under their dimension, escaped
                .contains("<summary>Wat inwoners vertellen: Erkend voelen (2)</summary>")
                .contains("<blockquote><p>Ik hoor erbij &lt;script&gt;alert(1)&lt;/script&gt;</p></blockquote>")
                .doesNotContain("<script>alert(1)")
                // table headers with scope
                .contains("<th scope=\"col\">Doelgroep</th><th scope=\"col\" class=\"num\">Inwoners</th>")
                .contains("<caption id=\"kpi-tinten-3-table-caption\">Verdeling per doelgroep, 2026</caption>");
    }

    @Test
    void activitiesOfABreakdownAreListedByTitle() {
        String body = render(null, manager()).body();
        String table = body.substring(body.indexOf("id=\"kpi-tinten-12-table\""), body.indexOf("id=\"kpi-tinten-15\""));

        assertThat(table.indexOf("Koffie &amp; &lt;buren&gt;")).isLessThan(table.indexOf("Wandelgroep Zuid"));
    }

    @Test
    void chartsAreDrawnFromTheTablesByAScriptFileWithoutInlineScript() {
        String body = render(null, manager()).body();

        assertThat(body)
                .contains(
                        "<table class=\"kpi-table\" id=\"kpi-tinten-3-table\" data-chart=\"bar\" "
                                + "data-chart-label=\"Staafdiagram: Verdeling per doelgroep, uitgesplitst naar doelgroep. Dezelfde"
                                + " cijfers staan in de tabel eronder.\" data-chart-integer=\"\" data-chart-series=\"Inwoners\">")
                .contains("<table class=\"kpi-table\" id=\"trend-table\" data-chart=\"line\"")
                // signals are counted: the chart's axis counts in whole steps
                .containsPattern(
                        "id=\"kpi-tinten-3-table\" data-chart=\"bar\" data-chart-label=\"[^\"]*\" data-chart-integer")
                .doesNotContainPattern("id=\"kpi-tinten-15-table\"[^>]*data-chart-integer")
                .contains("<script src=\"/meerwaarde/static/chart.js/chart.umd.js\" defer></script>")
                .contains("<script src=\"/meerwaarde/static/dashboard.js\" defer></script>")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                .doesNotContain(" style=")
                .doesNotContain(" onclick=");
        // a KPI without breakdown gets no chart: its one figure is in the table
        assertThat(body).doesNotContain("id=\"kpi-tinten-1-table\" data-chart");
    }

    @Test
    void theTrendLineHasOneEngineCallPerPeriodUpToTheChosenOne() {
        PageContent year = render("kpi=tinten-17", manager());
        assertThat(year.status()).isEqualTo(200);
        List<Call> trend = engine.calls.subList(1, engine.calls.size());
        assertThat(trend).extracting(Call::ids).allMatch(ids -> ids.equals(List.of("tinten-17")));
        assertThat(trend)
                .extracting(Call::period)
                .containsExactly(
                        Period.year(2022), Period.year(2023), Period.year(2024), Period.year(2025), Period.year(2026));
        assertThat(year.body())
                .contains("<h2 id=\"trend-title\">Verloop: Percentage geholpen</h2>")
                .contains("<th scope=\"row\">2022</th>");

        engine.calls.clear();
        PageContent quarter = render("period=2026-K2", manager());
        assertThat(engine.calls).hasSize(1 + 8);
        assertThat(engine.calls.get(0).period()).isEqualTo(Period.quarter(2026, 2));
        assertThat(engine.calls.get(1).period()).isEqualTo(Period.quarter(2024, 3));
        assertThat(quarter.body())
                .contains("Hele organisatie, K2 2026</h2>")
                .contains("<th scope=\"row\">K3 2024</th>");

        engine.calls.clear();
        PageContent month = render("period=2026-03", manager());
        assertThat(engine.calls).hasSize(1 + 12);
        assertThat(engine.calls.get(1).period()).isEqualTo(Period.month(java.time.YearMonth.of(2025, 4)));
        assertThat(month.body()).contains("Hele organisatie, maart 2026</h2>").contains(">april 2025</th>");

        engine.calls.clear();
        PageContent range = render("from=2026-01-15&to=2026-02-14", manager());
        assertThat(engine.calls).hasSize(1);
        assertThat(engine.calls.get(0).period())
                .isEqualTo(new Period(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15)));
        assertThat(range.body())
                .contains("15 januari 2026 tot en met 14 februari 2026")
                .contains("Een verloop wordt getoond bij een jaar, een kwartaal of een maand");
    }

    @Test
    void theManagerDrillsDownFromTheOrganisationToATeamToAnActivity() {
        String organisationLevel = render("set=tinten&period=2026", manager()).body();
        assertThat(organisationLevel)
                .contains("<h2 id=\"drilldown-title\">Inzoomen</h2>")
                .contains("<li><span aria-current=\"page\">Hele organisatie</span></li>")
                .contains("<a href=\"/meerwaarde/dashboard?set=tinten&amp;period=2026&amp;scope=team%3Ateam-noord\">"
                        + "Noord</a>")
                .contains("scope=team%3Ateam-zuid\">Zuid</a>");

        String teamLevel = render("scope=team:team-zuid", manager()).body();
        assertThat(teamLevel)
                .contains("<a href=\"/meerwaarde/dashboard?scope=organisation\">Hele organisatie</a>")
                .contains("<span aria-current=\"page\">Zuid</span>")
                .contains("scope=activity%3A" + zuidActivity.id().value() + "\">Wandelgroep Zuid</a>")
                .doesNotContain("scope=activity%3A" + noordActivity.id().value());
        assertThat(engine.calls.get(engine.calls.size() - 1).scope()).isEqualTo(new Scope.TeamScope(Fixtures.ZUID));

        String activityLevel =
                render("scope=activity:" + zuidActivity.id().value(), manager()).body();
        assertThat(activityLevel)
                .contains("<a href=\"/meerwaarde/dashboard?scope=team%3Ateam-zuid\">Zuid</a>")
                .contains("<span aria-current=\"page\">Wandelgroep Zuid</span>")
                .contains("Tinten ketenKPI&#39;s: Wandelgroep Zuid, 2026");
    }

    @Test
    void aManagerChoosesTargetGroupsAndFundersToo() {
        PageContent page = render("scope=funder:gemeente-emmen", manager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(engine.calls.get(0).scope())
                .isEqualTo(new Scope.FunderScope(new nl.meerwaarde.host.spi.FunderId("gemeente-emmen")));
        assertThat(page.body())
                .contains("<optgroup label=\"Doelgroepen\">")
                .contains("<option value=\"targetGroup:ouderen\">Ouderen</option>")
                .contains("<option value=\"funder:gemeente-emmen\" selected>Gemeente Emmen</option>")
                .contains("Opdrachtgever Gemeente Emmen, 2026</h2>");
    }

    @Test
    void aWorkerSeesHisOwnTeamByDefaultAndOnlyOwnTeamsAndActivitiesInTheChoice() {
        PageContent page = render(null, Fixtures.fatima());

        assertThat(page.status()).isEqualTo(200);
        assertThat(engine.calls.get(0).scope()).isEqualTo(new Scope.TeamScope(Fixtures.NOORD));
        assertThat(page.body())
                .contains("<option value=\"team:team-noord\" selected>Noord</option>")
                .contains("<option value=\"activity:" + noordActivity.id().value() + "\">Koffie &amp; &lt;buren&gt;")
                .doesNotContain("value=\"organisation\"")
                .doesNotContain("team:team-zuid")
                .doesNotContain("activity:" + zuidActivity.id().value())
                .doesNotContain("activity%3A" + zuidActivity.id().value())
                // no link up to the organisation
                .doesNotContain("scope=organisation\"");
    }

    @Test
    void aWorkerCannotOpenOrganisationWideOrAnotherTeamsScope() {
        for (String query : List.of(
                "scope=organisation",
                "scope=team:team-zuid",
                "scope=targetGroup:ouderen",
                "scope=funder:gemeente-emmen",
                "scope=activity:" + zuidActivity.id().value(),
                "scope=activity:" + ActivityId.random().value())) {
            PageContent page = render(query, Fixtures.fatima());

            assertThat(page.status()).as(query).isEqualTo(403);
            assertThat(page.body())
                    .as(query)
                    .contains("U mag alleen de cijfers van uw eigen teams en hun activiteiten bekijken.")
                    .contains("<form method=\"get\" action=\"/meerwaarde/dashboard\"")
                    .contains("aria-invalid=\"true\"")
                    .doesNotContain("Wandelgroep Zuid</span>");
        }
        assertThat(engine.calls).isEmpty();

        PageContent own = render("scope=activity:" + noordActivity.id().value(), Fixtures.fatima());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("<a href=\"/meerwaarde/dashboard?scope=team%3Ateam-noord\">Noord</a>");
    }

    @Test
    void throughTheServletAForbiddenScopeIsA403PageWithTheMenuAndNoStackTrace() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new DashboardPage(menu(), engine, activities, organisation)
                .doGet(
                        FakeHttp.get("/meerwaarde/dashboard")
                                .query("scope=organisation")
                                .attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima())
                                .proxy(),
                        response.proxy());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.body())
                .contains("<html lang=\"nl\">")
                .contains("<h1>KPI-dashboard</h1>")
                .contains("<a href=\"/meerwaarde/dashboard\" aria-current=\"page\">KPI-dashboard</a>")
                .contains("U mag alleen de cijfers van uw eigen teams en hun activiteiten bekijken.")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void withoutAnEngineTheScreenSaysItIsUnavailable() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new DashboardPage(menu(), null, activities, organisation)
                .doGet(
                        FakeHttp.get("/meerwaarde/dashboard")
                                .attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.fatima())
                                .proxy(),
                        response.proxy());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("<h1>KPI-dashboard</h1>").contains("tijdelijk niet beschikbaar");
    }

    @Test
    void aResidentGetsNoDashboard() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new DashboardPage(menu())
                .doGet(
                        FakeHttp.get("/meerwaarde/dashboard")
                                .attribute(WebConstants.SUBJECT_ATTRIBUTE, Fixtures.resident())
                                .proxy(),
                        response.proxy());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("<h1>Geen toegang</h1>");
    }

    @Test
    void badParametersShowTheFormAgainWithAClearDutchMessage() {
        Map<String, String> expected = new HashMap<>();
        expected.put("period=2026-13", "Vul een jaar (2026), een kwartaal (2026-K2) of een maand (2026-03) in.");
        expected.put("period=vorig+jaar", "Vul een jaar (2026), een kwartaal (2026-K2) of een maand (2026-03) in.");
        expected.put("period=2026&from=2026-01-01", "Vul een periode in of een begin- en einddatum, niet allebei.");
        expected.put("from=2026-03-01&to=2026-01-01", "De laatste dag ligt voor de eerste dag.");
        expected.put("from=2026-02-30&to=2026-03-01", "Vul een bestaande datum in als jaar-maand-dag");
        expected.put("from=2026-01-01", "Vul een datum in, zoals 2026-01-15.");
        expected.put("from=%2B999999999-01-01&to=%2B999999999-01-02", "Vul een bestaande datum in als jaar-maand-dag");
        expected.put("period=1066", "Vul een jaar (2026), een kwartaal (2026-K2) of een maand (2026-03) in.");
        expected.put("from=2000-01-01&to=2030-01-01", "Een eigen periode duurt hoogstens 20 jaar.");
        expected.put("scope=team:%3Cscript%3E", "Kies uit de lijst waarover u de cijfers wilt zien.");
        expected.put("scope=activity:not-a-uuid", "Kies uit de lijst waarover u de cijfers wilt zien.");
        expected.put("scope=planet:mars", "Kies uit de lijst waarover u de cijfers wilt zien.");
        expected.put("set=nope", "Kies een KPI-set uit de lijst.");
        expected.put("kpi=tinten-3", "Kies een KPI voor het verloop uit de lijst.");
        expected.put("kpi=nope", "Kies een KPI voor het verloop uit de lijst.");
        expected.forEach((query, message) -> {
            PageContent page = render(query, manager());

            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.body())
                    .as(query)
                    .contains("<div class=\"error-summary\"")
                    .contains(message)
                    .contains("<form method=\"get\" action=\"/meerwaarde/dashboard\"")
                    .doesNotContain("<script")
                    .doesNotContain("<h2 id=\"dashboard-title\">");
        });
        assertThat(engine.calls).isEmpty();
        assertThat(render("period=2026-13", manager()).body())
                .contains("value=\"2026-13\"")
                .contains("<a href=\"#dashboard-period\">Periode: Vul een jaar");
    }

    @Test
    void anUnknownActivityIsSaidToBeMissing() {
        PageContent page = render("scope=activity:" + ActivityId.random().value(), manager());

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Deze activiteit bestaat niet (meer).");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void theSectorModelListsItsEnteredFiguresWithoutValuesAsNotYetAvailable() {
        PageContent page = render("set=sector-model", manager());

        assertThat(page.status()).isEqualTo(200);
        // external KPIs are asked too: the engine gives the figures entered (here none)
        assertThat(engine.calls.get(0).ids()).containsExactly("swn-signalen", "swn-eenzaamheid");
        assertThat(page.body())
                .contains("KPI-model sociaal werk: Hele organisatie, 2026")
                .contains("<h2 id=\"later-title\">Nog niet op het dashboard</h2>")
                .contains("<li>Eenzaamheid <span class=\"kpi-later__source\">(ingevoerd cijfer, nog niet beschikbaar)"
                        + "</span></li>")
                .contains("<option value=\"sector-model\" selected>KPI-model sociaal werk</option>");
    }

    @Test
    void changingTheSetKeepsTheFormWorkingThoughTheTrendKpiWasOfTheOtherSet() {
        PageContent page = render("set=sector-model&kpi=tinten-1", manager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(engine.calls).extracting(Call::ids).last().isEqualTo(List.of("swn-signalen"));
        assertThat(page.body())
                .contains("<h2 id=\"trend-title\">Verloop: Aantal signalen (sector)</h2>")
                .contains("<option value=\"swn-signalen\" selected>");
    }

    @Test
    void theFormAsABrowserSubmitsItWithEmptyDatesShowsTheFigures() {
        PageContent page =
                render("set=tinten&scope=team%3Ateam-noord&period=2026-K1&from=&to=&kpi=tinten-1", manager());

        assertThat(page.status()).isEqualTo(200);
        assertThat(engine.calls.get(0).scope()).isEqualTo(new Scope.TeamScope(Fixtures.NOORD));
        assertThat(engine.calls.get(0).period()).isEqualTo(Period.quarter(2026, 1));
        assertThat(page.body()).contains("Tinten ketenKPI&#39;s: Noord, K1 2026");
    }

    @Test
    void theChartScriptIsAStaticFileOfTheBundle() throws Exception {
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("static/dashboard.js")) {
            assertThat(in).isNotNull();
            String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(script)
                    .contains("table[data-chart]")
                    .contains("aria-label")
                    .doesNotContain("innerHTML")
                    .doesNotContain("eval(");
        }
    }

    @Test
    void anExplicitlyChosenLanguageIsKeptByTheFormAndTheLinks() {
        PageContent page = DashboardPage.render(
                engine,
                activities,
                organisation,
                FakeHttp.get("/meerwaarde/dashboard").query("lang=en").proxy(),
                manager(),
                Messages.of(Languages.ENGLISH),
                new Links("/meerwaarde", "/meerwaarde/dashboard", "lang=en", Optional.of(Languages.ENGLISH)),
                TODAY);

        assertThat(page.body())
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .contains("href=\"/meerwaarde/dashboard?scope=team%3Ateam-noord&amp;lang=en\">Noord</a>");
    }

    @Test
    void inEnglishTheFiguresUseAPointAndTheTextsAreEnglish() {
        PageContent page = render("period=2026-Q2", manager(), Messages.of(Languages.ENGLISH));

        assertThat(page.body())
                .contains("Tinten chain KPIs: Whole organisation, Q2 2026")
                .contains(">42.9<span class=\"visually-hidden\"> (exactly 300/7 ≈ 42.8571428571)</span>")
                .contains(">no value</td>")
                .contains("<label class=\"label\" for=\"dashboard-period\">Period</label>");
    }

    @Test
    void everyFormFieldHasALabel() {
        String body = render(null, manager()).body();

        for (String id : List.of(
                "dashboard-set",
                "dashboard-scope",
                "dashboard-period",
                "dashboard-from",
                "dashboard-to",
                "dashboard-kpi")) {
            assertThat(body)
                    .as(id)
                    .contains("<label class=\"label\" for=\"" + id + "\">")
                    .contains("id=\"" + id + "\"");
        }
        assertThat(body)
                .contains("<button type=\"submit\" class=\"button\" id=\"dashboard-show\">Toon cijfers</button>");
    }

    @Test
    void aWorkerWithoutTeamsIsToldSo() {
        PageContent page = render(null, Fixtures.worker("Nieuw", Set.of(), Role.WORKER));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("U hoort nog bij geen team.");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void theScreenIsInTheMenuForEveryWorker() {
        ScreenMenu menu = menu();

        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::title, MenuItem::path)
                .contains(org.assertj.core.groups.Tuple.tuple("KPI-dashboard", "/meerwaarde/dashboard"));
        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.ENGLISH))
                .extracting(MenuItem::title)
                .contains("KPI dashboard");
    }

    private static ScreenMenu menu() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new OverviewScreen(), new HashMap<>(Map.of("service.id", 1L, "meerwaarde.screen.order", 10)));
        menu.addScreen(new DashboardScreen(), new HashMap<>(Map.of("service.id", 2L, "meerwaarde.screen.order", 40)));
        return menu;
    }

    private static CollectiveActivity activity(nl.meerwaarde.host.spi.TeamId team, String title) {
        return new CollectiveActivity(
                ActivityId.random(),
                team,
                title,
                Stage.EXECUTION,
                Set.of("ouderen"),
                Optional.empty(),
                Optional.of(LocalDate.of(2026, 3, 1)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    record Call(List<String> ids, Scope scope, Period period) {}

    /** An engine with a few definitions of both libraries; it answers fixed figures and records what it is asked. */
    static final class Engine implements KpiEngine {
        final List<Call> calls = new ArrayList<>();
        ActivityId noordActivity;
        ActivityId zuidActivity;

        private static KpiDefinition definition(
                String id, String library, String name, String unit, KpiSource source, String breakdown) {
            return new KpiDefinition(
                    id,
                    1,
                    library,
                    name,
                    "Beschrijving van " + name,
                    KpiLevel.OUTPUT,
                    Optional.empty(),
                    Optional.empty(),
                    unit,
                    source,
                    source == KpiSource.REGISTRATIONS ? Optional.of("{}") : Optional.empty(),
                    Optional.ofNullable(breakdown),
                    "tinten-15".equals(id));
        }

        @Override
        public List<KpiDefinition> definitions() {
            return List.of(
                    definition(
                            "swn-signalen",
                            "sector-model",
                            "Aantal signalen (sector)",
                            "signals",
                            KpiSource.REGISTRATIONS,
                            null),
                    definition(
                            "swn-eenzaamheid",
                            "sector-model",
                            "Eenzaamheid",
                            "percent",
                            KpiSource.EXTERNAL_FIGURES,
                            null),
                    definition("tinten-1", "tinten", "Aantal signalen", "signals", KpiSource.REGISTRATIONS, null),
                    definition(
                            "tinten-3",
                            "tinten",
                            "Verdeling per doelgroep",
                            "residents",
                            KpiSource.REGISTRATIONS,
                            "activity.targetGroup"),
                    definition(
                            "tinten-12",
                            "tinten",
                            "Klanttevredenheid per activiteit",
                            "grade",
                            KpiSource.REGISTRATIONS,
                            "activity.id"),
                    definition(
                            "tinten-15",
                            "tinten",
                            "Impact per dimensie",
                            "percent",
                            KpiSource.REGISTRATIONS,
                            "dimension.code"),
                    definition("tinten-17", "tinten", "Percentage geholpen", "percent", KpiSource.REGISTRATIONS, null));
        }

        @Override
        public Optional<KpiDefinition> definition(String id) {
            return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period) {
            calls.add(new Call(List.copyOf(kpiIds), scope, period));
            return kpiIds.stream()
                    .map(id -> new KpiResult(id, scope, period, values(id)))
                    .toList();
        }

        private List<KpiValue> values(String id) {
            return switch (id) {
                case "tinten-1", "swn-signalen" -> List.of(value(null, "1234", null, 1234, List.of()));
                case "tinten-3" ->
                    List.of(
                            new KpiValue(
                                    Optional.of("ouderen"),
                                    Optional.of(new BigDecimal("12")),
                                    Optional.empty(),
                                    12,
                                    Optional.empty(),
                                    Optional.of(new KpiValue.Composition(9, 3)),
                                    List.of()),
                            value("jongeren", null, null, 0, List.of()));
                case "tinten-12" ->
                    List.of(
                            value(zuidActivity.value().toString(), "6", null, 2, List.of()),
                            value(noordActivity.value().toString(), "7.5", null, 4, List.of()));
                case "tinten-15" ->
                    List.of(
                            value(
                                    "erkend",
                                    "37.5",
                                    null,
                                    8,
                                    List.of("Ik hoor erbij <script>alert(1)</script>", "Fijn")),
                            value("verbonden", "0", null, 8, List.of()));
                case "tinten-17" -> List.of(value(null, "42.8571428571", "300/7", 7, List.of()));
                default -> List.of();
            };
        }

        private static KpiValue value(String group, String value, String exact, long n, List<String> quotes) {
            return new KpiValue(
                    Optional.ofNullable(group),
                    Optional.ofNullable(value).map(BigDecimal::new),
                    Optional.ofNullable(exact),
                    n,
                    Optional.empty(),
                    Optional.empty(),
                    quotes);
        }
    }
}
