package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.junit.jupiter.api.io.TempDir;

class JdbcSignalStoreTest {
    private static final TeamId NOORD = new TeamId("team-noord");
    private static final TeamId ZUID = new TeamId("team-zuid");

    @TempDir
    Path dir;

    static Signal full() {
        return new Signal(
                SignalId.random(),
                NOORD,
                LocalDate.of(2025, 3, 14),
                "eenzaamheid",
                Set.of("ouderen", "mantelzorgers"),
                "huisarts",
                "Mevrouw voelt zich eenzaam sinds haar man overleed; zoekt contact in de wijk.",
                true,
                Optional.of(ResidentId.of("res-1001")),
                Optional.of(ActivityId.random()));
    }

    static Signal minimal() {
        return new Signal(
                SignalId.random(),
                ZUID,
                LocalDate.of(2024, 12, 31),
                "schulden",
                Set.of(),
                null,
                null,
                false,
                Optional.empty(),
                Optional.empty());
    }

    @OnBothDatabases
    void savesAndFindsEveryField(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        Signal full = full();
        Signal minimal = minimal();

        store.save(full);
        store.save(minimal);

        assertThat(store.find(full.id())).contains(full);
        assertThat(store.find(minimal.id())).contains(minimal);
        assertThat(store.find(SignalId.random())).isEmpty();
    }

    @OnBothDatabases
    void keepsTextAsEntered(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        Signal signal =
                withQuestion(full(), "Vraag met 'quotes', \"dubbele\", é ü ß 😀; DROP TABLE mw_signal; --\nregel 2");

        store.save(signal);

        assertThat(store.find(signal.id())).contains(signal);
    }

