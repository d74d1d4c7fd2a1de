package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.store.ReportingDatabase;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import nl.meerwaarde.importer.internal.GoldenData;
import nl.meerwaarde.kpi.internal.DisjointScopesTest.DataSet;
import nl.meerwaarde.store.internal.JdbcActivityStore;
import nl.meerwaarde.store.internal.JdbcAuditTrail;
import nl.meerwaarde.store.internal.JdbcSignalStore;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.ParticipationPersonalData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The maintained aggregates always equal a recomputation from the rows: every kept part (each statement of every
 * shipped KPI, per team and month) against the same statement over that team and month, the figures of every KPI with
 * them against the figures without them, and both again after each kind of write — an activity moved to another
 * month and team, a participation changed, a new signal in a new month, a resident's data erased, a re-import —
 * where the months a write touched must be seen as changed until they are computed again.
 */
class MaintainedAggregatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Libraries LIBRARIES = KpiEngineComponent.shipped();
    private static final MaintainedAggregates.Span EVERYTHING =
            new MaintainedAggregates.Span(Optional.empty(), 202001, 203001);
    private static final List<Period> PERIODS = List.of(
            Period.year(2025),
            Period.year(2024),
            new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1)),
            new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1)),
            new Period(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 6, 10)));
    private static final List<Scope> SCOPES = List.of(
            new Scope.OrganisationScope(),
            new Scope.TeamScope(new TeamId("team-emmer-compascuum")),
            new Scope.TeamScope(new TeamId("team-emmen-centrum")));
    private static final Subject OFFICER = new Subject.WorkerSubject(new Worker(
            new WorkerId("w-privacy"), "Privacy Officer", Set.of(), Set.of(nl.meerwaarde.host.spi.Role.ADMINISTRATOR)));

    record Case(Databases database, long seed) {
        @Override
        public String toString() {
            return database + " seed " + seed;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(Databases.H2, 4),
                new Case(Databases.H2, 15),
                new Case(Databases.H2, 42),
                new Case(Databases.POSTGRESQL, 8));
    }

    /** The KPIs computed from registrations (no outcomes, no external figures), of every shipped library. */
    private static List<String> registrationKpis() {
        return LIBRARIES.all().stream()
                .filter(kpi ->
                        kpi.formula().isPresent() && !(kpi.formula().get().measure() instanceof Formula.Outcome))
                .map(Kpi::id)
                .toList();
    }

    private static Function<String, Formula> formulas() {
        return id -> LIBRARIES.kpi(id).flatMap(Kpi::formula).orElseThrow();
    }

    private static Set<AggregateRequest> plan() {
        return RequestPlan.of(registrationKpis().stream().map(formulas()).toList(), formulas());
    }

    // ---- the tests -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyKeptPartEqualsTheSameStatementOverTheRowsOfItsTeamAndMonth(Case c) throws Exception {
        Fixture fixture = Fixture.load(c);
        assertThat(fixture.refresh()).isPositive();
        assertEveryPartIsRight(fixture);
        assertThat(fixture.refresh())
                .as("nothing changed, nothing computed again")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void figuresFromTheAggregatesEqualFiguresFromTheRowsAndNeedNoStatementOverTheRows(Case c) throws Exception {
        Fixture fixture = Fixture.load(c);
        assertSameFigures(fixture);

        // everything a computation asks is answered from the aggregates once they are up to date
        Set<AggregateRequest> kept = new LinkedHashSet<>(plan());
        kept.removeIf(request -> !MaintainedAggregates.keeps(request));
        assertThat(kept).isNotEmpty();
        fixture.refresh();
        try (Connection connection = fixture.reporting.connection()) {
            Computation computation = new Computation(
                    connection,
                    SCOPES.get(0),
                    PERIODS.get(0),
                    formulas(),
                    MaintainedAggregates.Span.of(SCOPES.get(0), PERIODS.get(0)));
            for (String id : registrationKpis()) {
                computation.figures(formulas().apply(id));
            }
            assertThat(computation.fromMaintained()).isEqualTo(kept.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyWriteMakesItsMonthsChangedAndTheFiguresStayRight(Case c) throws Exception {
        Fixture fixture = Fixture.load(c);
        MigratedDatabase database = new MigratedDatabase(fixture.dataSource);
        JdbcActivityStore activities = new JdbcActivityStore(database);
        JdbcSignalStore signals = new JdbcSignalStore(database);
        DataSet data = DisjointScopesTest.generate(c.seed());
        AggregateRequest participants = participantsRequest();

        DisjointScopesTest.Activity moved = data.activities().stream()
                .filter(a -> a.inPeriod()
                        && data.participations().stream()
                                .anyMatch(p -> p.activityKey().equals(a.key())))
                .findFirst()
                .orElseThrow();
        LocalDate november = LocalDate.of(2024, 11, 5);

        // a re-import moves an activity with participants to a month of another year
        fixture.refresh();
        fixture.importAgain(new DataSet(
                data.name(),
                data.signals(),
                data.activities().stream()
                        .map(a -> a == moved ? startingOn(a, november) : a)
                        .toList(),
                data.participations()));
        assertStale(fixture, participants, moved.team(), moved.startsOn());
        assertStale(fixture, participants, moved.team(), november);
        assertSameFigures(fixture);
        assertEveryPartIsRight(fixture);

        // a worker moves it to the other team and back to its first month
        CollectiveActivity before = activities
                .find(new ActivityId(java.util.UUID.fromString(moved.id())))
                .orElseThrow();
        String otherTeam = SCOPES.stream()
                .map(scope ->
                        scope instanceof Scope.TeamScope team ? team.team().value() : null)
                .filter(team -> team != null && !team.equals(moved.team()))
                .findFirst()
                .orElseThrow();
        fixture.refresh();
        activities.save(withTeamAndStart(before, new TeamId(otherTeam), moved.startsOn()));
        assertStale(fixture, participants, moved.team(), november);
        assertStale(fixture, participants, otherTeam, moved.startsOn());
        assertSameFigures(fixture);
        assertEveryPartIsRight(fixture);

        // a participation changes resident and measurement
        Participation participation = activities.participations(before.id()).get(0);
        fixture.refresh();
        activities.saveParticipation(new Participation(
                participation.id(),
                participation.activity(),
                ResidentId.of("inw-9999"),
                Optional.of(new Participation.ImpactMeasurement(
                        true,
                        Optional.empty(),
                        Optional.of(7),
                        Optional.empty(),
                        Set.of("verbonden"),
                        List.of(),
                        Optional.empty())),
                Set.of("Taalhuis Emmen")));
        assertStale(fixture, participants, otherTeam, moved.startsOn());
        assertSameFigures(fixture);
        assertEveryPartIsRight(fixture);

        // a signal in a month that had nothing yet
        fixture.refresh();
        signals.save(new Signal(
                SignalId.random(),
                new TeamId(otherTeam),
                LocalDate.of(2025, 2, 28),
                "eenzaamheid",
                Set.of("ouderen"),
                "huisarts",
                "Vraag",
                true,
                Optional.of(ResidentId.of("inw-0001")),
                Optional.empty()));
        assertSameFigures(fixture);
        assertEveryPartIsRight(fixture);

        // erasure: the resident keeps his or her number under the new id, the kept sets stay right unchanged
        fixture.refresh();
        new ParticipationPersonalData(database, new JdbcAuditTrail(database)).erase(ResidentId.of("inw-9999"), OFFICER);
        assertThat(count(fixture.dataSource, "SELECT COUNT(*) FROM mw_resident_number WHERE resident_id = 'inw-9999'"))
                .isZero();
        assertThat(fixture.refresh()).as("erasure changes no figure").isZero();
        assertSameFigures(fixture);
        assertEveryPartIsRight(fixture);
    }

    // ---- checks --------------------------------------------------------------------------------------------------

    /** Distinct participants: the statement every year of figures uses. */
    private static AggregateRequest participantsRequest() {
        return new AggregateRequest(
                new Formula.Aggregate(Formula.Function.COUNT_DISTINCT, Field.PARTICIPATION_RESIDENT, List.of()),
                Optional.empty());
    }

    private static void assertStale(Fixture fixture, AggregateRequest request, String team, LocalDate day)
            throws SQLException {
        int month = MaintainedAggregates.month(day);
        try (Connection connection = fixture.reporting.connection()) {
            assertThat(MaintainedAggregates.read(
                            connection, request, new MaintainedAggregates.Span(Optional.of(team), month, month + 1)))
                    .as("%s %s changed", team, month)
                    .isEmpty();
        }
    }

    /** Every part kept for every team and month equals the statement over that team and month's rows. */
    private static void assertEveryPartIsRight(Fixture fixture) throws SQLException {
        fixture.refresh();
        List<String[]> months = new ArrayList<>();
        try (Connection connection = fixture.reporting.connection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT team_id, month_key FROM mw_registration_month");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                months.add(new String[] {rows.getString(1), Integer.toString(rows.getInt(2))});
            }
        }
        assertThat(months).isNotEmpty();
        try (Connection connection = fixture.reporting.connection()) {
            for (AggregateRequest request : plan()) {
                if (!MaintainedAggregates.keeps(request)) {
                    continue;
                }
                for (String[] teamMonth : months) {
                    int month = Integer.parseInt(teamMonth[1]);
                    MaintainedAggregates.Span span =
                            new MaintainedAggregates.Span(Optional.of(teamMonth[0]), month, month + 1);
                    Scope scope = new Scope.TeamScope(new TeamId(teamMonth[0]));
                    LocalDate from = LocalDate.of(month / 100, month % 100, 1);
                    assertThat(normal(MaintainedAggregates.read(connection, request, span)
                                    .orElseThrow(() -> new AssertionError("not kept: " + request + " " + span))))
                            .as("%s in %s %s", request, teamMonth[0], month)
                            .isEqualTo(normal(fromRows(connection, request, scope, from, from.plusMonths(1))));
                }
                MaintainedAggregates.Span year = new MaintainedAggregates.Span(Optional.empty(), 202501, 202601);
                assertThat(normal(MaintainedAggregates.read(connection, request, year)
                                .orElseThrow()))
                        .as("%s in 2025", request)
                        .isEqualTo(normal(fromRows(
                                connection,
                                request,
                                new Scope.OrganisationScope(),
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2026, 1, 1))));
            }
        }
    }

    /** The same figures with and without the aggregates, for every scope and period. */
    private static void assertSameFigures(Fixture fixture) {
        KpiEngineComponent maintained = new KpiEngineComponent(fixture.reporting, LIBRARIES);
        KpiEngineComponent plain = new KpiEngineComponent(fixture.reporting, false);
        List<String> kpis = registrationKpis();
        for (Scope scope : SCOPES) {
            for (Period period : PERIODS) {
                List<KpiResult> expected = plain.compute(kpis, scope, period);
                assertThat(maintained.compute(kpis, scope, period))
                        .as("%s %s", scope, period)
                        .isEqualTo(expected);
            }
        }
    }

    private static Map<String, String> normal(Map<String, Partial> partials) {
        Map<String, String> normal = new TreeMap<>();
        // nothing of nothing is the same as no row: a month without rows keeps none, a plain count answers 0
        partials.forEach((group, partial) -> {
            if (partial.values() != 0 || partial.value().signum() != 0) {
                normal.put(group, partial.value().stripTrailingZeros().toPlainString() + " of " + partial.values());
            }
        });
        return normal;
    }

    private static Map<String, Partial> fromRows(
            Connection connection, AggregateRequest request, Scope scope, LocalDate from, LocalDate to)
            throws SQLException {
        AggregateSql.Statement statement =
                AggregateSql.compile(request, ScopeSql.activities(scope), ScopeSql.signals(scope), from, to);
        Map<String, Partial> partials = new TreeMap<>();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet rows = prepared.executeQuery()) {
                boolean grouped = request.group().isPresent();
                while (rows.next()) {
                    int column = grouped ? 2 : 1;
                    String key = grouped ? rows.getString(1) : AggregateRequest.WHOLE;
                    if (key == null) {
                        continue;
                    }
                    BigDecimal value = rows.getBigDecimal(column);
                    long values = rows.getLong(column + 1);
                    partials.put(key, new Partial(value == null ? BigDecimal.ZERO : value, values));
                }
            }
        }
        return partials;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static DisjointScopesTest.Activity startingOn(DisjointScopesTest.Activity a, LocalDate day) {
        return new DisjointScopesTest.Activity(
                a.key(),
                a.team(),
                a.targetGroups(),
                a.funder(),
                day,
                a.budgetHours(),
                a.budgetEuros(),
                a.actualHours(),
                a.actualEuros(),
                a.anonParticipants(),
                a.anonMeasured(),
                a.anonHelped(),
                a.individualQuestions());
    }

    private static CollectiveActivity withTeamAndStart(CollectiveActivity a, TeamId team, LocalDate startsOn) {
        return new CollectiveActivity(
                a.id(),
                team,
                a.title(),
                a.stage(),
                a.targetGroups(),
                a.funder(),
                Optional.of(startsOn),
                a.budget(),
                a.actual(),
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                a.analysis(),
                a.instrument(),
                a.partners(),
                a.sessions(),
                a.lessonsLearned());
    }

    /** A database holding one generated data set, imported the way the product does. */
    private record Fixture(DataSource dataSource, ReportingDatabase reporting) {
        static Fixture load(Case c) throws IOException {
            DataSource dataSource = c.database().create();
            Fixture fixture = new Fixture(dataSource, c.database().reporting(dataSource));
            fixture.importAgain(DisjointScopesTest.generate(c.seed()));
            return fixture;
        }

        void importAgain(DataSet data) throws IOException {
            Path file = Files.createTempFile("kpi-maintained-", ".json");
            try {
                JSON.writeValue(file.toFile(), DisjointScopesTest.importJson(data));
                GoldenData.load(dataSource, file);
            } finally {
                Files.delete(file);
            }
        }

        /** Brings the aggregates of every shipped KPI up to date for all time; how many parts were computed. */
        int refresh() throws SQLException {
            try (Connection connection = reporting.aggregateConnection()) {
                return MaintainedAggregates.refresh(connection, plan(), EVERYTHING);
            }
        }
    }
}
