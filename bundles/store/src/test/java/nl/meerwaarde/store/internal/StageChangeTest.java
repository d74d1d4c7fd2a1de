package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.StageChange;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcActivityStore#changeStage} and {@link JdbcActivityStore#stageChanges}. */
class StageChangeTest {
    private static final Instant AT = Instant.parse("2025-04-01T12:00:00.000001Z");

    @TempDir
    Path dir;

    private MigratedDatabase database;
    private JdbcActivityStore store;
    private CollectiveActivity activity;

    private void setUp(Engine engine) {
        database = engine.migrated(dir);
        store = new JdbcActivityStore(database);
        activity = JdbcActivityStoreTest.minimal(); // stage SIGNAL
        store.save(activity);
    }

    private StageChange change(Stage from, Stage to, int minutes) {
        return new StageChange(
                activity.id(), from, to, Set.of(), Optional.empty(), AT.plusSeconds(60L * minutes), "worker:w-17");
    }

    @OnBothDatabases
    void movesTheActivityAndRecordsTheChange(Engine engine) {
        setUp(engine);
        StageChange toAnalysis = change(Stage.SIGNAL, Stage.ANALYSIS, 0);

        store.changeStage(toAnalysis);

        assertThat(store.find(activity.id()).orElseThrow().stage()).isEqualTo(Stage.ANALYSIS);
        assertThat(store.stageChanges(activity.id())).containsExactly(toAnalysis);
        assertThat(store.find(activity.id()).orElseThrow())
                .usingRecursiveComparison()
                .ignoringFields("stage")
                .isEqualTo(activity);
    }

    @OnBothDatabases
    void refusesAChangeFromAStageTheActivityIsNotInAndChangesNothing(Engine engine) {
        setUp(engine);
        store.changeStage(change(Stage.SIGNAL, Stage.ANALYSIS, 0));

        // a second worker who still saw the activity in SIGNAL
        assertThatThrownBy(() -> store.changeStage(change(Stage.SIGNAL, Stage.PLAN, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(activity.id().toString())
                .hasMessageContaining("SIGNAL");

        assertThat(store.find(activity.id()).orElseThrow().stage()).isEqualTo(Stage.ANALYSIS);
        assertThat(store.stageChanges(activity.id())).hasSize(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_stage_change"))
                .isEqualTo(1);
    }

    @OnBothDatabases
    void refusesAChangeOfAMissingActivity(Engine engine) {
        setUp(engine);
        ActivityId missing = ActivityId.random();
        StageChange change =
                new StageChange(missing, Stage.SIGNAL, Stage.ANALYSIS, Set.of(), Optional.empty(), AT, "worker:w-17");

        assertThatThrownBy(() -> store.changeStage(change))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString());

        assertThat(store.stageChanges(missing)).isEmpty();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_activity_stage_change"))
                .isZero();
    }

    @OnBothDatabases
    void listsTheHistoryOldestFirstWithSkippedStagesAndTheReason(Engine engine) {
        setUp(engine);
        CollectiveActivity other = JdbcActivityStoreTest.minimal();
        store.save(other);
        StageChange toAnalysis = change(Stage.SIGNAL, Stage.ANALYSIS, 0);
        StageChange toPlan = change(Stage.ANALYSIS, Stage.PLAN, 5);
        StageChange toExecution = change(Stage.PLAN, Stage.EXECUTION, 5); // same time: insertion order decides
        StageChange closed = new StageChange(
                activity.id(),
                Stage.EXECUTION,
                Stage.CLOSED,
                Set.of(Stage.EVALUATION, Stage.IMPACT_MEASUREMENT),
                Optional.of("Activiteit na één bijeenkomst gestopt; geen deelnemers meer te bereiken"),
                AT.plusSeconds(3600),
                "worker:w-18");
        StageChange otherChange =
                new StageChange(other.id(), Stage.SIGNAL, Stage.ANALYSIS, Set.of(), Optional.empty(), AT, "worker:w-1");

        for (StageChange c : new StageChange[] {toAnalysis, toPlan, otherChange, toExecution, closed}) {
            store.changeStage(c);
        }

        assertThat(store.stageChanges(activity.id())).containsExactly(toAnalysis, toPlan, toExecution, closed);
        assertThat(store.stageChanges(other.id())).containsExactly(otherChange);
        assertThat(store.find(activity.id()).orElseThrow().stage()).isEqualTo(Stage.CLOSED);
        assertThat(Sql.rows(
                        database.dataSource(),
                        "SELECT skipped FROM mw_activity_stage_change WHERE to_stage = 'CLOSED'"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("skipped", "IMPACT_MEASUREMENT,EVALUATION"));
    }
}