    @OnBothDatabases
    void saveReplacesTheSignalWithTheSameId(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcSignalStore store = new JdbcSignalStore(database);
        Signal original = full();
        store.save(original);

        Signal changed = new Signal(
                original.id(),
                ZUID,
                original.registeredOn().plusDays(1),
                "armoede",
                Set.of("jongeren"),
                "wijkagent",
                "Nieuwe vraag",
                false,
                Optional.empty(),
                Optional.empty());
        store.save(changed);

        assertThat(store.find(original.id())).contains(changed);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_signal"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_signal_target_group"))
                .isEqualTo(1);
    }

    @OnBothDatabases
    void aFailedSaveLeavesThePreviousVersion(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcSignalStore store = new JdbcSignalStore(database);
        Signal original = full();
        store.save(original);

        // the target group is too long for its column: the insert of the second child row fails
        Signal broken = new Signal(
                original.id(),
                original.team(),
                original.registeredOn(),
                "anders",
                Set.of("jongeren", "x".repeat(65)),
                original.referrer(),
                original.question(),
                original.answered(),
                original.resident(),
                original.activity());

        assertThatThrownBy(() -> store.save(broken))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save signal " + original.id());
        assertThat(store.find(original.id())).contains(original);
    }

    private static Signal signal(TeamId team, LocalDate day, Optional<ActivityId> activity) {
        return new Signal(
                SignalId.random(),
                team,
                day,
                "eenzaamheid",
                Set.of("ouderen"),
                null,
                null,
                false,
                Optional.empty(),
                activity);
    }

    @OnBothDatabases
    void aFailureNamesNoValueOfTheStatement(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        Signal tooLong = new Signal(
                SignalId.random(),
                NOORD,
                LocalDate.of(2025, 1, 1),
                "schulden",
                Set.of(),
                "Mevrouw Jansen van de Dorpsstraat " + "x".repeat(300),
                "Mevrouw Jansen heeft schulden",
                false,
                Optional.of(ResidentId.of("res-jansen")),
                Optional.empty());

        StoreException failure =
                org.assertj.core.api.Assertions.catchThrowableOfType(StoreException.class, () -> store.save(tooLong));

        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("Jansen", "res-jansen", "schulden");
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                assertThat(String.valueOf(sql.getNextException().getMessage())).doesNotContain("Jansen");
            }
        }
        assertThat(failure.getMessage()).contains("SQL state");
    }

    @OnBothDatabases
    void findsTheSignalsOfAnActivityAndThoseNotClusteredYet(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        ActivityId walking = ActivityId.random();
        Signal older = signal(NOORD, LocalDate.of(2025, 1, 1), Optional.of(walking));
        Signal newer = signal(NOORD, LocalDate.of(2025, 2, 1), Optional.of(walking));
        Signal elsewhere = signal(NOORD, LocalDate.of(2025, 3, 1), Optional.of(ActivityId.random()));
        Signal loose = signal(NOORD, LocalDate.of(2025, 1, 15), Optional.empty());
        Signal looseNewer = signal(NOORD, LocalDate.of(2025, 4, 1), Optional.empty());
        Signal looseZuid = signal(ZUID, LocalDate.of(2025, 5, 1), Optional.empty());
        List.of(older, newer, elsewhere, loose, looseNewer, looseZuid).forEach(store::save);

        assertThat(store.ofActivity(walking)).containsExactly(newer, older);
        assertThat(store.ofActivity(ActivityId.random())).isEmpty();
        assertThat(store.unclustered(List.of(NOORD), 10)).containsExactly(looseNewer, loose);
        assertThat(store.unclustered(List.of(NOORD, ZUID), 2)).containsExactly(looseZuid, looseNewer);
        assertThat(store.unclustered(List.of(), 10)).isEmpty();
    }

    @OnBothDatabases
    void listsNewestFirstInStablePagesOfTheGivenTeams(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        List<Signal> noord = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two signals per day, so that the id decides within a day
            Signal signal =
                    withTeamAndDate(full(), NOORD, LocalDate.of(2025, 1, 1).plusDays(i / 2));
            noord.add(signal);
            store.save(signal);
        }
        Signal zuid = withTeamAndDate(minimal(), ZUID, LocalDate.of(2026, 1, 1));
        store.save(zuid);
        List<Signal> expected = noord.stream()
                .sorted(Comparator.comparing(Signal::registeredOn)
                        .reversed()
                        // the databases order uuids as unsigned bytes, like their text; UUID.compareTo is signed
                        .thenComparing(signal -> signal.id().toString()))
                .toList();

        assertThat(store.list(List.of(NOORD), 0, 3)).isEqualTo(expected.subList(0, 3));
        assertThat(store.list(List.of(NOORD), 3, 3)).isEqualTo(expected.subList(3, 6));
        assertThat(store.list(List.of(NOORD), 6, 3)).isEqualTo(expected.subList(6, 7));
        assertThat(store.list(List.of(NOORD), 7, 3)).isEmpty();
        assertThat(store.list(List.of(NOORD, ZUID, NOORD), 0, 100))
                .hasSize(8)
                .first()
                .isEqualTo(zuid);
        assertThat(store.list(List.of(new TeamId("team-west")), 0, 10)).isEmpty();
        assertThat(store.list(List.of(), 0, 10)).isEmpty();
        assertThat(store.list(List.of(NOORD), 0, 0)).isEmpty();
    }

    @OnBothDatabases
    void countsTheSignalsOfTheGivenTeams(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));
        store.save(withTeamAndDate(full(), NOORD, LocalDate.of(2025, 1, 1)));
        store.save(withTeamAndDate(full(), NOORD, LocalDate.of(2025, 1, 2)));
        store.save(withTeamAndDate(full(), ZUID, LocalDate.of(2025, 1, 3)));

        assertThat(store.count(List.of(NOORD))).isEqualTo(2);
        assertThat(store.count(Set.of(NOORD, ZUID))).isEqualTo(3);
        assertThat(store.count(List.of())).isZero();
        assertThat(store.count(List.of(new TeamId("team-west")))).isZero();
    }

    @OnBothDatabases
    void rejectsNegativePaging(Engine engine) {
        JdbcSignalStore store = new JdbcSignalStore(engine.migrated(dir));

        assertThatThrownBy(() -> store.list(List.of(NOORD), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(List.of(NOORD), 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Signal withTeamAndDate(Signal signal, TeamId team, LocalDate date) {
        return new Signal(
                new SignalId(UUID.randomUUID()),
                team,
                date,
                signal.type(),
                signal.targetGroups(),
                signal.referrer(),
                signal.question(),
                signal.answered(),
                signal.resident(),
                signal.activity());
    }

    static Signal withQuestion(Signal signal, String question) {
        return new Signal(
                signal.id(),
                signal.team(),
                signal.registeredOn(),
                signal.type(),
                signal.targetGroups(),
                signal.referrer(),
                question,
                signal.answered(),
                signal.resident(),
                signal.activity());
    }

    static Signal aboutResident(Signal signal, ResidentId resident) {
        return new Signal(
                SignalId.random(),
                signal.team(),
                signal.registeredOn(),
                signal.type(),
                signal.targetGroups(),
                signal.referrer(),
                signal.question(),
                signal.answered(),
                Optional.of(resident),
                signal.activity());
    }
}
