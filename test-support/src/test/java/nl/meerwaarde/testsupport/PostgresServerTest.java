package nl.meerwaarde.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void createsTwoSeparateDatabasesThatAnswerQueries() throws SQLException {
        PostgresServer server = PostgresServer.shared();
        PostgresServer.Database first = server.createDatabase();
        PostgresServer.Database second = server.createDatabase();

        assertThat(first.url()).isNotEqualTo(second.url());
        assertThat(selectOne(first.dataSource())).isEqualTo(1);
        assertThat(selectOne(second.dataSource())).isEqualTo(1);
        assertThat(currentDatabase(first.dataSource())).isNotEqualTo(currentDatabase(second.dataSource()));
    }

    @Test
    void isOneServerPerJvm() {
        assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
    }

    @Test
    void usesTheServerNamedByTheEnvironmentOtherwiseAPrivateCluster() {
        String url = System.getenv(PostgresServer.URL_VARIABLE);
        boolean external = url != null && !url.isBlank();
        assertThat(PostgresServer.shared().isPrivateCluster()).isEqualTo(!external);
        if (external) {
            assertThat(PostgresServer.shared().maintenanceUrl()).isEqualTo(url.strip());
        }
    }

    @Test
    void databasesAreIsolated() throws SQLException {
        PostgresServer.Database first = PostgresServer.shared().createDatabase();
        PostgresServer.Database second = PostgresServer.shared().createDatabase();
        try (Connection connection = first.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_here (id int)");
        }
        try (Connection connection = second.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_here'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void replacesTheDatabaseNameInAUrl() {
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://h1:1,h2:2/postgres?ssl=false", "x"))
                .isEqualTo("jdbc:postgresql://h1:1,h2:2/x?ssl=false");
        assertThat(PostgresServer.withDatabase("jdbc:postgresql://localhost", "x"))
                .isEqualTo("jdbc:postgresql://localhost/x");
        assertThatThrownBy(() -> PostgresServer.withDatabase("jdbc:h2:mem:x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheNewestDebianBinaries(@TempDir Path root) throws Exception {
        for (String version : new String[] {"9.6", "14", "15", "not-a-version"}) {
            Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
            for (String tool : new String[] {"initdb", "pg_ctl"}) {
                Path file = Files.createFile(bin.resolve(tool));
                assertThat(file.toFile().setExecutable(true)).isTrue();
            }
        }
        Files.createDirectories(root.resolve("16").resolve("bin"));

        assertThat(PrivateCluster.newestDebianBinaries(root))
                .contains(root.resolve("15").resolve("bin"));
        assertThat(PrivateCluster.newestDebianBinaries(root.resolve("missing"))).isEmpty();
    }

    @Test
    void h2FileDatabaseAnswersQueries(@TempDir Path dir) throws SQLException {
        DataSource dataSource = H2Databases.newFileDatabase(dir);
        assertThat(selectOne(dataSource)).isEqualTo(1);
        assertThat(dir.resolve("meerwaarde.mv.db")).exists();
    }

    private static int selectOne(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static String currentDatabase(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
