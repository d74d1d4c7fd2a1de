package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.AnalyticsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {
    private static final String SCHEMA = "SELECT LOWER(table_name) AS table_name, LOWER(column_name) AS column_name,"
            + " LOWER(data_type) AS data_type, is_nullable FROM information_schema.columns"
            + " WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) LIKE 'mw\\_%' ESCAPE '\\'"
            + " ORDER BY 1, 2";

    @TempDir
    Path dir;

    @OnBothDatabases
    void createsTheTablesAndIsIdempotent(Engine engine) {
        DataSource dataSource = engine.newDataSource(dir);

        SchemaMigration.migrate(dataSource);
        List<Map<String, Object>> schema = Sql.rows(dataSource, SCHEMA);
        List<Map<String, Object>> history = Sql.rows(
                dataSource, "SELECT id, author, filename, md5sum FROM mw_databasechangelog ORDER BY orderexecuted");

        SchemaMigration.migrate(dataSource);

        assertThat(Sql.rows(dataSource, SCHEMA)).isEqualTo(schema);
        assertThat(Sql.rows(
                        dataSource,
                        "SELECT id, author, filename, md5sum FROM mw_databasechangelog ORDER BY orderexecuted"))
                .isEqualTo(history);
        assertThat(history).extracting(row -> row.get("id")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(history).hasSize(SchemaMigration.CHANGESETS);
        assertThat(schema)
                .extracting(row -> row.get("table_name"))
                .contains(
                        "mw_signal",
                        "mw_signal_target_group",
                        "mw_activity",
                        "mw_activity_target_group",
                        "mw_activity_goal",
                        "mw_participation",
                        "mw_participation_dimension",
                        "mw_participation_quote",
                        "mw_participation_referral",
                        "mw_audit_event",
                        "mw_response",
                        "mw_response_answer",
                        "mw_definition",
                        "mw_activity_stage_change",
                        "mw_registration_month",
                        "mw_resident_number",
                        "mw_kpi_aggregate",
                        "mw_databasechangelog",
                        "mw_databasechangeloglock");
    }

    @OnBothDatabases
    void keepsLiquibaseBookkeepingInItsOwnTablesAndReleasesTheLock(Engine engine) {
        DataSource dataSource = engine.migrated(dir).dataSource();

        assertThat(Sql.count(
                        dataSource,
                        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'databasechangelog'"))
                .isZero();
        assertThat(Sql.rows(dataSource, "SELECT locked FROM mw_databasechangeloglock"))
                .extracting(row -> row.get("locked"))
                .containsOnly(false);
    }

    @OnBothDatabases
    void usesTheSameColumnTypesOnBothDatabases(Engine engine) {
        DataSource dataSource = engine.migrated(dir).dataSource();

        Map<String, String> types = new java.util.HashMap<>();
        for (Map<String, Object> row : Sql.rows(dataSource, SCHEMA)) {
            types.put(row.get("table_name") + "." + row.get("column_name"), (String) row.get("data_type"));
        }
        assertThat(types)
                .containsEntry("mw_signal.id", "uuid")
                .containsEntry("mw_signal.registered_on", "date")
                .containsEntry("mw_signal.answered", "boolean")
                .containsEntry("mw_activity.budget_euros", "numeric")
                .containsEntry("mw_audit_event.occurred_at", "timestamp with time zone")
                .containsEntry("mw_audit_event.id", "bigint")
                .containsEntry("mw_response.id", "uuid")
                .containsEntry("mw_response.activity_id", "uuid")
                .containsEntry("mw_response.questionnaire_version", "integer")
                .containsEntry("mw_response.authored_at", "timestamp with time zone")
                .containsEntry("mw_response_answer.value_ordinal", "integer")
                .containsEntry("mw_definition.published_at", "timestamp with time zone")
                .containsEntry("mw_activity_stage_change.id", "bigint")
                .containsEntry("mw_activity_stage_change.changed_at", "timestamp with time zone");
    }

    @OnBothDatabases
    void holdsNoBsnLikeColumn(Engine engine) {
        DataSource dataSource = engine.migrated(dir).dataSource();

        assertThat(Sql.rows(
                        dataSource,
                        "SELECT table_name, column_name FROM information_schema.columns"
                                + " WHERE LOWER(column_name) LIKE '%bsn%' OR LOWER(column_name) LIKE '%burgerservice%'"
                                + " OR LOWER(column_name) LIKE '%citizen%'"))
                .isEmpty();
        assertThat(
                        Sql.count(
                                dataSource,
                                "SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) LIKE 'mw\\_%' ESCAPE '\\'"))
                .isPositive();
        // the tables of changeset 2 are among those checked
        assertThat(
                        Sql.count(
                                dataSource,
                                "SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) IN"
                                        + " ('mw_response', 'mw_response_answer', 'mw_definition', 'mw_activity_stage_change')"))
                .isEqualTo(26);
    }

    @OnBothDatabases
    void failsWithTheReasonOnAnUnknownSchema(Engine engine) {
        DataSource dataSource = engine.newDataSource(dir);
        Sql.execute(dataSource, "CREATE TABLE mw_signal (id INT)");

        assertThatThrownBy(() -> SchemaMigration.migrate(dataSource))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Migrating the Meerwaarde database schema failed")
                .hasMessageContaining("changeset 1 is not recorded");
    }

    @Test
    void registersTheMigratedDatabaseOnlyAfterASuccessfulMigration() {
        DataSource dataSource = Engine.H2.newDataSource(dir);
        List<MigratedDatabase> registered = new ArrayList<>();
        List<MigratedDatabase> unregistered = new ArrayList<>();

        SchemaMigration migration = new SchemaMigration(dataSource, (service, properties) -> {
            registered.add(service);
            return () -> unregistered.add(service);
        });

        assertThat(migration.registered()).isTrue();
        assertThat(registered).hasSize(1);
        assertThat(registered.get(0).dataSource()).isSameAs(dataSource);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_databasechangelog"))
                .isEqualTo(SchemaMigration.CHANGESETS);

        migration.deactivate();
        assertThat(unregistered).isEqualTo(registered);
    }

    @Test
    void registersNothingWhenTheMigrationFails() {
        List<MigratedDatabase> registered = new ArrayList<>();

        SchemaMigration migration = new SchemaMigration(new UnreachableDataSource(), (service, properties) -> {
            registered.add(service);
            return () -> {};
        });

        assertThat(migration.registered()).isFalse();
        assertThat(registered).isEmpty();
        migration.deactivate();
    }

    @Test
    void reportsAnUnreachableDatabase() {
        assertThatThrownBy(() -> SchemaMigration.migrate(new UnreachableDataSource()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("connection refused by test");
    }

    @Test
    void migratesWhateverContextClassLoaderTheCallerHas() {
        // inside OSGi the caller's context class loader (SCR's thread) cannot see Liquibase's service files
        DataSource dataSource = Engine.H2.newDataSource(dir);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ClassLoader blind = new ClassLoader(null) {};
        thread.setContextClassLoader(blind);
        try {
            SchemaMigration.migrate(dataSource);

            assertThat(thread.getContextClassLoader()).isSameAs(blind);
        } finally {
            thread.setContextClassLoader(original);
        }
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_databasechangelog"))
                .isEqualTo(SchemaMigration.CHANGESETS);
    }

    @Test
    void switchesLiquibaseAnalyticsOff() throws Exception {
        boolean enabled = Scope.child(SchemaMigration.scopeValues(), () -> Scope.getCurrentScope()
                .getSingleton(AnalyticsFactory.class)
                .getListener()
                .isEnabled());

        assertThat(enabled).isFalse();
    }

    /** A DataSource whose database cannot be reached. */
    private static final class UnreachableDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused by test", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
