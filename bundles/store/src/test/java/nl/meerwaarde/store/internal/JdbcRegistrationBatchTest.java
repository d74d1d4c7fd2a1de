package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.io.TempDir;

class JdbcRegistrationBatchTest {
    private static final ResidentId MANOUK = ResidentId.of("inw-0001");
    private static final ResidentId KEES = ResidentId.of("inw-0002");

    @TempDir
    Path dir;

    private static Signal signalOn(ActivityId activity) {
        Signal full = JdbcSignalStoreTest.full();
        return new Signal(
                full.id(),
                full.team(),
                full.registeredOn(),
                full.type(),
                full.targetGroups(),
                full.referrer(),
                full.question(),
                full.answered(),
                full.resident(),
                Optional.of(activity));
    }

    @OnBothDatabases
    void savesEverythingAndReadsItBackInBulk(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        CollectiveActivity planned = JdbcActivityStoreTest.planned();
        CollectiveActivity minimal = JdbcActivityStoreTest.minimal();
        Participation measured = JdbcActivityStoreTest.measured(planned.id(), MANOUK);
        Participation unmeasured = JdbcActivityStoreTest.unmeasured(planned.id(), KEES);
        Participation other = JdbcActivityStoreTest.unmeasured(minimal.id(), MANOUK);
        Signal signal = signalOn(planned.id());
        Signal minimalSignal = JdbcSignalStoreTest.minimal();

        batch.saveAll(List.of(signal, minimalSignal), List.of(planned, minimal), List.of(measured, unmeasured, other));

        assertThat(batch.signals(List.of(signal.id(), minimalSignal.id(), SignalId.random())))
                .isEqualTo(Map.of(signal.id(), signal, minimalSignal.id(), minimalSignal));
        assertThat(batch.activities(List.of(planned.id(), minimal.id(), ActivityId.random())))
                .isEqualTo(Map.of(planned.id(), planned, minimal.id(), minimal));
        assertThat(batch.participations(List.of(measured.id(), unmeasured.id(), other.id(), UUID.randomUUID())))
                .isEqualTo(Map.of(measured.id(), measured, unmeasured.id(), unmeasured, other.id(), other));
        assertThat(batch.participants(List.of(planned.id(), minimal.id(), ActivityId.random())))
                .isEqualTo(Map.of(
                        planned.id(),
                        Map.of(MANOUK, measured.id(), KEES, unmeasured.id()),
                        minimal.id(),
                        Map.of(MANOUK, other.id())));
        // the stores see exactly what they would have saved themselves
        assertThat(new JdbcActivityStore(database).find(planned.id())).contains(planned);
        assertThat(new JdbcSignalStore(database).find(signal.id())).contains(signal);
        assertThat(new JdbcActivityStore(database).participations(planned.id()))
                .containsExactlyInAnyOrder(measured, unmeasured);
    }

    @OnBothDatabases
    void replacesRecordsWithTheSameIdAndTheirChildren(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        CollectiveActivity planned = JdbcActivityStoreTest.planned();
        Participation measured = JdbcActivityStoreTest.measured(planned.id(), MANOUK);
        Signal signal = signalOn(planned.id());
        batch.saveAll(List.of(signal), List.of(planned), List.of(measured));

        CollectiveActivity emptied = JdbcActivityStoreTest.minimal();
        CollectiveActivity replacement = new CollectiveActivity(
                planned.id(),
                emptied.team(),
                emptied.title(),
                emptied.stage(),
                Set.of("jongeren"),
                emptied.funder(),
                emptied.startsOn(),
                emptied.budget(),
                emptied.actual(),
                emptied.anonymous(),
                emptied.individualQuestionsAnswered(),
                emptied.referrerSatisfaction(),
                List.of(),
                emptied.analysis(),
                emptied.instrument(),
                Set.of(),
                emptied.sessions(),
                emptied.lessonsLearned());
        Participation unmeasured =
                new Participation(measured.id(), planned.id(), KEES, Optional.empty(), Set.of("Buurtkamer"));
        Signal plain = new Signal(
                signal.id(),
                signal.team(),
                signal.registeredOn(),
                "schulden",
                Set.of(),
                null,
                null,
                false,
                Optional.empty(),
                Optional.empty());
        batch.saveAll(List.of(plain), List.of(replacement), List.of(unmeasured));

        assertThat(batch.activities(List.of(planned.id()))).containsExactly(Map.entry(planned.id(), replacement));
        assertThat(batch.participations(List.of(measured.id()))).containsExactly(Map.entry(measured.id(), unmeasured));
        assertThat(batch.signals(List.of(signal.id()))).containsExactly(Map.entry(signal.id(), plain));
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_goal"))
                .isZero();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation_quote"))
                .isZero();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_target_group"))
                .isEqualTo(1);
    }

    @OnBothDatabases
    void aFailingRowMidBatchLeavesNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        CollectiveActivity kept = JdbcActivityStoreTest.full();
        batch.saveAll(List.of(), List.of(kept), List.of());
        List<CollectiveActivity> activities = new ArrayList<>();
        List<Participation> participations = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            CollectiveActivity activity = JdbcActivityStoreTest.minimal();
            activities.add(activity);
            participations.add(JdbcActivityStoreTest.measured(activity.id(), MANOUK));
        }
        // the 1 800th participation's partner is too long for its column: the third batch of referrals fails
        Participation broken = participations.get(1_800);
        participations.set(
                1_800,
                new Participation(
                        broken.id(),
                        broken.activity(),
                        broken.resident(),
                        broken.measurement(),
                        Set.of("x".repeat(201))));

        assertThatThrownBy(() -> batch.saveAll(List.of(JdbcSignalStoreTest.full()), activities, participations))
                .isInstanceOf(StoreException.class);

        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_participation"))
                .isZero();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_signal"))
                .isZero();
        assertThat(batch.activities(List.of(kept.id()))).containsExactly(Map.entry(kept.id(), kept));
    }

    @OnBothDatabases
    void refusesParticipationsOfAMissingActivityAndWritesNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        CollectiveActivity activity = JdbcActivityStoreTest.minimal();
        Participation orphan = JdbcActivityStoreTest.unmeasured(ActivityId.random(), MANOUK);

        assertThatThrownBy(() -> batch.saveAll(
                        List.of(),
                        List.of(activity),
                        List.of(JdbcActivityStoreTest.unmeasured(activity.id(), KEES), orphan)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(orphan.activity().toString());

        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity"))
                .isZero();
    }

    @OnBothDatabases
    void readsMoreIdsThanOneInList(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < Jdbc.IN_LIST_SIZE * 2 + 7; i++) {
            signals.add(JdbcSignalStoreTest.minimal());
        }
        batch.saveAll(signals, List.of(), List.of());

        assertThat(batch.signals(signals.stream().map(Signal::id).toList())).hasSize(signals.size());
        assertThat(batch.signals(List.of())).isEmpty();
    }
}
