package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.kpi.internal.OutcomeScale.Coded;
import nl.meerwaarde.kpi.internal.OutcomeScale.Numeric;
import nl.meerwaarde.kpi.internal.OutcomeScale.ScoredItem;
import nl.meerwaarde.store.internal.JdbcResponseStore;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instrument outcome KPIs (kpis.md C) on a real store, the same cases on H2 and on PostgreSQL. The data and
 * every expected figure are computed by hand in {@code docs/kpi-outcomes.md}, section "Test data"; the responses
 * are saved through the store's own {@link JdbcResponseStore}, so the answers are stored as the product stores
 * them (value types, nested answer paths).
 */
class OutcomeQueryTest {
    private static final Path QUESTIONNAIRES =
            Path.of("../forms/src/main/resources/OSGI-INF/meerwaarde/questionnaires");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The second quarter of 2025: Amsterdam summer time (UTC+2) at both ends. */
    private static final Period Q2 = Period.quarter(2025, 2);

    private static final UUID NOORD_ACTIVITY = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ZUID_ACTIVITY = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static final ScopeFilter ORGANISATION = new ScopeFilter("1 = 1", List.of(), true);
    private static final ScopeFilter NOORD = new ScopeFilter("a.team_id = ?", List.of("team-noord"), false);
    private static final ScopeFilter ZUID = new ScopeFilter("a.team_id = ?", List.of("team-zuid"), false);

    @TempDir
    Path dir;

    enum Engine {
        H2,
        POSTGRESQL;

        DataSource migrated(Path dir) {
            DataSource dataSource = this == H2
                    ? H2Databases.newFileDatabase(dir)
                    : PostgresServer.shared().createDatabase().dataSource();
            SchemaMigration.migrate(dataSource);
            return dataSource;
        }
    }

    // ---- the scales of the shipped instruments

    @Test
    void positieveGezondheidScoresItsSixGradesFromZeroToTen() throws IOException {
        OutcomeScale scale = OutcomeScale.of(shipped("positieve-gezondheid-demo-v1.json"));

        assertThat(scale.questionnaireId()).isEqualTo("positieve-gezondheid-demo");
        assertThat(scale.items())
                .extracting(ScoredItem::linkPath)
                .containsExactly(
                        "lichaamsfuncties",
                        "mentaalWelbevinden",
                        "zingeving",
                        "kwaliteitVanLeven",
                        "meedoen",
                        "dagelijksFunctioneren");
        assertThat(scale.items())
                .extracting(ScoredItem::mapping)
                .containsOnly(new Numeric(BigDecimal.ZERO, BigDecimal.TEN));
    }

    @Test
    void theZrmScoresItsThirteenDomainsOneToFiveWithoutATotal() throws IOException {
        OutcomeScale scale = OutcomeScale.of(shipped("zrm-2017-v1.json"));

        assertThat(scale.items()).hasSize(13);
        assertThat(scale.items().get(0)).isEqualTo(new ScoredItem("financien", "Financiën", zrm()));
        assertThat(scale.items()).extracting(ScoredItem::mapping).containsOnly(zrm());
        assertThat(scale.items().get(12).linkPath()).isEqualTo("justitie");
    }

    @Test
    void theEffectenmonitorScoresThePhaseOfEachDomainWithRelapseApart() throws IOException {
        OutcomeScale scale = OutcomeScale.of(shipped("effectenmonitor-v1.json"));

        Coded phases = new Coded(
                Map.of("ontkenning", 1, "bewustwording", 2, "zoeken", 3, "doen", 4, "volhouden", 5),
                Set.of("terugval"));
        assertThat(scale.items())
                .containsExactly(
                        new ScoredItem("financien.financienFase", "Financiën", phases),
                        new ScoredItem("wonen.wonenFase", "Wonen", phases),
                        new ScoredItem("sociaalNetwerk.sociaalNetwerkFase", "Sociaal netwerk", phases),
                        new ScoredItem("dagbesteding.dagbestedingFase", "Dagbesteding", phases));
        assertThat(((Coded) scale.items().get(0).mapping()).scores().keySet())
                .containsExactly("ontkenning", "bewustwording", "zoeken", "doen", "volhouden");
    }

