package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: upgrading a database that holds data under the schema of changeset 1 (the first release) to the
 * current changelog keeps every old row as it was, and the new tables work on it.
 */
class MigrationFromChangeset1Test {
    /** Every table of changeset 1, with an order that makes its rows comparable. */
    private static final Map<String, String> CHANGESET_1_TABLES = new LinkedHashMap<>();

    static {
        CHANGESET_1_TABLES.put("mw_signal", "id");
        CHANGESET_1_TABLES.put("mw_signal_target_group", "signal_id, target_group");
        CHANGESET_1_TABLES.put("mw_activity", "id");
        CHANGESET_1_TABLES.put("mw_activity_target_group", "activity_id, target_group");
        CHANGESET_1_TABLES.put("mw_activity_goal", "activity_id, ordinal");
        CHANGESET_1_TABLES.put("mw_participation", "id");
        CHANGESET_1_TABLES.put("mw_participation_dimension", "participation_id, dimension");
        CHANGESET_1_TABLES.put("mw_participation_quote", "participation_id, ordinal");
        CHANGESET_1_TABLES.put("mw_participation_referral", "participation_id, partner");
        CHANGESET_1_TABLES.put("mw_audit_event", "id");
    }

    @TempDir
    Path dir;

    @OnBothDatabases
    void keepsTheDataOfTheFirstReleaseAndAddsTheNewTables(Engine engine) throws Exception {
        DataSource dataSource = engine.newDataSource(dir);
        migrateOnly(dataSource, 1);
        assertThat(Sql.rows(dataSource, "SELECT id FROM mw_databasechangelog ORDER BY orderexecuted"))
                .extracting(row -> row.get("id"))
                .containsExactly("1");
        assertThat(Sql.count(
                        dataSource,
                        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'mw_response'"))
                .isZero();

        // data written by the stores of the first release (they only use the tables of changeset 1)
        MigratedDatabase old = new MigratedDatabase(dataSource);
        JdbcActivityStore oldActivities = new JdbcActivityStore(old);
        CollectiveActivity activity = JdbcActivityStoreTest.full();
        oldActivities.save(activity);
        oldActivities.save(JdbcActivityStoreTest.minimal());
        Participation participation = JdbcActivityStoreTest.measured(activity.id(), ResidentId.of("res-anna"));
        oldActivities.saveParticipation(participation);
        Signal signal = JdbcSignalStoreTest.aboutResident(JdbcSignalStoreTest.full(), ResidentId.of("res-anna"));
        new JdbcSignalStore(old).save(signal);
        new JdbcSignalStore(old).save(JdbcSignalStoreTest.minimal());
        new JdbcAuditTrail(old)
                .record(new AuditEvent(
                        Instant.parse("2025-01-02T03:04:05.678901Z"),
                        "worker:w-17",
                        "read",
                        "participation",
                        participation.id().toString(),
                        ResidentId.of("res-anna")));
        Map<String, List<Map<String, Object>>> before = dump(dataSource);
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        SchemaMigration.migrate(dataSource);

        assertThat(Sql.rows(dataSource, "SELECT id FROM mw_databasechangelog ORDER BY orderexecuted"))
                .extracting(row -> row.get("id"))
                .containsExactly("1", "2");
        assertThat(dump(dataSource)).isEqualTo(before);
        MigratedDatabase upgraded = new MigratedDatabase(dataSource);
        JdbcActivityStore activities = new JdbcActivityStore(upgraded);
        assertThat(activities.find(activity.id())).contains(activity);
        assertThat(activities.participations(activity.id())).containsExactly(participation);
        assertThat(new JdbcSignalStore(upgraded).find(signal.id())).contains(signal);

        // the new tables work on the old data
        StageChange change = new StageChange(
                activity.id(),
                Stage.IMPACT_MEASUREMENT,
                Stage.CLOSED,
                Set.of(Stage.EVALUATION),
                Optional.of("Geen evaluatie mogelijk"),
                Instant.parse("2025-07-01T10:00:00Z"),
                "worker:w-17");
        activities.changeStage(change);
        assertThat(activities.stageChanges(activity.id())).containsExactly(change);
        assertThat(activities.find(activity.id()).orElseThrow().stage()).isEqualTo(Stage.CLOSED);

        JdbcResponseStore responses = new JdbcResponseStore(upgraded);
        QuestionnaireResponse response =
                JdbcResponseStoreTest.everyType(Optional.of(ResidentId.of("res-anna")), Optional.of(activity.id()));
        responses.save(response);
        assertThat(responses.ofActivity(activity.id())).containsExactly(response);

        JdbcDefinitionStore definitions = new JdbcDefinitionStore(upgraded);
        PublishedDefinition definition = new PublishedDefinition(
                new QuestionnaireRef("zrm-2017", 1), "{}", Instant.parse("2025-07-01T10:00:00Z"), "worker:w-1");
        definitions.publish(definition);
        assertThat(definitions.all()).containsExactly(definition);
    }

    /** Runs only the first {@code count} changesets of the changelog, as the release that had only those did. */
    static void migrateOnly(DataSource dataSource, int count) throws Exception {
        Scope.child(SchemaMigration.scopeValues(), () -> {
            Connection connection = dataSource.getConnection();
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try {
                database.setDatabaseChangeLogTableName(SchemaMigration.CHANGELOG_TABLE);
                database.setDatabaseChangeLogLockTableName(SchemaMigration.LOCK_TABLE);
                new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, SchemaMigration.CHANGELOG)
                        .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            } finally {
                database.close();
            }
        });
    }

    private static Map<String, List<Map<String, Object>>> dump(DataSource dataSource) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        CHANGESET_1_TABLES.forEach((table, order) ->
                tables.put(table, Sql.rows(dataSource, "SELECT * FROM " + table + " ORDER BY " + order)));
        return tables;
    }
}
