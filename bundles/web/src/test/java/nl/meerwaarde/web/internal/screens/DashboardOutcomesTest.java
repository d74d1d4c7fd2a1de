package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiLevel;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.Fakes;
import org.junit.jupiter.api.Test;

/**
 * The dashboard with instrument outcomes (labels from the questionnaires, the Positieve Gezondheid spider web, ZRM
 * progress), external figures per municipality and period, and the organisation's stored KPI sets.
 */
class DashboardOutcomesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String WEB_NOTE =
            "zelfbeoordeling; het spinnenweb is een gespreksinstrument, geen bewijs van" + " effect";

    private final Engine engine = new Engine();
    private final Sets sets = new Sets();
    private final Fakes.Activities activities = new Fakes.Activities();
    private final Fakes.Org organisation = new Fakes.Org();

    private static Subject.WorkerSubject manager() {
        return Fixtures.worker("Mila Manager", Set.of(Fixtures.NOORD), Role.WORKER, Role.MANAGER);
    }

    private PageContent render(String query, QuestionnaireCatalog catalog, Messages messages) {
        return DashboardPage.render(
                engine,
                activities,
                organisation,
                catalog,
                sets,
                FakeHttp.get("/meerwaarde/dashboard").query(query).proxy(),
                manager(),
                messages,
                new Links("/meerwaarde", "/meerwaarde/dashboard", query, Optional.empty()),
                TODAY);
    }

    private PageContent render(String query) {
        return render(query, new Fakes.Catalog(), Messages.of(Languages.DUTCH));
    }

    /** The part of the page from an element's id up to the end of its section. */
    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return body.substring(start, body.indexOf("</section>", start));
    }

    @Test
    void outcomeItemsAreNamedByTheirQuestionnairesTextsNotByTheirAnswerPaths() {
        PageContent page = render("set=instrument-outcomes");

        assertThat(page.status()).isEqualTo(200);
        String pg = section(page.body(), "kpi-uitkomst-pg-begin");
        assertThat(pg)
                // the dimension's name, the question after the colon left out
                .contains("<th scope=\"row\">Lichaamsfuncties</th>")
                .contains("<th scope=\"row\">Dagelijks functioneren</th>")
                .doesNotContain("welk cijfer geeft u uzelf nu")
                .contains("<th scope=\"col\">Domein of dimensie</th>")
                // labelled as a self-rating
                .contains("<p class=\"kpi__note\">Zelfbeoordeling van inwoners (Positieve Gezondheid)");
        assertThat(section(page.body(), "kpi-uitkomst-zrm-verbeterd"))
                .contains("<th scope=\"row\">Financiën</th>")
                .contains("<th scope=\"row\">Werk &amp; opleiding</th>")
                .doesNotContain("Zelfbeoordeling");
        // a nested item (group financien, item financienFase) is named after its group, the domain
        assertThat(section(page.body(), "kpi-uitkomst-em-verbeterd"))
                .contains("<th scope=\"row\">Financiën</th>")
                .doesNotContain("financien.financienFase");
        assertThat(page.body()).doesNotContain("<th scope=\"row\">lichaamsfuncties</th>");
    }

    @Test
    void theSpiderWebIsATableOfBothMeasurementsPerDimensionThatARadarChartIsDrawnFrom() {
        String body = render("set=instrument-outcomes").body();
        String web = section(body, "outcome-web");

        assertThat(web)
                .contains("<h2 id=\"outcome-web-title\">Spinnenweb Positieve Gezondheid</h2>")
                // a visible note: a self-rating and a conversation aid, not proof of effect
                .contains("<p class=\"kpi__note\">")
                .contains(WEB_NOTE)
                .contains("<table class=\"kpi-table\" id=\"outcome-web-table\" data-chart=\"radar\" data-chart-label=\""
                        + "Spinnenweb: gemiddelde zelfbeoordeling per dimensie bij begin en laatste meting, schaal 0 tot"
                        + " 10 (" + WEB_NOTE + "). Dezelfde cijfers staan in de tabel eronder.\""
                        + " data-chart-min=\"0\" data-chart-max=\"10\">")
                .contains("<caption id=\"outcome-web-table-caption\">Positieve Gezondheid per dimensie, 2026: begin en"
                        + " laatste meting (zelfbeoordeling)</caption>")
                .contains("<tr><th scope=\"col\">Dimensie</th>"
                        + "<th scope=\"col\" class=\"num\" data-series=\"brand\">Begin</th>"
                        + "<th scope=\"col\" class=\"num\" data-series=\"accent\">Laatste meting</th>"
                        + "<th scope=\"col\" class=\"num\"><abbr title=\"aantal waarop het cijfer berust\">n</abbr></th>"
                        + "</tr>")
                .contains("<tr><th scope=\"row\">Lichaamsfuncties</th><td class=\"num\" data-value=\"5.5\">5,5</td>"
                        + "<td class=\"num\" data-value=\"6.25\" title=\"precies 6,25\">6,3<span"
                        + " class=\"visually-hidden\"> (precies 6,25)</span></td><td class=\"num\">4</td></tr>")
                // a dimension nobody was measured on twice: no value, n 0
                .contains("<tr><th scope=\"row\">Kwaliteit van leven</th><td class=\"num novalue\" data-novalue=\"\">"
                        + "geen waarde</td><td class=\"num novalue\" data-novalue=\"\">geen waarde</td>"
                        + "<td class=\"num\">0</td></tr>");
        // six dimensions, in the questionnaire's order
        assertThat(web.split("<tr><th scope=\"row\">", -1)).hasSize(7);
        assertThat(web.indexOf("Lichaamsfuncties")).isLessThan(web.indexOf("Dagelijks functioneren"));
        // before the KPIs one by one, which keep their own tables
        assertThat(body.indexOf("id=\"outcome-web\"")).isLessThan(body.indexOf("id=\"kpis-title\""));
        assertThat(body).contains("id=\"kpi-uitkomst-pg-laatste-table\"");
    }

    @Test
    void theSpiderWebNeedsBothItsKpisAndWithoutAnyValueItsTableHasNoChart() {
        sets.saved.add(new KpiSet("alleen-begin", "Alleen begin", Optional.empty(), List.of("uitkomst-pg-begin")));
        assertThat(render("set=alleen-begin").body()).doesNotContain("outcome-web");

        engine.empty = true;
        String body = render("set=instrument-outcomes").body();
        // the engine answers the items without values: the table stays (every dimension "no value"), no chart
        assertThat(section(body, "outcome-web"))
                .contains("<table class=\"kpi-table\" id=\"outcome-web-table\">")
                .contains("geen waarde");
    }

    @Test
    void zrmProgressIsAStackedBarChartOfImprovedStableAndWorsenedPerDomain() {
        String zrm = section(render("set=instrument-outcomes").body(), "outcome-zrm");

        assertThat(zrm)
                .contains("<h2 id=\"outcome-zrm-title\">Voortgang op de Zelfredzaamheid-Matrix</h2>")
                .contains("De ZRM kent geen totaalscore.")
                .contains("id=\"outcome-zrm-table\" data-chart=\"bar\" data-chart-label=\"Gestapeld staafdiagram: per"
                        + " ZRM-domein het percentage inwoners dat verbeterde, gelijk bleef of verslechterde. Dezelfde"
                        + " cijfers staan in de tabel eronder.\" data-chart-stacked=\"\" data-chart-horizontal=\"\""
                        + " data-chart-min=\"0\" data-chart-max=\"100\">")
                .contains("<th scope=\"col\">Domein</th>"
                        + "<th scope=\"col\" class=\"num\" data-series=\"brand\">% verbeterd</th>"
                        + "<th scope=\"col\" class=\"num\" data-series=\"neutral\">% gelijk</th>"
                        + "<th scope=\"col\" class=\"num\" data-series=\"accent\">% verslechterd</th>")
                .contains("<tr><th scope=\"row\">Financiën</th><td class=\"num\" data-value=\"50\">50</td>"
                        + "<td class=\"num\" data-value=\"25\">25</td><td class=\"num\" data-value=\"25\">25</td>"
                        + "<td class=\"num\">4</td></tr>")
                .contains("<tr><th scope=\"row\">Werk &amp; opleiding</th><td class=\"num novalue\"");

        sets.saved.add(new KpiSet(
                "zrm-half",
                "ZRM half",
                Optional.empty(),
                List.of("uitkomst-zrm-verbeterd", "uitkomst-zrm-verslechterd")));
        assertThat(render("set=zrm-half").body()).doesNotContain("outcome-zrm");
    }

    @Test
    void externalFiguresAreTablesPerMunicipalityAndPeriodWithTheirN() {
        PageContent page = render("set=sector-model");

        assertThat(page.status()).isEqualTo(200);
        assertThat(engine.calls.get(0).ids()).containsExactly("swn-signalen", "swn-eenzaamheid", "swn-armoede");
        String external = section(page.body(), "kpi-swn-eenzaamheid");
        assertThat(external)
                .contains("<p class=\"kpi__note\">Cijfer van buiten de registratie")
                .contains("<th scope=\"col\">Gemeente en periode</th>")
                // the municipality named after the funder with its code; the period's first and last day
                .contains("<tr><th scope=\"row\">Gemeente Emmen · 1-1-2025 t/m 31-12-2025</th>"
                        + "<td class=\"num\" data-value=\"14.5\">14,5</td><td class=\"num\">812</td></tr>")
                // a code no funder has; an n the source did not give
                .contains("<tr><th scope=\"row\">Gemeente 0119 · 1-1-2026 t/m 30-6-2026</th>"
                        + "<td class=\"num\" data-value=\"13\">13</td><td class=\"num\">niet opgegeven</td></tr>")
                .contains("data-chart=\"bar\"");
        // only the KPI without figures is not on the dashboard yet
        String later = section(page.body(), "later-title");
        assertThat(later).contains("<li>Armoede <span").doesNotContain("Eenzaamheid");

        PageContent english = render("set=sector-model", new Fakes.Catalog(), Messages.of(Languages.ENGLISH));
        assertThat(english.body())
                .contains("<th scope=\"row\">Gemeente Emmen · 1-1-2025 to 31-12-2025</th>")
                .contains("Figure from outside the registrations");
    }

    @Test
    void aTeamHasNoExternalFiguresAndIsToldWhy() {
        String body = render("set=sector-model&scope=team:team-noord").body();

        assertThat(body)
                .doesNotContain("id=\"kpi-swn-eenzaamheid\"")
                .contains("<li>Eenzaamheid <span class=\"kpi-later__source\">(cijfer van buiten de registratie, alleen"
                        + " bij de hele organisatie of een opdrachtgever)</span></li>");
    }

    @Test
    void theStoredKpiSetsAreOfferedBesideTheLibrariesAndComeFirst() {
        sets.saved.add(new KpiSet(
                "emmen-2026",
                "Rapportage Emmen",
                Optional.of(new FunderId("gemeente-emmen")),
                List.of("swn-eenzaamheid", "uitkomst-pg-laatste", "uitkomst-pg-begin", "gone")));
        // a stored set with a library's id is found before the library
        sets.saved.add(new KpiSet("sector-model", "Eigen keuze", Optional.empty(), List.of("swn-signalen")));

        PageContent chosen = render("set=emmen-2026");

        assertThat(chosen.status()).isEqualTo(200);
        // in the set's order; a KPI the engine no longer knows is left out
        assertThat(engine.calls.get(0).ids())
                .containsExactly("swn-eenzaamheid", "uitkomst-pg-laatste", "uitkomst-pg-begin");
        assertThat(chosen.body())
                .contains("<option value=\"tinten\">Tinten ketenKPI&#39;s</option>")
                .contains("<option value=\"instrument-outcomes\">Uitkomsten van meetinstrumenten</option>")
                .contains("<option value=\"emmen-2026\" selected>Rapportage Emmen (voor Gemeente Emmen)</option>")
                .contains("<option value=\"sector-model\">Eigen keuze</option>")
                .contains("<h2 id=\"dashboard-title\">Rapportage Emmen: Hele organisatie, 2026</h2>")
                .contains("id=\"outcome-web-table\"")
                .contains("Gemeente Emmen · 1-1-2025 t/m 31-12-2025");

        engine.calls.clear();
        render("set=sector-model");
        assertThat(engine.calls.get(0).ids()).containsExactly("swn-signalen");
        assertThat(render("set=onbekend").status()).isEqualTo(400);
    }

    @Test
    void withoutCatalogOrSetStoreNothingBreaksAndItemsAreShownByTheirPaths() {
        PageContent page = DashboardPage.render(
                engine,
                activities,
                organisation,
                null,
                null,
                FakeHttp.get("/meerwaarde/dashboard")
                        .query("set=instrument-outcomes")
                        .proxy(),
                manager(),
                Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/dashboard", "set=instrument-outcomes", Optional.empty()),
                TODAY);

        assertThat(page.status()).isEqualTo(200);
        assertThat(section(page.body(), "outcome-web"))
                .contains("<tr><th scope=\"row\">lichaamsfuncties</th><td class=\"num\" data-value=\"5.5\">")
                .contains(WEB_NOTE);
        assertThat(section(page.body(), "kpi-uitkomst-em-verbeterd"))
                .contains("<th scope=\"row\">financien.financienFase</th>");
        assertThat(page.body()).contains("<option value=\"tinten\">").doesNotContain("(voor ");
    }

    @Test
    void inEnglishTheSpiderWebSaysTheSame() {
        String web = section(
                render("set=instrument-outcomes", new Fakes.Catalog(), Messages.of(Languages.ENGLISH))
                        .body(),
                "outcome-web");

        assertThat(web)
                .contains("Positive Health spider web")
                .contains("self-rating; the spider web is a conversation aid, not proof of effect")
                .contains("data-series=\"brand\">First</th>")
                .contains(">6.3<span class=\"visually-hidden\"> (exactly 6.25)</span>");
    }

    record Call(List<String> ids, Scope scope, Period period) {}

    /** The organisation's stored KPI sets. */
    static final class Sets implements KpiSetStore {
        final List<KpiSet> saved = new ArrayList<>();

        @Override
        public List<KpiSet> all() {
            return List.copyOf(saved);
        }

        @Override
        public Optional<KpiSet> find(String id) {
            return saved.stream().filter(set -> set.id().equals(id)).findFirst();
        }

        @Override
        public void save(KpiSet set, String actor) {
            saved.add(set);
        }

        @Override
        public boolean delete(String id) {
            return saved.removeIf(set -> set.id().equals(id));
        }
    }

    /** Outcome, external and one computed KPI, answered with fixed figures as the real engine shapes them. */
    static final class Engine implements KpiEngine {
        static final List<String> PG = List.of(
                "lichaamsfuncties",
                "mentaalWelbevinden",
                "zingeving",
                "kwaliteitVanLeven",
                "meedoen",
                "dagelijksFunctioneren");

        final List<Call> calls = new ArrayList<>();
        /** Whether the outcome KPIs' items have no values (nobody measured twice). */
        boolean empty;

        private static KpiDefinition outcome(String id, String unit, String statistic, String questionnaire) {
            return new KpiDefinition(
                    id,
                    1,
                    "instrument-outcomes",
                    "Uitkomst " + id,
                    "Beschrijving van " + id,
                    KpiLevel.OUTCOME,
                    Optional.empty(),
                    Optional.empty(),
                    unit,
                    KpiSource.INSTRUMENT_MEASUREMENTS,
                    Optional.of("{\"outcome\":\"" + statistic + "\",\"questionnaire\":\"" + questionnaire + "\"}"),
                    Optional.of("outcome.item"),
                    false);
        }

        private static KpiDefinition sector(String id, String name, KpiSource source) {
            return new KpiDefinition(
                    id,
                    1,
                    "sector-model",
                    name,
                    "Beschrijving van " + name,
                    KpiLevel.OUTCOME,
                    Optional.empty(),
                    Optional.empty(),
                    "percent",
                    source,
                    source == KpiSource.REGISTRATIONS ? Optional.of("{}") : Optional.empty(),
                    Optional.empty(),
                    false);
        }

        @Override
        public List<KpiDefinition> definitions() {
            return List.of(
                    outcome("uitkomst-em-verbeterd", "percent", "improved", "effectenmonitor"),
                    outcome("uitkomst-pg-begin", "score", "baseline", "positieve-gezondheid-demo"),
                    outcome("uitkomst-pg-laatste", "score", "latest", "positieve-gezondheid-demo"),
                    outcome("uitkomst-zrm-verbeterd", "percent", "improved", "zrm-2017"),
                    outcome("uitkomst-zrm-stabiel", "percent", "stable", "zrm-2017"),
                    outcome("uitkomst-zrm-verslechterd", "percent", "worsened", "zrm-2017"),
                    sector("swn-signalen", "Signalen", KpiSource.REGISTRATIONS),
                    sector("swn-eenzaamheid", "Eenzaamheid", KpiSource.EXTERNAL_FIGURES),
                    sector("swn-armoede", "Armoede", KpiSource.EXTERNAL_FIGURES),
                    new KpiDefinition(
                            "tinten-1",
                            1,
                            "tinten",
                            "Aantal signalen",
                            "Beschrijving",
                            KpiLevel.OUTPUT,
                            Optional.empty(),
                            Optional.empty(),
                            "signals",
                            KpiSource.REGISTRATIONS,
                            Optional.of("{}"),
                            Optional.empty(),
                            false));
        }

        @Override
        public Optional<KpiDefinition> definition(String id) {
            return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period) {
            calls.add(new Call(List.copyOf(kpiIds), scope, period));
            return kpiIds.stream()
                    .map(id -> new KpiResult(id, scope, period, values(id, scope)))
                    .toList();
        }

        private List<KpiValue> values(String id, Scope scope) {
            boolean municipal = scope instanceof Scope.OrganisationScope || scope instanceof Scope.FunderScope;
            return switch (id) {
                case "uitkomst-pg-begin" -> pg(Map.of(0, "5.5", 1, "6.5", 2, "8", 4, "3"));
                case "uitkomst-pg-laatste" -> pg(Map.of(0, "6.25", 1, "6.5", 2, "5", 4, "4"));
                case "uitkomst-zrm-verbeterd" -> zrm("50");
                case "uitkomst-zrm-stabiel", "uitkomst-zrm-verslechterd" -> zrm("25");
                case "uitkomst-em-verbeterd" ->
                    List.of(
                            value("financien.financienFase", empty ? null : "66.6666666667", 3),
                            value("wonen.wonenFase", null, 0));
                case "swn-eenzaamheid" ->
                    municipal
                            ? List.of(
                                    value("0114 2025-01-01/2025-12-31", "14.5", 812),
                                    value("0119 2026-01-01/2026-06-30", "13", 0))
                            : List.of();
                case "swn-signalen", "tinten-1" -> List.of(value(null, "12", 12));
                default -> List.of();
            };
        }

        private List<KpiValue> pg(Map<Integer, String> means) {
            List<KpiValue> values = new ArrayList<>();
            for (int i = 0; i < PG.size(); i++) {
                String mean = empty ? null : means.get(i);
                values.add(value(PG.get(i), mean, mean == null ? 0 : i == 0 ? 4 : 1));
            }
            return values;
        }

        private List<KpiValue> zrm(String financien) {
            return List.of(
                    value("financien", empty ? null : financien, empty ? 0 : 4),
                    value("werkOpleiding", null, 0),
                    value("huisvesting", empty ? null : "0", empty ? 0 : 1));
        }

        private static KpiValue value(String group, String value, long n) {
            return new KpiValue(
                    Optional.ofNullable(group),
                    Optional.ofNullable(value).map(BigDecimal::new),
                    Optional.empty(),
                    n,
                    Optional.empty(),
                    Optional.empty(),
                    List.of());
        }
    }
}
