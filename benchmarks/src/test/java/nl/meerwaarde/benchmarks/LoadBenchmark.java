package nl.meerwaarde.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The timed load, run only by the profile {@code benchmark} (see README.md): generates the configured size (by
 * default 100 000 activities, 1 000 000 participations, 200 000 signals) and loads it through the real store into a
 * fresh H2 file database under {@code target/benchmark-h2} (compacted afterwards) and, when {@code MEERWAARDE_TEST_PG_URL} is set, into a
 * fresh database on that PostgreSQL server (dropped again when the JVM ends). Prints the times. Then, on each
 * database, the KPI timing of {@link KpiBenchmark} (unless {@code benchmark.kpi} is {@code false}).
 *
 * <p>System properties (set by the profile from the Maven properties of the same names): {@code benchmark.seed},
 * {@code .activities}, {@code .participations}, {@code .signals}, {@code .residents}, {@code .slice}, {@code
 * .engines} (a comma-separated subset of {@code H2,POSTGRESQL}), {@code .dir}, {@code .reuse} (keep the loaded
 * databases and skip the load when they already hold this size: the H2 file, and the PostgreSQL database {@code
 * benchmark.pg.database}, default {@code mw_benchmark}, which is then not dropped), {@code .kpi}.
 */
class LoadBenchmark {
    @Test
    void loadTheBenchmarkData() throws Exception {
        GeneratorConfig config = new GeneratorConfig(
                Long.getLong("benchmark.seed", 20261123L),
                Integer.getInteger("benchmark.activities", GeneratorConfig.BENCHMARK_ACTIVITIES),
                Integer.getInteger("benchmark.participations", GeneratorConfig.BENCHMARK_PARTICIPATIONS),
                Integer.getInteger("benchmark.signals", GeneratorConfig.BENCHMARK_SIGNALS),
                Integer.getInteger("benchmark.residents", GeneratorConfig.BENCHMARK_RESIDENTS),
                GeneratorConfig.DEFAULT_TEAMS,
                Integer.getInteger("benchmark.slice", GeneratorConfig.DEFAULT_SLICE));
        List<String> engines =
                List.of(System.getProperty("benchmark.engines", "H2,POSTGRESQL").split(","));
        Path dir = Path.of(System.getProperty("benchmark.dir", "target/benchmark-h2"));
        System.out.printf(
                "Benchmark data: seed %d, %,d activities, %,d participations, %,d signals, %,d residents,"
                        + " slices of %,d activities; Java %s, %d processors, max heap %d MiB%n",
                config.seed(),
                config.activities(),
                config.participations(),
                config.signals(),
                config.residents(),
                config.sliceSize(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576);

        long started = System.nanoTime();
        long records = 0;
        RegistrationGenerator generator = new RegistrationGenerator(config);
        while (generator.hasNext()) {
            records += generator.next().records();
        }
        System.out.printf("generating alone: %,d records in %.1f s%n", records, (System.nanoTime() - started) / 1e9);

        boolean reuse = Boolean.getBoolean("benchmark.reuse");
        boolean kpis = Boolean.parseBoolean(System.getProperty("benchmark.kpi", "true"));
        if (engines.contains("H2")) {
            String label = "H2 (file " + dir.toAbsolutePath() + ")";
            if (reuse && Files.exists(dir.resolve("meerwaarde.mv.db"))) {
                System.out.println(label + ": reusing the data loaded before (benchmark.reuse)");
                migrate(label, H2Databases.newFileDatabase(dir));
                checkCounts(H2Databases.newFileDatabase(dir), config);
            } else {
                deleteRecursively(dir);
                Files.createDirectories(dir);
                DataSource h2 = H2Databases.newFileDatabase(dir);
                load(label, h2, config);
                // H2 keeps the superseded pages of the load until the database is closed (the open file was 26
                // times its compacted size at the default size); compacting leaves the file the KPI timing should
                // start from
                System.out.printf("H2 file size after the load: %.0f MiB%n", mebibytes(dir));
                long compacting = System.nanoTime();
                try (Connection connection = h2.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                }
                System.out.printf(
                        "H2 SHUTDOWN COMPACT in %.1f s: %.0f MiB%n",
                        (System.nanoTime() - compacting) / 1e9, mebibytes(dir));
            }
            if (kpis) {
                // a new data source opens the compacted file again
                KpiBenchmark.run("H2", H2Databases.newFileDatabase(dir), false);
            }
        }
        String pgUrl = System.getenv(PostgresServer.URL_VARIABLE);
        if (engines.contains("POSTGRESQL")) {
            if (pgUrl == null || pgUrl.isBlank()) {
                System.out.println("PostgreSQL: skipped (" + PostgresServer.URL_VARIABLE + " is not set)");
            } else {
                DataSource pg;
                if (reuse) {
                    pg = keptPostgresDatabase(pgUrl.strip(), config);
                } else {
                    PostgresServer.Database database = PostgresServer.shared().createDatabase();
                    load("PostgreSQL (" + database.url() + ")", database.dataSource(), config);
                    pg = database.dataSource();
                }
                if (kpis) {
                    KpiBenchmark.run("PostgreSQL", pg, true);
                }
            }
        }
    }

    /** Data loaded by an earlier version gets the schema's newer changesets (timed: they may fill tables). */
    private static void migrate(String label, DataSource dataSource) {
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        System.out.printf(
                "%s: schema migrated to the current changeset in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
    }

    /**
     * With {@code benchmark.reuse}: the database {@code benchmark.pg.database} (default {@code mw_benchmark}) on the
     * server of {@code MEERWAARDE_TEST_PG_URL}, kept after the run; loaded only when it does not hold this size yet
     * (then it is created afresh). The seed is not checked: drop the database after changing it.
     */
    private static DataSource keptPostgresDatabase(String maintenanceUrl, GeneratorConfig config) throws SQLException {
        String name = System.getProperty("benchmark.pg.database", "mw_benchmark");
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("benchmark.pg.database: not a plain database name: " + name);
        }
        String user = Objects.requireNonNullElse(System.getenv(PostgresServer.USER_VARIABLE), "postgres");
        String password = Objects.requireNonNullElse(System.getenv(PostgresServer.PASSWORD_VARIABLE), "");
        PostgresServer.Database database =
                new PostgresServer.Database(withDatabase(maintenanceUrl, name), user, password);
        String label = "PostgreSQL (" + database.url() + ", kept)";
        boolean exists;
        try (Connection connection = new PostgresServer.Database(maintenanceUrl, user, password).connect();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT COUNT(*) FROM pg_database WHERE datname = '" + name + "'")) {
            row.next();
            exists = row.getLong(1) > 0;
        }
        if (exists) {
            try {
                checkCounts(database.dataSource(), config);
                System.out.println(label + ": reusing the data loaded before (benchmark.reuse)");
                migrate(label, database.dataSource());
                return database.dataSource();
            } catch (AssertionError | SQLException e) {
                System.out.println(label + ": holds other data, loading afresh ("
                        + e.getMessage().strip() + ")");
            }
        }
        try (Connection connection = new PostgresServer.Database(maintenanceUrl, user, password).connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        load(label, database.dataSource(), config);
        return database.dataSource();
    }

    /** A PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/name?params}) with another database name. */
    private static String withDatabase(String url, String database) {
        String scheme = "jdbc:postgresql://";
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int slash = base.indexOf('/', scheme.length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static void checkCounts(DataSource dataSource, GeneratorConfig config) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(count(statement, "mw_activity")).isEqualTo(config.activities());
            assertThat(count(statement, "mw_participation")).isEqualTo(config.participations());
            assertThat(count(statement, "mw_signal")).isEqualTo(config.signals());
        }
    }

    private static void load(String label, DataSource dataSource, GeneratorConfig config) throws SQLException {
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        System.out.printf("%s: schema migrated in %.1f s%n", label, (System.nanoTime() - started) / 1e9);
        RegistrationLoader loader =
                new RegistrationLoader(new JdbcRegistrationBatch(new MigratedDatabase(dataSource)), System.out);
        RegistrationLoader.LoadResult result = loader.load(label, new RegistrationGenerator(config));
        checkCounts(dataSource, config);
        assertThat(result.records()).isEqualTo((long) config.activities() + config.participations() + config.signals());
        System.out.println("RESULT " + result.summary());
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double mebibytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(LoadBenchmark::size).sum() / 1048576.0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
