package nl.meerwaarde.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.store.ReportingDatabase;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.kpi.internal.KpiEngineComponent;

/**
 * The KPI timing of issue #4, run by {@link LoadBenchmark} on each database it has just loaded (never on its own, so
 * the data is loaded once per run): the 23 Tinten chain KPIs ({@code tinten-1} ... {@code tinten-23}) computed by the
 * real engine ({@link KpiEngineComponent}) at organisation scope and at team scope for one year.
 *
 * <p>Per database: {@code VACUUM (ANALYZE)} first on PostgreSQL; then per scope a few warm-up runs and the measured
 * runs of the whole set (median and max wall-clock time, median CPU time, number of SQL statements); the time of
 * each statement of the last run; the time of each KPI computed alone (the slowest first); the plans of the five
 * slowest statements ({@code EXPLAIN (ANALYZE, BUFFERS)} on PostgreSQL, {@code EXPLAIN ANALYZE} on H2) in {@code
 * target/benchmark-reports/kpi-plans-*.txt}; and, when asked for ({@code benchmark.kpi.indexes}), the index
 * experiment: the {@link #CANDIDATES} each alone and then all together, against the plain schema (created in the
 * benchmark database only; dropped again at the start of every run, so a kept database starts plain), and on
 * PostgreSQL two session settings on top of them.
 *
 * <p>CPU time is printed besides the wall-clock time because other processes on a 2-core machine shift the
 * wall-clock time by a factor of two and more (the load average is printed with every result): H2 runs in the
 * benchmark's thread, PostgreSQL in its server processes, read from {@code /proc} (see {@link #cpu}).
 *
 * <p>The engine gets one connection that stays open (as from a pool); the statements are counted and timed by a
 * proxy around it. Lines to grep: {@code KPI-RESULT} (the set), {@code KPI-SLOW} (single KPIs), {@code KPI-SQL}
 * (statements), {@code KPI-INDEX} (the index experiment).
 *
 * <p>System properties (set by the profile from the Maven properties of the same names): {@code benchmark.kpi.year}
 * (2025), {@code .team} ({@code team-01}), {@code .warmups} (2), {@code .runs} (5), {@code .single.runs} (1, per
 * KPI alone), {@code .explain} ({@code true}), {@code .indexes} ({@code false}), {@code .experiment.warmups} (1) and
 * {@code .experiment.runs} (3) per candidate, {@code .report} (the directory of the plan files).
 */
final class KpiBenchmark {
    static final List<String> TINTEN =
            IntStream.rangeClosed(1, 23).mapToObj(i -> "tinten-" + i).toList();

    /** A candidate index: the same key columns on both databases; PostgreSQL may carry more in {@code INCLUDE}. */
    record Candidate(String name, String table, String columns, String include) {
        String ddl(boolean postgres) {
            if (postgres && !include.isEmpty()) {
                return "CREATE INDEX " + name + " ON " + table + " (" + columns + ") INCLUDE (" + include + ")";
            }
            // H2 has no INCLUDE: the covered columns become trailing key columns
            return "CREATE INDEX " + name + " ON " + table + " (" + columns + (include.isEmpty() ? "" : ", " + include)
                    + ")";
        }
    }

