package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.junit.jupiter.api.io.TempDir;

class JdbcActivityStoreTest {
    static final TeamId NOORD = new TeamId("team-noord");
    static final TeamId ZUID = new TeamId("team-zuid");

    @TempDir
    Path dir;

    static CollectiveActivity full() {
        return new CollectiveActivity(
                ActivityId.random(),
                NOORD,
                "Wandelgroep De Horst",
                Stage.IMPACT_MEASUREMENT,
                Set.of("ouderen", "eenzamen"),
                Optional.of(new FunderId("gemeente-0114")),
                Optional.of(LocalDate.of(2025, 2, 3)),
                Optional.of(new Investment(Optional.of(new BigDecimal("120.5")), Optional.of(new BigDecimal("2500")))),
                Optional.of(
                        new Investment(Optional.of(new BigDecimal("98.25")), Optional.of(new BigDecimal("1999.99")))),
                Optional.of(new AnonymousCounts(40, 30, 21)),
                Optional.of(7),
                Optional.of(8),
                List.of(
                        new SmartGoal("Twintig deelnemers wandelen wekelijks mee", Optional.of(GoalRealisation.PARTLY)),
                        new SmartGoal("Deelnemers kennen na drie maanden twee buurtgenoten", Optional.empty()),
                        new SmartGoal("Een vrijwilliger neemt de groep over", Optional.of(GoalRealisation.ACHIEVED))),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    static CollectiveActivity minimal() {
        return new CollectiveActivity(
                ActivityId.random(),
                ZUID,
                "Idee: repaircafé",
                Stage.SIGNAL,
                Set.of(),
                Optional.empty(),
                Optional.empty(),
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

    static Participation measured(ActivityId activity, ResidentId resident) {
        return new Participation(
                UUID.randomUUID(),
                activity,
                resident,
                Optional.of(new ImpactMeasurement(
                        true,
                        Optional.of("Heeft nu elke week contact met buren"),
                        Optional.of(8),
                        Optional.of("Gezellig en goed georganiseerd"),
                        Set.of("meedoen", "sociale contacten"),
                        List.of("Ik kom weer buiten.", "Eindelijk mensen om mee te praten.", "Ik kom weer buiten."),
                        Optional.of("Bloeit op in de groep"))),
                Set.of("Buurtkamer", "Welzijn Ouderen"));
    }

    static Participation unmeasured(ActivityId activity, ResidentId resident) {
        return new Participation(UUID.randomUUID(), activity, resident, Optional.empty(), Set.of());
    }

    @OnBothDatabases
    void savesAndFindsEveryField(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity full = full();
        CollectiveActivity minimal = minimal();

        store.save(full);
        store.save(minimal);

        assertThat(store.find(full.id())).contains(full);
        assertThat(store.find(minimal.id())).contains(minimal);
        assertThat(store.find(ActivityId.random())).isEmpty();
    }

    /** The full activity with an analysis, an "other" instrument, partners, sessions and lessons learned. */
    static CollectiveActivity planned() {
        CollectiveActivity full = full();
        return new CollectiveActivity(
                full.id(),
                full.team(),
                full.title(),
                full.stage(),
                full.targetGroups(),
                full.funder(),
                full.startsOn(),
                full.budget(),
                full.actual(),
                full.anonymous(),
                full.individualQuestionsAnswered(),
                full.referrerSatisfaction(),
                full.goals(),
                Optional.of("Vier signalen over eenzaamheid in De Horst."),
                Optional.of(new CollectiveActivity.ChosenInstrument(
                        CollectiveActivity.ChosenInstrument.OTHER, Optional.of("Wandelmeter"))),
                Set.of("Buurtsportcoach", "Huisartsenpraktijk De Horst"),
                Optional.of(12),
                Optional.of("Vaste dag en vaste plek werken."));
    }

    @OnBothDatabases
    void keepsThePlanAndEvaluationAndReplacesThePartners(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity planned = planned();

        store.save(planned);
        assertThat(store.find(planned.id())).contains(planned);

        CollectiveActivity changed = new CollectiveActivity(
                planned.id(),
                planned.team(),
                planned.title(),
                planned.stage(),
                planned.targetGroups(),
                planned.funder(),
                planned.startsOn(),
                planned.budget(),
                planned.actual(),
                planned.anonymous(),
                planned.individualQuestionsAnswered(),
                planned.referrerSatisfaction(),
                planned.goals(),
                Optional.empty(),
                Optional.of(new CollectiveActivity.ChosenInstrument("zrm-2017", Optional.empty())),
                Set.of("Bibliotheek"),
                Optional.of(0),
                Optional.empty());
        store.save(changed);
        assertThat(store.find(planned.id())).contains(changed);
        assertThat(store.list(List.of(planned.team()), 0, 10)).containsExactly(changed);
    }

    @OnBothDatabases
    void listsAndCountsByStage(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity planning = full();
        CollectiveActivity idea = minimal();
        CollectiveActivity closed = withStage(full(), Stage.CLOSED);
        List.of(planning, idea, closed).forEach(store::save);

        assertThat(store.list(List.of(NOORD, ZUID), Set.of(Stage.IMPACT_MEASUREMENT, Stage.CLOSED), 0, 10))
                .containsExactlyInAnyOrder(planning, closed);
        assertThat(store.list(List.of(NOORD), Set.of(Stage.SIGNAL), 0, 10)).isEmpty();
        assertThat(store.list(List.of(NOORD, ZUID), Set.of(), 0, 10)).hasSize(3);
        assertThat(store.countByStage(List.of(NOORD, ZUID)))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Stage.IMPACT_MEASUREMENT, 1L, Stage.SIGNAL, 1L, Stage.CLOSED, 1L));
        assertThat(store.countByStage(List.of(NOORD))).doesNotContainKey(Stage.SIGNAL);
        assertThat(store.countByStage(List.of())).isEmpty();
    }

    private static CollectiveActivity withStage(CollectiveActivity a, Stage stage) {
        return new CollectiveActivity(
                ActivityId.random(),
                a.team(),
                a.title(),
                stage,
                a.targetGroups(),
                a.funder(),
                a.startsOn(),
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

    @OnBothDatabases
    void tellsAnEmptyInvestmentApartFromNone(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity activity = withInvestments(
                minimal(),
                Optional.of(new Investment(Optional.empty(), Optional.empty())),
                Optional.of(new Investment(Optional.of(new BigDecimal("3")), Optional.empty())));

        store.save(activity);

        assertThat(store.find(activity.id())).contains(activity);
    }

    @OnBothDatabases
    void storesAmountsWithTwoDecimals(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity activity = withInvestments(
                minimal(),
                Optional.of(
                        new Investment(Optional.of(new BigDecimal("12.50")), Optional.of(new BigDecimal("100.00")))),
                Optional.of(new Investment(
                        Optional.of(new BigDecimal("0.125")), Optional.of(new BigDecimal("9999999999.99")))));

        store.save(activity);

        CollectiveActivity found = store.find(activity.id()).orElseThrow();
        assertThat(found.budget().orElseThrow().hours()).contains(new BigDecimal("12.5"));
        assertThat(found.budget().orElseThrow().euros()).contains(new BigDecimal("100"));
        assertThat(found.actual().orElseThrow().hours()).contains(new BigDecimal("0.13"));
        assertThat(found.actual().orElseThrow().euros()).contains(new BigDecimal("9999999999.99"));
    }

    @OnBothDatabases
    void saveReplacesTheActivityAndItsChildrenButKeepsItsParticipations(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore store = new JdbcActivityStore(database);
        CollectiveActivity original = full();
        store.save(original);
        Participation participation = measured(original.id(), ResidentId.of("res-1"));
        store.saveParticipation(participation);

        CollectiveActivity changed = new CollectiveActivity(
                original.id(),
                ZUID,
                "Wandelgroep De Horst (voortgezet)",
                Stage.EVALUATION,
                Set.of("mantelzorgers"),
                Optional.empty(),
                Optional.of(LocalDate.of(2025, 9, 1)),
                Optional.empty(),
                original.actual(),
                Optional.empty(),
                Optional.of(3),
                Optional.empty(),
                List.of(new SmartGoal("Een nieuw doel", Optional.of(GoalRealisation.NOT_ACHIEVED))),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
        store.save(changed);

        assertThat(store.find(original.id())).contains(changed);
        assertThat(store.participations(original.id())).containsExactly(participation);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_goal"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_target_group"))
                .isEqualTo(1);
    }

    @OnBothDatabases
    void savesAnActivityWholeOrNotAtAll(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity original = full();
        store.save(original);

        // the main row is updated before the over-long target group fails
        CollectiveActivity broken = new CollectiveActivity(
                original.id(),
                original.team(),
                "Nieuwe titel",
                Stage.CLOSED,
                Set.of("y".repeat(65)),
                original.funder(),
                original.startsOn(),
                original.budget(),
                original.actual(),
                original.anonymous(),
                original.individualQuestionsAnswered(),
                original.referrerSatisfaction(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> store.save(broken))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save activity " + original.id());

        assertThat(store.find(original.id())).contains(original);

        CollectiveActivity brokenNew = withId(broken, ActivityId.random());
        assertThatThrownBy(() -> store.save(brokenNew)).isInstanceOf(StoreException.class);
        assertThat(store.find(brokenNew.id())).isEmpty();
    }

    @OnBothDatabases
    void listsNewestStartFirstWithUnplannedLastInStablePages(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        List<CollectiveActivity> noord = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Optional<LocalDate> start = i < 2
                    ? Optional.empty()
                    : Optional.of(LocalDate.of(2025, 1, 1).plusDays(i / 3));
            CollectiveActivity activity = withStart(withId(full(), ActivityId.random()), start);
            noord.add(activity);
            store.save(activity);
        }
        CollectiveActivity zuid = withStart(minimal(), Optional.of(LocalDate.of(2020, 1, 1)));
        store.save(zuid);
        Comparator<CollectiveActivity> newestFirst = Comparator.comparing(
                        (CollectiveActivity a) -> a.startsOn().orElse(LocalDate.MIN))
                .reversed()
                .thenComparing(a -> a.id().toString());
        List<CollectiveActivity> expected = noord.stream().sorted(newestFirst).toList();

        assertThat(store.list(List.of(NOORD), 0, 4)).isEqualTo(expected.subList(0, 4));
        assertThat(store.list(List.of(NOORD), 4, 4)).isEqualTo(expected.subList(4, 6));
        assertThat(store.list(List.of(NOORD), 4, 4)).allMatch(a -> a.startsOn().isEmpty());
        assertThat(store.list(List.of(NOORD, ZUID), 0, 10)).hasSize(7).last().isEqualTo(expected.get(5));
        assertThat(store.list(List.of(ZUID), 0, 10)).containsExactly(zuid);
        assertThat(store.list(List.of(), 0, 10)).isEmpty();
        assertThat(store.list(List.of(NOORD), 0, 0)).isEmpty();
        assertThatThrownBy(() -> store.list(List.of(NOORD), -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @OnBothDatabases
    void countsTheActivitiesOfTheGivenTeams(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        store.save(full());
        store.save(withId(full(), ActivityId.random()));
        store.save(minimal());

        assertThat(store.count(List.of(NOORD))).isEqualTo(2);
        assertThat(store.count(List.of(NOORD, ZUID))).isEqualTo(3);
        assertThat(store.count(Set.of())).isZero();
    }

    @OnBothDatabases
    void savesAndListsParticipationsWithEveryField(Engine engine) {
        JdbcActivityStore store = new JdbcActivityStore(engine.migrated(dir));
        CollectiveActivity activity = full();
        CollectiveActivity other = minimal();
        store.save(activity);
        store.save(other);
        Participation measured = measured(activity.id(), ResidentId.of("res-2"));
        Participation unmeasured = unmeasured(activity.id(), ResidentId.of("res-1"));
        Participation bare = new Participation(
                UUID.randomUUID(),
                activity.id(),
                ResidentId.of("res-3"),
                Optional.of(new ImpactMeasurement(
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Set.of(),
                        List.of(),
                        Optional.empty())),
                Set.of());
        Participation elsewhere = measured(other.id(), ResidentId.of("res-1"));

        for (Participation participation : List.of(measured, unmeasured, bare, elsewhere)) {
            store.saveParticipation(participation);
        }

        // ordered by resident id
        assertThat(store.participations(activity.id())).containsExactly(unmeasured, measured, bare);
        assertThat(store.participations(other.id())).containsExactly(elsewhere);
        assertThat(store.participations(ActivityId.random())).isEmpty();
    }

    @OnBothDatabases
    void saveParticipationReplacesItsChildren(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore store = new JdbcActivityStore(database);
        CollectiveActivity activity = full();
        store.save(activity);
        Participation original = measured(activity.id(), ResidentId.of("res-1"));
        store.saveParticipation(original);

        Participation changed = new Participation(
                original.id(),
                activity.id(),
                ResidentId.of("res-1"),
                Optional.of(new ImpactMeasurement(
                        false,
                        Optional.of("Kwam maar twee keer"),
                        Optional.of(5),
                        Optional.empty(),
                        Set.of("gezondheid"),
                        List.of("Te vroeg op de dag."),
                        Optional.empty())),
                Set.of());
        store.saveParticipation(changed);

        assertThat(store.participations(activity.id())).containsExactly(changed);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_dimension"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_quote"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_referral"))
                .isZero();

        Participation withoutMeasurement = unmeasured(activity.id(), ResidentId.of("res-1"));
        withoutMeasurement = new Participation(
                original.id(), activity.id(), withoutMeasurement.resident(), Optional.empty(), Set.of("Buurtkamer"));
        store.saveParticipation(withoutMeasurement);
        assertThat(store.participations(activity.id())).containsExactly(withoutMeasurement);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_quote"))
                .isZero();
    }

    @OnBothDatabases
    void aParticipationInAMissingActivityFailsAndStoresNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore store = new JdbcActivityStore(database);
        ActivityId missing = ActivityId.random();
        Participation participation = measured(missing, ResidentId.of("res-1"));

        assertThatThrownBy(() -> store.saveParticipation(participation))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("activity " + missing + " does not exist");

        assertThat(store.participations(missing)).isEmpty();
        for (String table : List.of(
                "mw_participation",
                "mw_participation_dimension",
                "mw_participation_quote",
                "mw_participation_referral")) {
            assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM " + table))
                    .as(table)
                    .isZero();
        }
    }

    @OnBothDatabases
    void savesAParticipationWholeOrNotAtAll(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore store = new JdbcActivityStore(database);
        CollectiveActivity activity = full();
        store.save(activity);
        Participation original = measured(activity.id(), ResidentId.of("res-1"));
        store.saveParticipation(original);

        // the main row and the dimensions are written before the over-long referral fails
        Participation broken = new Participation(
                original.id(), activity.id(), ResidentId.of("res-9"), original.measurement(), Set.of("z".repeat(201)));
        assertThatThrownBy(() -> store.saveParticipation(broken))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save participation " + original.id());
        assertThat(store.participations(activity.id())).containsExactly(original);

        Participation brokenNew = new Participation(
                UUID.randomUUID(), activity.id(), ResidentId.of("res-9"), original.measurement(), broken.referrals());
        assertThatThrownBy(() -> store.saveParticipation(brokenNew)).isInstanceOf(StoreException.class);
        assertThat(store.participations(activity.id())).containsExactly(original);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_dimension"))
                .isEqualTo(original.measurement().orElseThrow().dimensions().size());
    }

    static CollectiveActivity withId(CollectiveActivity a, ActivityId id) {
        return new CollectiveActivity(
                id,
                a.team(),
                a.title(),
                a.stage(),
                a.targetGroups(),
                a.funder(),
                a.startsOn(),
                a.budget(),
                a.actual(),
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    static CollectiveActivity withStart(CollectiveActivity a, Optional<LocalDate> start) {
        return new CollectiveActivity(
                a.id(),
                a.team(),
                a.title(),
                a.stage(),
                a.targetGroups(),
                a.funder(),
                start,
                a.budget(),
                a.actual(),
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    static CollectiveActivity withInvestments(
            CollectiveActivity a, Optional<Investment> budget, Optional<Investment> actual) {
        return new CollectiveActivity(
                a.id(),
                a.team(),
                a.title(),
                a.stage(),
                a.targetGroups(),
                a.funder(),
                a.startsOn(),
                budget,
                actual,
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }
}