    @Test
    void aRepeatingItemAnUnboundedNumberAndAFreeChoiceAreNotScored() {
        Item bounded =
                item("cijfer", ItemType.INTEGER, List.of(), Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.TEN));
        Item unbounded = item("aantal", ItemType.INTEGER, List.of(), Optional.of(BigDecimal.ZERO), Optional.empty());
        Item free = item("soort", ItemType.CHOICE, options("a", "b"), Optional.empty(), Optional.empty());
        Item repeating = new Item(
                "herhaald",
                ItemType.GROUP,
                "Herhaald",
                false,
                true,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(bounded));
        Questionnaire questionnaire = new Questionnaire(
                new QuestionnaireRef("proef", 1), "Proef", List.of(repeating, unbounded, free, bounded));

        assertThat(OutcomeScale.of(questionnaire).items())
                .extracting(ScoredItem::linkPath)
                .containsExactly("cijfer");
    }

    // ---- the figures

    @ParameterizedTest
    @EnumSource(Engine.class)
    void positieveGezondheidPerItemForTheOrganisationAndPerTeam(Engine engine) throws Exception {
        DataSource dataSource = engine.migrated(dir);
        OutcomeScale scale = OutcomeScale.of(shipped("positieve-gezondheid-demo-v1.json"));
        positieveGezondheidData(dataSource);

        try (Connection connection = dataSource.getConnection()) {
            List<OutcomeFigures> organisation =
                    OutcomeQuery.compute(connection, ORGANISATION, Q2, scale.questionnaireId(), scale.items());
            List<OutcomeFigures> noord =
                    OutcomeQuery.compute(connection, NOORD, Q2, scale.questionnaireId(), scale.items());
            List<OutcomeFigures> zuid =
                    OutcomeQuery.compute(connection, ZUID, Q2, scale.questionnaireId(), scale.items());

            assertThat(organisation)
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields(LEVELS)
                    .containsExactly(
                            figures("lichaamsfuncties", 4, 4, new BigDecimal("3"), 3, 0, 1),
                            figures("mentaalWelbevinden", 2, 2, BigDecimal.ZERO, 0, 2, 0),
                            figures("zingeving", 1, 1, new BigDecimal("-3"), 0, 0, 1),
                            OutcomeFigures.none("kwaliteitVanLeven"),
                            figures("meedoen", 1, 1, BigDecimal.ONE, 1, 0, 0),
                            OutcomeFigures.none("dagelijksFunctioneren"));
            assertThat(organisation.get(0).meanChange(2)).contains(new BigDecimal("0.75"));
            assertThat(organisation.get(0).percentImproved(1)).contains(new BigDecimal("75.0"));
            assertThat(organisation.get(0).percentWorsened(1)).contains(new BigDecimal("25.0"));
            assertThat(organisation.get(3).meanChange(2)).isEmpty();
            assertThat(noord)
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields(LEVELS)
                    .containsExactly(
                            figures("lichaamsfuncties", 1, 1, new BigDecimal("3"), 1, 0, 0),
                            figures("mentaalWelbevinden", 1, 1, BigDecimal.ZERO, 0, 1, 0),
                            figures("zingeving", 1, 1, new BigDecimal("-3"), 0, 0, 1),
                            OutcomeFigures.none("kwaliteitVanLeven"),
                            OutcomeFigures.none("meedoen"),
                            OutcomeFigures.none("dagelijksFunctioneren"));
            assertThat(zuid)
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields(LEVELS)
                    .containsExactly(
                            figures("lichaamsfuncties", 1, 1, BigDecimal.ONE, 1, 0, 0),
                            figures("mentaalWelbevinden", 1, 1, BigDecimal.ZERO, 0, 1, 0),
                            OutcomeFigures.none("zingeving"),
                            OutcomeFigures.none("kwaliteitVanLeven"),
                            figures("meedoen", 1, 1, BigDecimal.ONE, 1, 0, 0),
                            OutcomeFigures.none("dagelijksFunctioneren"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPeriodWithOneMeasurementPerResidentHasNoClients(Engine engine) throws Exception {
        DataSource dataSource = engine.migrated(dir);
        OutcomeScale scale = OutcomeScale.of(shipped("positieve-gezondheid-demo-v1.json"));
        positieveGezondheidData(dataSource);

        try (Connection connection = dataSource.getConnection()) {
            // April: R2, R3, R4, R5 (anonymous), R7 each once; R1 once.
            List<OutcomeFigures> april = OutcomeQuery.compute(
                    connection,
                    ORGANISATION,
                    Period.month(java.time.YearMonth.of(2025, 4)),
                    scale.questionnaireId(),
                    scale.items());

            assertThat(april)
                    .containsExactlyElementsOf(scale.items().stream()
                            .map(item -> OutcomeFigures.none(item.linkPath()))
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theZrmComparesTheFirstAndLastScorePerDomain(Engine engine) throws Exception {
        DataSource dataSource = engine.migrated(dir);
        OutcomeScale scale = OutcomeScale.of(shipped("zrm-2017-v1.json"));
        JdbcResponseStore store = store(dataSource);
        String zrm = scale.questionnaireId();
        save(
                store,
                zrm,
                "res-z1",
                NOORD_ACTIVITY,
                "2025-04-03T09:00:00Z",
                answer("financien", new Coding("2")),
                answer("huisvesting", new Coding("3")));
        save(
                store,
                zrm,
                "res-z1",
                NOORD_ACTIVITY,
                "2025-06-03T09:00:00Z",
                answer("financien", new Coding("4")),
                answer("huisvesting", new Coding("3")));
        save(store, zrm, "res-z2", ZUID_ACTIVITY, "2025-04-04T09:00:00Z", answer("financien", new Coding("5")));
        save(store, zrm, "res-z2", ZUID_ACTIVITY, "2025-05-04T09:00:00Z", answer("financien", new Coding("1")));
        // The Effectenmonitor's financien domain is another questionnaire.
        save(
                store,
                "effectenmonitor",
                "res-z2",
                ZUID_ACTIVITY,
                "2025-06-04T09:00:00Z",
                answer("financien.financienFase", new Coding("volhouden")));

        try (Connection connection = dataSource.getConnection()) {
            List<OutcomeFigures> figures = OutcomeQuery.compute(connection, ORGANISATION, Q2, zrm, scale.items());

            assertThat(figures).hasSize(13);
            assertThat(figures.get(0).sumOfFirst()).isEqualByComparingTo("7");
            assertThat(figures.get(0).sumOfLast()).isEqualByComparingTo("5");
            assertThat(figures.get(0))
                    .usingRecursiveComparison()
                    .ignoringFields(LEVELS)
                    .isEqualTo(figures("financien", 2, 2, new BigDecimal("-2"), 1, 0, 1));
            assertThat(figures.get(3))
                    .usingRecursiveComparison()
                    .ignoringFields(LEVELS)
                    .isEqualTo(figures("huisvesting", 1, 1, BigDecimal.ZERO, 0, 1, 0));
            assertThat(figures)
                    .filteredOn(f -> !Set.of("financien", "huisvesting").contains(f.linkPath()))
                    .allMatch(f -> f.equals(OutcomeFigures.none(f.linkPath())));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEffectenmonitorRelapseIsAMoveBackWithoutANumber(Engine engine) throws Exception {
        DataSource dataSource = engine.migrated(dir);
        OutcomeScale scale = OutcomeScale.of(shipped("effectenmonitor-v1.json"));
        JdbcResponseStore store = store(dataSource);
        String em = scale.questionnaireId();
        // E1: zoeken -> volhouden (+2); doen -> terugval (worsened, no number)
        save(
                store,
                em,
                "res-e1",
                NOORD_ACTIVITY,
                "2025-04-03T09:00:00Z",
                answer("financien.financienFase", new Coding("zoeken")),
                answer("financien.financienDoel", "Schulden op een rij"),
                answer("wonen.wonenFase", new Coding("doen")));
        save(
                store,
                em,
                "res-e1",
                NOORD_ACTIVITY,
                "2025-06-03T09:00:00Z",
                answer("financien.financienFase", new Coding("volhouden")),
                answer("wonen.wonenFase", new Coding("terugval")));
        // E2: terugval -> bewustwording (improved, no number); terugval -> terugval (stable, no number)
        save(
                store,
                em,
                "res-e2",
                NOORD_ACTIVITY,
                "2025-04-03T09:00:00Z",
                answer("financien.financienFase", new Coding("terugval")),
                answer("wonen.wonenFase", new Coding("terugval")));
        save(
                store,
                em,
                "res-e2",
                ZUID_ACTIVITY,
                "2025-06-03T09:00:00Z",
                answer("financien.financienFase", new Coding("bewustwording")),
                answer("wonen.wonenFase", new Coding("terugval")));
        // E3: doen -> terugval -> doen: first and last are doen (stable, 0)
        save(
                store,
                em,
                "res-e3",
                ZUID_ACTIVITY,
                "2025-04-03T09:00:00Z",
                answer("financien.financienFase", new Coding("doen")));
        save(
                store,
                em,
                "res-e3",
                ZUID_ACTIVITY,
                "2025-05-03T09:00:00Z",
                answer("financien.financienFase", new Coding("terugval")));
        save(
                store,
                em,
                "res-e3",
                ZUID_ACTIVITY,
                "2025-06-03T09:00:00Z",
                answer("financien.financienFase", new Coding("doen")));

        try (Connection connection = dataSource.getConnection()) {
            List<OutcomeFigures> figures = OutcomeQuery.compute(connection, ORGANISATION, Q2, em, scale.items());
            List<OutcomeFigures> noord = OutcomeQuery.compute(connection, NOORD, Q2, em, scale.items());

            assertThat(figures)
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields(LEVELS)
                    .containsExactly(
                            figures("financien.financienFase", 3, 2, new BigDecimal("2"), 2, 1, 0),
                            figures("wonen.wonenFase", 2, 0, BigDecimal.ZERO, 0, 1, 1),
                            OutcomeFigures.none("sociaalNetwerk.sociaalNetwerkFase"),
                            OutcomeFigures.none("dagbesteding.dagbestedingFase"));
            assertThat(figures.get(1).meanChange(2)).isEmpty();
            assertThat(noord.get(0))
                    .usingRecursiveComparison()
                    .ignoringFields(LEVELS)
                    .isEqualTo(figures("financien.financienFase", 1, 1, new BigDecimal("2"), 1, 0, 0));
            assertThat(noord.get(1))
                    .usingRecursiveComparison()
                    .ignoringFields(LEVELS)
                    .isEqualTo(figures("wonen.wonenFase", 1, 0, BigDecimal.ZERO, 0, 0, 1));
        }
    }

    // ---- the statement

    @Test
    void noValueIsWrittenIntoTheSql() {
        ScoredItem item = new ScoredItem(
                "domein.fase'--", "Domein", new Coded(Map.of("x'); DROP TABLE mw_response; --", 1), Set.of("weg'")));
        ScopeFilter scope = new ScopeFilter("a.team_id = ?", List.of("team' OR 1=1 --"), false);

        OutcomeQuery.Statement statement = OutcomeQuery.statement(scope, Q2, "vragen'lijst", List.of(item));

        assertThat(statement.sql()).doesNotContain("DROP", "weg'", "fase'", "vragen'", "team'", "2025");
        assertThat(statement.parameters())
                .contains(
                        "vragen'lijst",
                        "domein.fase'--",
                        "x'); DROP TABLE mw_response; --",
                        "weg'",
                        "team' OR 1=1 --",
                        OutcomeQuery.startOfDay(LocalDate.of(2025, 4, 1)),
                        OutcomeQuery.startOfDay(LocalDate.of(2025, 7, 1)));
        assertThat(statement.sql().chars().filter(c -> c == '?').count())
                .isEqualTo(statement.parameters().size());
        assertThat(OutcomeQuery.startOfDay(LocalDate.of(2025, 4, 1)).toInstant())
                .isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
    }

    @Test
    void anItemScoredTwiceIsRefused() {
        ScoredItem item = new ScoredItem("cijfer", "Cijfer", new Numeric(BigDecimal.ZERO, BigDecimal.TEN));

        assertThatThrownBy(() -> OutcomeQuery.statement(ORGANISATION, Q2, "proef", List.of(item, item)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- test data (docs/kpi-outcomes.md, "Test data")

    /** Positieve Gezondheid for residents R1..R7, plus another questionnaire's answers to the same paths. */
    private void positieveGezondheidData(DataSource dataSource) throws SQLException {
        JdbcResponseStore store = store(dataSource);
        String pg = "positieve-gezondheid-demo";
        // R1: one measurement only
        save(
                store,
                pg,
                "res-r1",
                NOORD_ACTIVITY,
                "2025-04-15T10:00:00Z",
                answer("lichaamsfuncties", 5L),
                answer("kwaliteitVanLeven", 6L));
        // R2: two measurements; L 4 -> 7, M 6 -> 6, Z 8 -> 5
        save(
                store,
                pg,
                "res-r2",
                NOORD_ACTIVITY,
                "2025-04-02T09:00:00Z",
                answer("lichaamsfuncties", 4L),
                answer("mentaalWelbevinden", 6L),
                answer("zingeving", 8L));
        save(
                store,
                pg,
                "res-r2",
                NOORD_ACTIVITY,
                "2025-06-20T09:00:00Z",
                answer("lichaamsfuncties", 7L),
                answer("mentaalWelbevinden", 6L),
                answer("zingeving", 5L));
        // R3: three measurements (the last under version 2); L 5, 9, 6; M 7, 2, 7
        save(
                store,
                pg,
                "res-r3",
                ZUID_ACTIVITY,
                "2025-04-05T09:00:00Z",
                answer("lichaamsfuncties", 5L),
                answer("mentaalWelbevinden", 7L));
        save(
                store,
                pg,
                "res-r3",
                ZUID_ACTIVITY,
                "2025-05-05T09:00:00Z",
                answer("lichaamsfuncties", 9L),
                answer("mentaalWelbevinden", 2L));
        save(
                store,
                new QuestionnaireRef(pg, 2),
                "res-r3",
                ZUID_ACTIVITY,
                "2025-06-05T09:00:00Z",
                answer("lichaamsfuncties", 6L),
                answer("mentaalWelbevinden", 7L));
        // R4: no activity; the period's boundaries in Amsterdam time (UTC+2): L 0 | 8 ... 3 | 10
        save(store, pg, "res-r4", null, "2025-03-31T21:59:59Z", answer("lichaamsfuncties", 0L));
        save(store, pg, "res-r4", null, "2025-03-31T22:00:00Z", answer("lichaamsfuncties", 8L));
        save(store, pg, "res-r4", null, "2025-06-30T21:59:59.999999Z", answer("lichaamsfuncties", 3L));
        save(store, pg, "res-r4", null, "2025-06-30T22:00:00Z", answer("lichaamsfuncties", 10L));
        // R5: anonymous, twice
        save(store, pg, null, NOORD_ACTIVITY, "2025-04-10T09:00:00Z", answer("lichaamsfuncties", 1L));
        save(store, pg, null, NOORD_ACTIVITY, "2025-06-10T09:00:00Z", answer("lichaamsfuncties", 10L));
        // R6: one UTC day, two Amsterdam days (23:30 and 00:30), the second without activity: L 2 -> 6
        save(store, pg, "res-r6", NOORD_ACTIVITY, "2025-05-10T21:30:00Z", answer("lichaamsfuncties", 2L));
        save(store, pg, "res-r6", null, "2025-05-10T22:30:00Z", answer("lichaamsfuncties", 6L));
        // R7: Me 3 (a whole decimal) ... 9 and 4 on one Amsterdam day (10:00 and 22:00): the newest, 4, counts
        save(store, pg, "res-r7", ZUID_ACTIVITY, "2025-04-10T08:00:00Z", answer("meedoen", new BigDecimal("3")));
        save(store, pg, "res-r7", ZUID_ACTIVITY, "2025-06-01T08:00:00Z", answer("meedoen", 9L));
        save(store, pg, "res-r7", ZUID_ACTIVITY, "2025-06-01T20:00:00Z", answer("meedoen", 4L), answer("zingeving"));
        // Another questionnaire with the same answer paths
        save(
                store,
                "andere-vragenlijst",
                "res-r1",
                NOORD_ACTIVITY,
                "2025-05-01T09:00:00Z",
                answer("lichaamsfuncties", 0L),
                answer("dagelijksFunctioneren", 0L));
        save(
                store,
                "andere-vragenlijst",
                "res-r1",
                NOORD_ACTIVITY,
                "2025-05-02T09:00:00Z",
                answer("lichaamsfuncties", 10L),
                answer("dagelijksFunctioneren", 10L));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theEngineComputesTheOutcomeKpisOfTheShippedLibraries(Engine engine) throws Exception {
        DataSource dataSource = engine.migrated(dir);
        JdbcResponseStore store = store(dataSource);
        save(store, "zrm-2017", "res-z1", NOORD_ACTIVITY, "2025-04-03T09:00:00Z", answer("financien", new Coding("2")));
        save(store, "zrm-2017", "res-z1", NOORD_ACTIVITY, "2025-06-03T09:00:00Z", answer("financien", new Coding("4")));
        save(store, "zrm-2017", "res-z2", ZUID_ACTIVITY, "2025-04-04T09:00:00Z", answer("financien", new Coding("5")));
        save(store, "zrm-2017", "res-z2", ZUID_ACTIVITY, "2025-05-04T09:00:00Z", answer("financien", new Coding("4")));
        save(store, "zrm-2017", "res-z3", ZUID_ACTIVITY, "2025-04-05T09:00:00Z", answer("financien", new Coding("1")));
        save(store, "zrm-2017", "res-z3", ZUID_ACTIVITY, "2025-05-05T09:00:00Z", answer("financien", new Coding("3")));
        Questionnaire zrm = shipped("zrm-2017-v1.json");
        nl.meerwaarde.forms.QuestionnaireCatalog catalog = new nl.meerwaarde.forms.QuestionnaireCatalog() {
            @Override
            public List<Questionnaire> all() {
                return List.of(zrm);
            }

            @Override
            public List<Questionnaire> latestVersions() {
                return List.of(zrm);
            }

            @Override
            public Optional<Questionnaire> find(QuestionnaireRef ref) {
                return ref.equals(zrm.ref()) ? Optional.of(zrm) : Optional.empty();
            }

            @Override
            public Optional<Questionnaire> latest(String id) {
                return id.equals(zrm.ref().id()) ? Optional.of(zrm) : Optional.empty();
            }
        };
        KpiEngineComponent kpis =
                new KpiEngineComponent(Databases.H2.reporting(dataSource), KpiEngineComponent.shipped(), catalog);

        List<nl.meerwaarde.api.kpi.KpiResult> results = kpis.compute(
                List.of("uitkomst-zrm-clienten", "uitkomst-zrm-gemiddelde-verandering", "swn-progressie-zrm"),
                new nl.meerwaarde.api.Scope.OrganisationScope(),
                Q2);

        assertThat(results.get(0).values()).hasSize(13);
        nl.meerwaarde.api.kpi.KpiValue clients = results.get(0).values().get(0);
        assertThat(clients.group()).contains("financien");
        assertThat(clients.value()).contains(new BigDecimal("3"));
        nl.meerwaarde.api.kpi.KpiValue change = results.get(1).values().get(0);
        assertThat(change.value()).contains(new BigDecimal("1"));
        assertThat(change.terms()).contains(new nl.meerwaarde.api.kpi.KpiValue.Terms("3", "3"));
        List<nl.meerwaarde.api.kpi.KpiResult> levels = kpis.compute(
                List.of("uitkomst-zrm-begin", "uitkomst-zrm-laatste"),
                new nl.meerwaarde.api.Scope.OrganisationScope(),
                Q2);
        assertThat(levels.get(0).values().get(0).exact()).contains("8/3");
        assertThat(levels.get(1).values().get(0).exact()).contains("11/3");
        nl.meerwaarde.api.kpi.KpiValue improved = results.get(2).values().get(0);
        assertThat(improved.value()).contains(new BigDecimal("66.6666666667"));
        assertThat(improved.exact()).contains("200/3");
        assertThat(improved.n()).isEqualTo(3);
        assertThat(results.get(2).values().get(1).value())
                .as("a domain nobody measured twice")
                .isEmpty();
        assertThat(results.get(2).values().get(1).n()).isZero();
    }

    /** The sums of first and last scores, checked on their own where they matter. */
    private static final String[] LEVELS = {"sumOfFirst", "sumOfLast"};

    private static OutcomeFigures figures(
            String path, int clients, int changes, BigDecimal sum, int improved, int stable, int worsened) {
        return new OutcomeFigures(
                path, clients, changes, sum, improved, stable, worsened, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static JdbcResponseStore store(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO mw_activity (id, team_id, title, stage, budget_registered, actual_registered)"
                                + " VALUES (?, ?, ?, 'UITVOERING', FALSE, FALSE)")) {
            for (Object[] activity : new Object[][] {
                {NOORD_ACTIVITY, "team-noord", "Wandelgroep Noord"}, {ZUID_ACTIVITY, "team-zuid", "Koffie Zuid"}
            }) {
                insert.setObject(1, activity[0]);
                insert.setString(2, (String) activity[1]);
                insert.setString(3, (String) activity[2]);
                insert.executeUpdate();
            }
        }
        return new JdbcResponseStore(new MigratedDatabase(dataSource));
    }

    private static void save(
            JdbcResponseStore store,
            String questionnaire,
            String resident,
            UUID activity,
            String authored,
            Answer... answers) {
        save(store, new QuestionnaireRef(questionnaire, 1), resident, activity, authored, answers);
    }

    private static void save(
            JdbcResponseStore store,
            QuestionnaireRef questionnaire,
            String resident,
            UUID activity,
            String authored,
            Answer... answers) {
        store.save(new QuestionnaireResponse(
                UUID.randomUUID(),
                questionnaire,
                Optional.ofNullable(resident).map(ResidentId::of),
                Optional.ofNullable(activity).map(ActivityId::new),
                Instant.parse(authored),
                "worker:w-1",
                Arrays.asList(answers)));
    }

    private static Answer answer(String path, Object... values) {
        return new Answer(path, Arrays.asList(values));
    }

    private static Coded zrm() {
        return new Coded(Map.of("1", 1, "2", 2, "3", 3, "4", 4, "5", 5), Set.of());
    }

    private static Item item(
            String linkId,
            ItemType type,
            List<AnswerOption> options,
            Optional<BigDecimal> min,
            Optional<BigDecimal> max) {
        return new Item(linkId, type, linkId, false, false, options, min, max, List.of(), List.of());
    }

    private static List<AnswerOption> options(String... codes) {
        return Arrays.stream(codes).map(code -> new AnswerOption(code, code)).toList();
    }

    // ---- the shipped definitions, read with the few FHIR fields a scale needs

    private static Questionnaire shipped(String file) throws IOException {
        JsonNode root = JSON.readTree(QUESTIONNAIRES.resolve(file).toFile());
        return new Questionnaire(
                new QuestionnaireRef(
                        root.path("id").asText(), root.path("version").asInt()),
                root.path("title").asText(),
                items(root.path("item")));
    }

    private static List<Item> items(JsonNode array) {
        List<Item> items = new ArrayList<>();
        for (JsonNode node : array) {
            List<AnswerOption> options = new ArrayList<>();
            for (JsonNode option : node.path("answerOption")) {
                JsonNode coding = option.path("valueCoding");
                options.add(new AnswerOption(
                        coding.path("code").asText(), coding.path("display").asText()));
            }
            items.add(new Item(
                    node.path("linkId").asText(),
                    ItemType.valueOf(node.path("type").asText().toUpperCase(java.util.Locale.ROOT)),
                    node.path("text").asText(),
                    node.path("required").asBoolean(false),
                    node.path("repeats").asBoolean(false),
                    options,
                    extension(node, "minValue"),
                    extension(node, "maxValue"),
                    List.of(),
                    items(node.path("item"))));
        }
        return items;
    }

    private static Optional<BigDecimal> extension(JsonNode node, String name) {
        for (JsonNode extension : node.path("extension")) {
            if (extension.path("url").asText().endsWith("/" + name)) {
                JsonNode value =
                        extension.has("valueInteger") ? extension.get("valueInteger") : extension.get("valueDecimal");
                return Optional.of(value.decimalValue());
            }
        }
        return Optional.empty();
    }
}
