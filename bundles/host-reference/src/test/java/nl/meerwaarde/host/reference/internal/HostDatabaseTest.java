package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.AnalyticsFactory;
import liquibase.analytics.configuration.AnalyticsArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDatabaseTest {
    @TempDir
    Path directory;

    @Test
    void createsTheRefTablesInTheFileHost() throws SQLException {
        HostDatabase database = TestHosts.database(directory, false);
        try {
            assertThat(Files.exists(directory.resolve("host.mv.db"))).isTrue();
            assertThat(tables(database.dataSource()))
                    .contains(
                            "REF_ORGANISATION",
                            "REF_TEAM",
                            "REF_WORKER",
                            "REF_WORKER_ROLE",
                            "REF_WORKER_TEAM",
                            "REF_RESIDENT",
                            "REF_FUNDER",
                            "REF_SESSION");
        } finally {
            database.close();
        }
    }

    @Test
    void noColumnCouldHoldABsn() throws SQLException {
        HostDatabase database = TestHosts.database(directory, true);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'PUBLIC' AND (LOWER(column_name) LIKE '%bsn%'"
                                + " OR LOWER(column_name) LIKE '%burgerservice%' OR LOWER(column_name) LIKE '%ssn%')");
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).as("a column named like a BSN").isFalse();
        } finally {
            database.close();
        }
    }

    @Test
    void loadsTheDemoDataOnceIntoEmptyTables() throws SQLException {
        HostDatabase first = TestHosts.database(directory, true);
        long workers = count(first.dataSource(), "ref_worker");
        long residents = count(first.dataSource(), "ref_resident");
        first.close();

        HostDatabase second = TestHosts.database(directory, true);
        try {
            assertThat(workers).isEqualTo(DemoHostData.WORKERS.size());
            assertThat(residents).isEqualTo(DemoHostData.RESIDENTS.size());
            assertThat(count(second.dataSource(), "ref_organisation")).isEqualTo(1);
            assertThat(count(second.dataSource(), "ref_team")).isEqualTo(2);
            assertThat(count(second.dataSource(), "ref_worker")).isEqualTo(workers);
            assertThat(count(second.dataSource(), "ref_resident")).isEqualTo(residents);
            assertThat(count(second.dataSource(), "ref_funder")).isEqualTo(2);
        } finally {
            second.close();
        }
    }

    @Test
    void loadsNothingWithDemoDataSwitchedOff() throws SQLException {
        HostDatabase database = TestHosts.database(directory, false);
        try {
            assertThat(count(database.dataSource(), "ref_organisation")).isZero();
            assertThat(count(database.dataSource(), "ref_worker")).isZero();
            assertThat(count(database.dataSource(), "ref_resident")).isZero();
            assertThat(DemoHostData.present(database.dataSource())).isFalse();
        } finally {
            database.close();
        }
    }

    @Test
    void storesOnlyBcryptHashesOfTheDemoPasswords() throws SQLException {
        HostDatabase database = TestHosts.database(directory, true);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT password_hash FROM ref_worker");
                ResultSet rows = statement.executeQuery()) {
            List<String> hashes = new ArrayList<>();
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
            assertThat(hashes).hasSize(DemoHostData.WORKERS.size()).allMatch(h -> h.matches("\\$2y\\$04\\$.{53}"));
            assertThat(hashes).noneMatch(h -> h.contains("demo-"));
        } finally {
            database.close();
        }
    }

    @Test
    void closingReleasesTheFileSoItOpensAgain() throws SQLException {
        HostDatabase first = TestHosts.database(directory, true);
        first.close();
        // With the database still open in this JVM, a second open would share it; after SHUTDOWN it is reopened
        // from the file, and Liquibase finds every changeset applied.
        HostDatabase second = TestHosts.database(directory, true);
        try {
            assertThat(count(second.dataSource(), "databasechangelog")).isEqualTo(8);
            assertThat(count(second.dataSource(), "databasechangeloglock")).isEqualTo(1);
            assertThat(lockedChangelogLocks(second.dataSource())).isZero();
        } finally {
            second.close();
        }
    }

    @Test
    void liquibaseRunsWithAnalyticsSwitchedOff() throws Exception {
        AtomicBoolean enabled = new AtomicBoolean(true);
        AtomicBoolean listenerEnabled = new AtomicBoolean(true);

        SchemaMigration.inLiquibaseScope(() -> {
            enabled.set(!Boolean.FALSE.equals(AnalyticsArgs.ENABLED.getCurrentValue()));
            listenerEnabled.set(Scope.getCurrentScope()
                    .getSingleton(AnalyticsFactory.class)
                    .getListener()
                    .isEnabled());
        });

        assertThat(enabled).isFalse();
        assertThat(listenerEnabled).isFalse();
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
                ResultSet rows = statement.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static long lockedChangelogLocks(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM databasechangeloglock WHERE locked");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
