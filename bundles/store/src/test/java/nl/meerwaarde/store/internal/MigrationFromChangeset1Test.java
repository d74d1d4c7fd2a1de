package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
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
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.FunderId;
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

        // data as the first release wrote it: activities with the columns of changeset 1 only (today's store
        // writes the columns of changeset 3 too), the other aggregates through their unchanged stores
        // (today's stores also raise the version of the months they write, a table the first release did not have:
        // it exists only while they write)
        Sql.execute(
                dataSource, "CREATE TABLE mw_registration_month (team_id VARCHAR(64), month_key INT, version BIGINT)");
        MigratedDatabase old = new MigratedDatabase(dataSource);
        JdbcActivityStore oldActivities = new JdbcActivityStore(old);
        CollectiveActivity activity = JdbcActivityStoreTest.full();
        insertAsChangeset1(dataSource, activity);
        insertAsChangeset1(dataSource, JdbcActivityStoreTest.minimal());
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
        Sql.execute(dataSource, "DROP TABLE mw_registration_month");
        Map<String, List<Map<String, Object>>> before = dump(dataSource);
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        SchemaMigration.migrate(dataSource);

        assertThat(Sql.rows(dataSource, "SELECT id FROM mw_databasechangelog ORDER BY orderexecuted"))
                .extracting(row -> row.get("id"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(restrictedTo(dump(dataSource), before)).isEqualTo(before);
        // every team and month holding registrations starts at version 1 (signals, and the dated activities)
        Set<String> months = new java.util.TreeSet<>();
        for (Map<String, Object> row :
                Sql.rows(dataSource, "SELECT team_id, month_key, version FROM mw_registration_month")) {
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
            months.add(row.get("team_id") + " " + row.get("month_key"));
        }
        Set<String> expected = new java.util.TreeSet<>();
        for (CollectiveActivity dated : List.of(activity, JdbcActivityStoreTest.minimal())) {
            dated.startsOn()
                    .ifPresent(day ->
                            expected.add(dated.team().value() + " " + (day.getYear() * 100 + day.getMonthValue())));
        }
        for (Signal saved : List.of(signal, JdbcSignalStoreTest.minimal())) {
            LocalDate day = saved.registeredOn();
            expected.add(saved.team().value() + " " + (day.getYear() * 100 + day.getMonthValue()));
        }
        assertThat(months).isEqualTo(expected);
        assertThat(Sql.count(
                        dataSource,
                        "SELECT COUNT(*) FROM mw_activity WHERE analysis IS NOT NULL OR instrument IS NOT NULL"
                                + " OR instrument_other IS NOT NULL OR sessions IS NOT NULL"
                                + " OR lessons_learned IS NOT NULL"))
                .isZero();
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

    /** An activity row as the store of the first release wrote it, with its target groups and goals. */
    private static void insertAsChangeset1(DataSource dataSource, CollectiveActivity activity) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_activity (id, team_id, title,"
                    + " stage, funder_id, starts_on, budget_registered, budget_hours, budget_euros, actual_registered,"
                    + " actual_hours, actual_euros, anon_participants, anon_measured, anon_helped,"
                    + " individual_questions, referrer_satisfaction)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, activity.id().value());
                insert.setString(2, activity.team().value());
                insert.setString(3, activity.title());
                insert.setString(4, activity.stage().name());
                insert.setString(5, activity.funder().map(FunderId::value).orElse(null));
                insert.setObject(6, activity.startsOn().orElse(null), Types.DATE);
                insert.setBoolean(7, activity.budget().isPresent());
                insert.setBigDecimal(
                        8, activity.budget().flatMap(Investment::hours).orElse(null));
                insert.setBigDecimal(
                        9, activity.budget().flatMap(Investment::euros).orElse(null));
                insert.setBoolean(10, activity.actual().isPresent());
                insert.setBigDecimal(
                        11, activity.actual().flatMap(Investment::hours).orElse(null));
                insert.setBigDecimal(
                        12, activity.actual().flatMap(Investment::euros).orElse(null));
                insert.setObject(
                        13,
                        activity.anonymous().map(AnonymousCounts::participants).orElse(null),
                        Types.INTEGER);
                insert.setObject(
                        14, activity.anonymous().map(AnonymousCounts::measured).orElse(null), Types.INTEGER);
                insert.setObject(
                        15, activity.anonymous().map(AnonymousCounts::helped).orElse(null), Types.INTEGER);
                insert.setObject(16, activity.individualQuestionsAnswered().orElse(null), Types.INTEGER);
                insert.setObject(17, activity.referrerSatisfaction().orElse(null), Types.INTEGER);
                insert.executeUpdate();
            }
            for (String group : activity.targetGroups()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO mw_activity_target_group (activity_id, target_group) VALUES (?, ?)")) {
                    insert.setObject(1, activity.id().value());
                    insert.setString(2, group);
                    insert.executeUpdate();
                }
            }
            for (int i = 0; i < activity.goals().size(); i++) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_activity_goal"
                        + " (activity_id, ordinal, description, realisation) VALUES (?, ?, ?, ?)")) {
                    insert.setObject(1, activity.id().value());
                    insert.setInt(2, i);
                    insert.setString(3, activity.goals().get(i).description());
                    insert.setString(
                            4,
                            activity.goals()
                                    .get(i)
                                    .realisation()
                                    .map(Enum::name)
                                    .orElse(null));
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The dump with only the tables and columns {@code before} has: later changesets may add columns. */
    private static Map<String, List<Map<String, Object>>> restrictedTo(
            Map<String, List<Map<String, Object>>> after, Map<String, List<Map<String, Object>>> before) {
        Map<String, List<Map<String, Object>>> restricted = new LinkedHashMap<>();
        after.forEach((table, rows) -> {
            java.util.Set<String> columns = before.get(table).isEmpty()
                    ? java.util.Set.of()
                    : before.get(table).get(0).keySet();
            restricted.put(
                    table,
                    rows.stream()
                            .map(row -> {
                                Map<String, Object> kept = new LinkedHashMap<>(row);
                                kept.keySet().retainAll(columns);
                                return kept;
                            })
                            .toList());
        });
        return restricted;
    }

    private static Map<String, List<Map<String, Object>>> dump(DataSource dataSource) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        CHANGESET_1_TABLES.forEach((table, order) ->
                tables.put(table, Sql.rows(dataSource, "SELECT * FROM " + table + " ORDER BY " + order)));
        return tables;
    }
}