    /**
     * The indexes tried. The schema already has mw_participation(activity_id), mw_participation(resident_id),
     * mw_activity(team_id, starts_on), mw_activity(starts_on), mw_signal(team_id, registered_on),
     * mw_signal(registered_on), and the primary keys (participation_id, dimension) and (participation_id, partner)
     * of the dimension and referral tables (so those already have their parent-id index).
     */
    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("mw_bench_part_act_res_ix", "mw_participation", "activity_id, resident_id", ""),
            new Candidate(
                    "mw_bench_part_cover_ix",
                    "mw_participation",
                    "activity_id, resident_id",
                    "id, measured, helped, grade"),
            new Candidate(
                    "mw_bench_act_start_cover_ix",
                    "mw_activity",
                    "starts_on, team_id",
                    "id, actual_hours, budget_hours, actual_euros, budget_euros, anon_participants, anon_measured,"
                            + " anon_helped, individual_questions"),
            new Candidate(
                    "mw_bench_signal_cover_ix", "mw_signal", "registered_on, team_id", "id, signal_type, answered"));

    private final String engine;
    private final DataSource dataSource;
    private final boolean postgres;
    private final int warmups = Integer.getInteger("benchmark.kpi.warmups", 2);
    private final int runs = Integer.getInteger("benchmark.kpi.runs", 5);
    /** Runs of each KPI alone (the median is printed). */
    private final int singleRuns = Integer.getInteger("benchmark.kpi.single.runs", 1);
    /** Warm-up and measured runs of the set per candidate index alone (it is warm by then). */
    private final int experimentWarmups = Integer.getInteger("benchmark.kpi.experiment.warmups", 1);

    private final int experimentRuns = Integer.getInteger("benchmark.kpi.experiment.runs", 3);
    private final Period period = Period.year(Integer.getInteger("benchmark.kpi.year", 2025));
    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private final Map<String, List<KpiResult>> expected = new LinkedHashMap<>();
    private final Path reports = Path.of(System.getProperty("benchmark.kpi.report", "target/benchmark-reports"));

    private KpiBenchmark(String engine, DataSource dataSource, boolean postgres) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.postgres = postgres;
        scopes.put("organisation", new Scope.OrganisationScope());
        String team = System.getProperty("benchmark.kpi.team", "team-01");
        scopes.put(team, new Scope.TeamScope(new TeamId(team)));
    }

    static void run(String engine, DataSource dataSource, boolean postgres) throws SQLException, IOException {
        new KpiBenchmark(engine, dataSource, postgres).run();
    }

    private void run() throws SQLException, IOException {
        System.out.printf(
                "%nKPI timing on %s: the %d Tinten KPIs for %s, %d warm-up and %d measured runs per scope%n",
                engine, TINTEN.size(), period, warmups, runs);
        try (Counting database = new Counting(dataSource, postgres)) {
            dropCandidates(database);
            if (postgres) {
                long started = System.nanoTime();
                execute(database, "VACUUM (ANALYZE)");
                System.out.printf("%s: VACUUM (ANALYZE) in %.1f s%n", engine, (System.nanoTime() - started) / 1e9);
            }
            KpiEngineComponent kpis = new KpiEngineComponent(database, false);
            KpiEngineComponent maintained = new KpiEngineComponent(database, true);
            boolean explainPlans = Boolean.parseBoolean(System.getProperty("benchmark.kpi.explain", "true"));

            Map<String, Timing> plain = new LinkedHashMap<>();
            if (Boolean.parseBoolean(System.getProperty("benchmark.kpi.plain", "true"))) {
                for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
                    Timing timing =
                            timeSet(kpis, database, scope.getKey(), scope.getValue(), warmups, runs, "plain schema");
                    plain.put(scope.getKey(), timing);
                    printStatements(scope.getKey(), timing.lastRun());
                    if (Boolean.parseBoolean(System.getProperty("benchmark.kpi.plain.single", "true"))) {
                        perKpi(kpis, database, scope.getKey(), scope.getValue(), "plain schema");
                    }
                    if (explainPlans) {
                        explain(database, scope.getKey(), timing.lastRun(), "plain");
                    }
                }
            }

            for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
                cold(maintained, database, scope.getKey(), scope.getValue());
                Timing timing = timeSet(
                        maintained, database, scope.getKey(), scope.getValue(), warmups, runs, "maintained, warm");
                printStatements(scope.getKey(), timing.lastRun());
                perKpi(maintained, database, scope.getKey(), scope.getValue(), "maintained, warm");
                oneMonthChanged(maintained, database, scope.getKey(), scope.getValue());
            }
            printAggregateSizes();

            if (Boolean.parseBoolean(System.getProperty("benchmark.kpi.indexes", "false"))) {
                indexExperiment(kpis, database, plain);
            }
        }
    }

    private void indexExperiment(KpiEngineComponent kpis, Counting database, Map<String, Timing> plain)
            throws SQLException, IOException {
        int shortWarmups = experimentWarmups;
        int shortRuns = Math.max(1, experimentRuns);
        for (Candidate candidate : CANDIDATES) {
            create(database, candidate);
            for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
                Timing timing = timeSet(
                        kpis,
                        database,
                        scope.getKey(),
                        scope.getValue(),
                        shortWarmups,
                        shortRuns,
                        "+" + candidate.name());
                printIndexEffect(candidate.name(), scope.getKey(), plain.get(scope.getKey()), timing);
            }
            execute(database, "DROP INDEX " + candidate.name());
        }
        for (Candidate candidate : CANDIDATES) {
            create(database, candidate);
        }
        for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
            Timing timing = timeSet(kpis, database, scope.getKey(), scope.getValue(), warmups, runs, "all candidates");
            printIndexEffect("all candidates", scope.getKey(), plain.get(scope.getKey()), timing);
            printStatements(scope.getKey(), timing.lastRun());
            perKpi(kpis, database, scope.getKey(), scope.getValue(), "all candidates");
            if (Boolean.parseBoolean(System.getProperty("benchmark.kpi.explain", "true"))) {
                explain(database, scope.getKey(), timing.lastRun(), "indexed");
            }
        }
        if (postgres) {
            // not indexes, but what the plans show besides: sorts for COUNT(DISTINCT) spill to disk at the default
            // work_mem of 4 MB; each setting for this session only, on top of all candidate indexes
            for (String setting : List.of("SET work_mem = '64MB'", "SET jit = off")) {
                execute(database, setting);
                for (Map.Entry<String, Scope> scope : scopes.entrySet()) {
                    Timing timing = timeSet(
                            kpis,
                            database,
                            scope.getKey(),
                            scope.getValue(),
                            shortWarmups,
                            shortRuns,
                            "all candidates + " + setting);
                    printIndexEffect("all candidates + " + setting, scope.getKey(), plain.get(scope.getKey()), timing);
                }
                execute(database, "RESET " + setting.substring(4, setting.indexOf(' ', 4)));
            }
        }
    }

    private void printIndexEffect(String label, String scope, Timing before, Timing after) {
        System.out.printf(
                Locale.ROOT,
                "KPI-INDEX %s %s %s: median %,d ms (plain %,d ms, %+.0f%%), max %,d ms; CPU median %,d ms (plain %,d ms,"
                        + " %+.0f%%)%n",
                engine,
                scope,
                label,
                after.median(),
                before.median(),
                100.0 * (after.median() - before.median()) / Math.max(1, before.median()),
                after.max(),
                after.cpuMedian(),
                before.cpuMedian(),
                100.0 * (after.cpuMedian() - before.cpuMedian()) / Math.max(1, before.cpuMedian()));
    }

    /**
     * The first computation on empty maintained aggregates: it computes every month of the period from the rows
     * (for the organisation: of every team), keeps them, then answers from them.
     */
    private void cold(KpiEngineComponent kpis, Counting database, String scopeName, Scope scope) throws SQLException {
        try (Connection own = dataSource.getConnection();
                Statement statement = own.createStatement()) {
            statement.executeUpdate("DELETE FROM mw_kpi_aggregate");
        }
        database.executed.clear();
        long started = System.nanoTime();
        List<KpiResult> results = kpis.compute(TINTEN, scope, period);
        long millis = (System.nanoTime() - started) / 1_000_000;
        check(scopeName, results);
        System.out.printf(
                "KPI-RESULT %s %s %s, maintained, cold (empty aggregates: computed and kept first): %,d ms, %d SQL"
                        + " statements on the read connection (load average %s)%n",
                engine, scopeName, period, millis, database.executed.size(), loadAverage());
    }

    /** Each run after a change in one month of the first team: that month is computed again, then read. */
    private void oneMonthChanged(KpiEngineComponent kpis, Counting database, String scopeName, Scope scope)
            throws SQLException {
        String team = scope instanceof Scope.TeamScope asked
                ? asked.team().value()
                : System.getProperty("benchmark.kpi.team", "team-01");
        int month = period.start().getYear() * 100 + 6;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            try (Connection own = dataSource.getConnection();
                    PreparedStatement raise = own.prepareStatement("UPDATE mw_registration_month SET version ="
                            + " version + 1 WHERE team_id = ? AND month_key = ?")) {
                raise.setString(1, team);
                raise.setInt(2, month);
                raise.executeUpdate();
            }
            long started = System.nanoTime();
            check(scopeName, kpis.compute(TINTEN, scope, period));
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        System.out.printf(
                "KPI-RESULT %s %s %s, maintained, one month changed (%s %d): median %,d ms, max %,d ms (runs: %s ms)%n",
                engine,
                scopeName,
                period,
                team,
                month,
                median(millis),
                Arrays.stream(millis).max().orElse(0),
                Arrays.stream(millis).mapToObj(Long::toString).collect(Collectors.joining(", ")));
    }

    private void printAggregateSizes() throws SQLException {
        try (Connection own = dataSource.getConnection();
                Statement statement = own.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(parts)), 0), COUNT(DISTINCT statement_key)"
                                + " FROM mw_kpi_aggregate")) {
            row.next();
            System.out.printf(
                    Locale.ROOT,
                    "KPI-AGGREGATES %s: %,d rows (statement, team, month) of %d statements kept, %,d bytes%n",
                    engine,
                    row.getLong(1),
                    row.getLong(3),
                    row.getLong(2));
        }
    }

    /** The whole set, warm-ups first; checks every run gives the figures of the first run on this scope. */
    private Timing timeSet(
            KpiEngineComponent kpis,
            Counting database,
            String scopeName,
            Scope scope,
            int warm,
            int measured,
            String label) {
        for (int i = 0; i < warm; i++) {
            check(scopeName, kpis.compute(TINTEN, scope, period));
        }
        long[] millis = new long[measured];
        long[] cpu = new long[measured];
        List<Executed> lastRun = List.of();
        for (int i = 0; i < measured; i++) {
            database.executed.clear();
            long cpuBefore = cpu(database);
            long started = System.nanoTime();
            List<KpiResult> results = kpis.compute(TINTEN, scope, period);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            cpu[i] = (cpu(database) - cpuBefore) / 1_000_000;
            lastRun = List.copyOf(database.executed);
            check(scopeName, results);
        }
        Timing timing = new Timing(millis, cpu, lastRun);
        long inDatabase = lastRun.stream().mapToLong(Executed::nanos).sum() / 1_000_000;
        System.out.printf(
                "KPI-RESULT %s %s %s, %s: median %,d ms, max %,d ms, CPU median %,d ms, %d SQL statements (runs: %s ms;"
                        + " CPU: %s ms; last run %,d ms in the database, the rest in Java; load average %s)%n",
                engine,
                scopeName,
                period,
                label,
                timing.median(),
                timing.max(),
                timing.cpuMedian(),
                lastRun.size(),
                Arrays.stream(millis).mapToObj(Long::toString).collect(Collectors.joining(", ")),
                Arrays.stream(cpu).mapToObj(Long::toString).collect(Collectors.joining(", ")),
                inDatabase,
                loadAverage());
        return timing;
    }

    private void check(String scope, List<KpiResult> results) {
        List<KpiResult> first = expected.putIfAbsent(scope, results);
        if (first != null) {
            assertThat(results).as("the same figures in every run on " + scope).isEqualTo(first);
        } else {
            assertThat(results).hasSize(TINTEN.size());
        }
    }

    /** Each KPI alone (after the warm runs of the set), the median of three, the slowest first. */
    private void perKpi(KpiEngineComponent kpis, Counting database, String scopeName, Scope scope, String label) {
        record Single(String kpi, long median, int statements) {}
        List<Single> singles = new ArrayList<>();
        long total = 0;
        for (String kpi : TINTEN) {
            long[] millis = new long[Math.max(1, singleRuns)];
            int statements = 0;
            for (int i = 0; i < millis.length; i++) {
                database.executed.clear();
                long started = System.nanoTime();
                kpis.compute(List.of(kpi), scope, period);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
                statements = database.executed.size();
            }
            long median = median(millis);
            total += median;
            singles.add(new Single(kpi, median, statements));
        }
        singles.sort(Comparator.comparingLong(Single::median).reversed());
        System.out.printf(
                "KPI-SLOW %s %s, %s: each KPI alone, the slowest first (sum %,d ms):%n",
                engine, scopeName, label, total);
        for (Single single : singles.subList(0, Math.min(12, singles.size()))) {
            System.out.printf(
                    "KPI-SLOW   %-10s %,7d ms  %d statements%n", single.kpi(), single.median(), single.statements());
        }
    }

    private void printStatements(String scope, List<Executed> executed) {
        List<Executed> slowest = new ArrayList<>(executed);
        slowest.sort(Comparator.comparingLong(Executed::nanos).reversed());
        long total = executed.stream().mapToLong(Executed::nanos).sum();
        System.out.printf(
                "KPI-SQL %s %s: %d statements, %,d ms in the database in all; the slowest:%n",
                engine, scope, executed.size(), total / 1_000_000);
        for (Executed statement : slowest.subList(0, Math.min(8, slowest.size()))) {
            System.out.printf("KPI-SQL   %,7d ms  %s%n", statement.nanos() / 1_000_000, statement.sql());
        }
    }

    /** The plans of the five slowest statements of a run, into a file per database, scope and schema. */
    private void explain(Counting database, String scope, List<Executed> executed, String schema)
            throws SQLException, IOException {
        List<Executed> slowest = new ArrayList<>(executed);
        slowest.sort(Comparator.comparingLong(Executed::nanos).reversed());
        Files.createDirectories(reports);
        Path file =
                reports.resolve("kpi-plans-" + engine.toLowerCase(Locale.ROOT) + "-" + scope + "-" + schema + ".txt");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Executed statement : slowest.subList(0, Math.min(5, slowest.size()))) {
                out.printf(
                        "-- %,d ms in the run; parameters %s%n%s%n",
                        statement.nanos() / 1_000_000, statement.parameters(), statement.sql());
                String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + statement.sql();
                database.connection.setAutoCommit(true);
                try (PreparedStatement prepared = database.connection.prepareStatement(explain)) {
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        prepared.setObject(i + 1, statement.parameters().get(i));
                    }
                    try (ResultSet rows = prepared.executeQuery()) {
                        while (rows.next()) {
                            out.println(rows.getString(1));
                        }
                    }
                }
                out.println();
            }
        }
        System.out.println("KPI-SQL plans of the slowest statements: " + file.toAbsolutePath());
    }

    private void create(Counting database, Candidate candidate) throws SQLException {
        long started = System.nanoTime();
        execute(database, candidate.ddl(postgres));
        if (postgres) {
            execute(database, "ANALYZE " + candidate.table());
        }
        System.out.printf(
                "KPI-INDEX %s: %s in %.1f s%n", engine, candidate.ddl(postgres), (System.nanoTime() - started) / 1e9);
    }

    private void dropCandidates(Counting database) throws SQLException {
        for (Candidate candidate : CANDIDATES) {
            execute(database, "DROP INDEX IF EXISTS " + candidate.name());
        }
    }

    private static void execute(Counting database, String sql) throws SQLException {
        Connection connection = database.connection;
        // the engine leaves the connection outside auto-commit (its transaction rolled back); EXPLAIN may have begun
        // one
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.setAutoCommit(true);
        connection.setReadOnly(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The machine's load average over the last minute (other processes disturb the timing on 2 cores). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * CPU time in nanoseconds used so far, for timing that other processes on the machine disturb less than the
     * wall-clock time: H2 runs in this thread (its CPU time); PostgreSQL in its server processes (the CPU time of the
     * cluster's processes from {@code /proc}: the postmaster with its finished children, such as parallel workers,
     * and the live children), plus this thread's for the engine's Java side. On another system: this thread only.
     */
    private long cpu(Counting database) {
        long java = THREADS.getCurrentThreadCpuTime();
        return postgres ? java + database.serverCpu() : java;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    record Timing(long[] millis, long[] cpu, List<Executed> lastRun) {
        long median() {
            return KpiBenchmark.median(millis);
        }

        long cpuMedian() {
            return KpiBenchmark.median(cpu);
        }

        long max() {
            return Arrays.stream(millis).max().orElse(0);
        }
    }

    record Executed(String sql, List<Object> parameters, long nanos) {}

    /**
     * The engine's reporting database: one connection kept open (as a pool would), whose {@code close} only ends
     * the engine's use of it; every prepared statement is recorded with its parameters and the time from its
     * execution to its close (the rows read included).
     */
    private static final class Counting implements ReportingDatabase, AutoCloseable {
        final Connection connection;
        final boolean postgres;
        final List<Executed> executed = new ArrayList<>();

        /** The postmaster's process id on this machine, 0 if unknown. */
        private final long postmaster;

        /** Where the maintained aggregates' own connections come from (not counted: they are not the figures'). */
        private final DataSource dataSource;

        Counting(DataSource dataSource, boolean postgres) throws SQLException {
            this.dataSource = dataSource;
            this.connection = dataSource.getConnection();
            this.postgres = postgres;
            long found = 0;
            if (postgres) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                    row.next();
                    String[] stat = stat(row.getLong(1));
                    found = stat == null ? 0 : Long.parseLong(stat[1]);
                }
                connection.setAutoCommit(true);
            }
            this.postmaster = found;
        }

        /** CPU nanoseconds of the server's processes (0 when they cannot be read, e.g. on another machine). */
        long serverCpu() {
            if (postmaster == 0) {
                return 0;
            }
            long ticks = 0;
            String[] own = stat(postmaster);
            if (own == null) {
                return 0;
            }
            // utime, stime, cutime, cstime: fields 14-17 of /proc/PID/stat, here counted after the ")"
            ticks += Long.parseLong(own[11])
                    + Long.parseLong(own[12])
                    + Long.parseLong(own[13])
                    + Long.parseLong(own[14]);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] stat = stat(Long.parseLong(name));
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return ticks * 10_000_000L; // 100 clock ticks per second (USER_HZ on Linux)
        }

        /** The fields of /proc/PID/stat after the command name: state, ppid, ...; null if unreadable. */
        private static String[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public Connection connection() throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            connection.setReadOnly(true);
            return (Connection) Proxy.newProxyInstance(
                    KpiBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("prepareStatement") && args.length == 1) {
                            return recorded(connection.prepareStatement((String) args[0]), (String) args[0]);
                        }
                        return invoke(method, connection, args);
                    });
        }

        private PreparedStatement recorded(PreparedStatement prepared, String sql) {
            List<Object> parameters = new ArrayList<>();
            long[] started = {0};
            InvocationHandler handler = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "setObject" -> {
                        int index = (Integer) args[0];
                        while (parameters.size() < index) {
                            parameters.add(null);
                        }
                        parameters.set(index - 1, args[1]);
                    }
                    case "executeQuery" -> started[0] = System.nanoTime();
                    case "close" -> {
                        if (started[0] != 0) {
                            executed.add(
                                    new Executed(sql, new ArrayList<>(parameters), System.nanoTime() - started[0]));
                            started[0] = 0;
                        }
                    }
                    default -> {}
                }
                return invoke(method, prepared, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(
                    KpiBenchmark.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
        }

        @Override
        public Connection aggregateConnection() throws SQLException {
            Connection own = dataSource.getConnection();
            own.setAutoCommit(false);
            return own;
        }

        @Override
        public boolean postgres() {
            return postgres;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
