package nl.meerwaarde.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server for tests: one per JVM, started on first use and stopped when the JVM exits.
 *
 * <p>When the environment variable {@value #URL_VARIABLE} is set (a JDBC URL of a maintenance database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}),
 * that server is used; this is how {@code .ci/run} starts PostgreSQL once per run (see {@code
 * src/main/sh/start-postgres.sh}). Otherwise a private cluster is started from Debian's PostgreSQL binaries (see
 * {@link PrivateCluster}).
 *
 * <p>Each test asks for its own empty database with {@link #createDatabase()}.
 */
public final class PostgresServer {
    /** JDBC URL of a maintenance database of an already running server. */
    public static final String URL_VARIABLE = "MEERWAARDE_TEST_PG_URL";
    /** User of that server, allowed to create databases. */
    public static final String USER_VARIABLE = "MEERWAARDE_TEST_PG_USER";
    /** Password of that user; may be empty (trust authentication). */
    public static final String PASSWORD_VARIABLE = "MEERWAARDE_TEST_PG_PASSWORD";

    private static final Object LOCK = new Object();
    private static PostgresServer shared;

    private final String maintenanceUrl;
    private final String user;
    private final String password;
    private final PrivateCluster cluster;
    private final String namePrefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<String> created = new ArrayList<>();

    private PostgresServer(String maintenanceUrl, String user, String password, PrivateCluster cluster) {
        this.maintenanceUrl = maintenanceUrl;
        this.user = user;
        this.password = password;
        this.cluster = cluster;
        this.namePrefix = "mw_test_" + ProcessHandle.current().pid() + "_"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()) + "_";
    }

    /**
     * The server of this JVM, started on the first call; a shutdown hook stops it (or, for an external server,
     * drops the databases this JVM created).
     */
    public static PostgresServer shared() {
        synchronized (LOCK) {
            if (shared == null) {
                PostgresServer server = start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "meerwaarde-test-postgres-stop"));
                shared = server;
            }
            return shared;
        }
    }

    private static PostgresServer start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            String user = Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres");
            String password = Objects.requireNonNullElse(System.getenv(PASSWORD_VARIABLE), "");
            PostgresServer server = new PostgresServer(url.strip(), user, password, null);
            server.check();
            return server;
        }
        PrivateCluster cluster = PrivateCluster.start();
        PostgresServer server = new PostgresServer(cluster.maintenanceUrl(), PrivateCluster.USER, "", cluster);
        try {
            server.check();
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return server;
    }

    /** JDBC URL of the maintenance database ({@code postgres}). */
    public String maintenanceUrl() {
        return maintenanceUrl;
    }

    /** Whether this is a private cluster this JVM started (rather than a server named by the environment). */
    public boolean isPrivateCluster() {
        return cluster != null;
    }

    /** Creates a new, empty database with a name unique on this server. */
    public Database createDatabase() {
        String name = namePrefix + counter.incrementAndGet();
        try (Connection connection = connect(maintenanceUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + maintenanceUrl, e);
        }
        synchronized (created) {
            created.add(name);
        }
        return new Database(withDatabase(maintenanceUrl, name), user, password);
    }

    private void check() {
        try (Connection connection = connect(maintenanceUrl);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to the test PostgreSQL server at " + maintenanceUrl + " as " + user + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return new org.postgresql.Driver().connect(url, properties);
    }

    private void stop() {
        if (cluster != null) {
            cluster.stop();
            return;
        }
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
        }
        if (names.isEmpty()) {
            return;
        }
        try (Connection connection = connect(maintenanceUrl);
                Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases on " + maintenanceUrl + ": " + e.getMessage());
        }
    }

    /**
     * Replaces the database name in a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/name?params}).
     */
    static String withDatabase(String url, String database) {
        String scheme = "jdbc:postgresql://";
        if (!url.startsWith(scheme)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', scheme.length());
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + database + parameters;
    }

    /** One test database. */
    public record Database(String url, String user, String password) {
        public Database {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** A new, unpooled DataSource on this database. */
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }

        /** Opens a connection (for setting up or checking test data). */
        public Connection connect() throws SQLException {
            return dataSource().getConnection();
        }
    }
}
