package nl.meerwaarde.kpi.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.kpi.internal.KeptParts.Part;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's maintained aggregates: each {@link AggregateRequest} of the KPIs in use, per team and month, kept in
 * {@code mw_kpi_aggregate} (all groups in one value, {@link KeptParts}) with the version of that team and month it
 * was computed from. Every write of a registration raises the version of its team and month in the same
 * transaction ({@code mw_registration_month}, the store's business), so a kept part is used only while nothing in
 * its month has changed since; {@link #refresh} computes the changed months again from the rows, with the same SQL
 * as a plain computation, grouped by team and month as well.
 *
 * <p>Counts and sums add up over months and teams; so do distinct counts of ids (a signal, activity or participation
 * lies in one team and month). Distinct residents do not, so they are kept as the exact set of their numbers ({@code
 * mw_resident_number}) in a compressed bitmap, and a year is the union of its months. Distinct counts of other
 * fields are not kept.
 */
final class MaintainedAggregates {
    private static final Logger LOG = LoggerFactory.getLogger(MaintainedAggregates.class);
    /** Part of every key: a new format of {@link KeptParts} takes a new prefix, so old parts are not read. */
    private static final String FORMAT = "v1 ";

    private static final String UNIQUE_VIOLATION = "23505";

    private MaintainedAggregates() {}

    /** A team (or every team) and the whole months {@code [from, to)}, as {@code yyyymm}. */
    record Span(Optional<String> team, int from, int to) {
        /** The span of a scope and period, when the aggregates serve them: organisation or team, whole months. */
        static Optional<Span> of(Scope scope, Period period) {
            if (period.start().getDayOfMonth() != 1 || period.end().getDayOfMonth() != 1) {
                return Optional.empty();
            }
            Optional<String> team;
            if (scope instanceof Scope.OrganisationScope) {
                team = Optional.empty();
            } else if (scope instanceof Scope.TeamScope teamScope) {
                team = Optional.of(teamScope.team().value());
            } else {
                return Optional.empty();
            }
            return Optional.of(new Span(team, month(period.start()), month(period.end())));
        }

        private String teamCondition(String alias) {
            return team.isPresent() ? " AND " + alias + ".team_id = ?" : "";
        }

        /** Binds {@code from}, {@code to} and the team, if any, from the given parameter index on. */
        private int bind(PreparedStatement statement, int index) throws SQLException {
            statement.setInt(index++, from);
            statement.setInt(index++, to);
            if (team.isPresent()) {
                statement.setString(index++, team.get());
            }
            return index;
        }
    }

    /** A team and a month ({@code yyyymm}). */
    record TeamMonth(String team, int month) implements Comparable<TeamMonth> {
        @Override
        public int compareTo(TeamMonth other) {
            int byTeam = team.compareTo(other.team);
            return byTeam != 0 ? byTeam : Integer.compare(month, other.month);
        }
    }

    static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    private static LocalDate firstDay(int month) {
        return LocalDate.of(month / 100, month % 100, 1);
    }

    /** Whether the parts of a request per team and month make up its value (see the class comment). */
    static boolean keeps(AggregateRequest request) {
        Formula.Aggregate aggregate = request.aggregate();
        if (aggregate.function() != Formula.Function.COUNT_DISTINCT) {
            return true;
        }
        Field.Kind kind = aggregate.field().kind();
        return kind == Field.Kind.RESIDENT || kind == Field.Kind.ID;
    }

    private static boolean residents(AggregateRequest request) {
        return request.aggregate().function() == Formula.Function.COUNT_DISTINCT
                && request.aggregate().field().kind() == Field.Kind.RESIDENT;
    }

    /** The key of a request's aggregates: a digest of its canonical text, so a changed formula is a new key. */
    static String key(AggregateRequest request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((FORMAT + request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The request's value for the span from the kept aggregates, read on the caller's connection (its snapshot), or
     * empty when a month of the span has changed since its part was computed.
     */
    static Optional<Map<String, Partial>> read(Connection connection, AggregateRequest request, Span span)
            throws SQLException {
        String key = key(request);
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COUNT(*) FROM mw_registration_month r LEFT JOIN mw_kpi_aggregate m"
                        + " ON m.statement_key = ? AND m.team_id = r.team_id AND m.month_key = r.month_key"
                        + " WHERE r.month_key >= ? AND r.month_key < ?" + span.teamCondition("r")
                        + " AND (m.version IS NULL OR m.version <> r.version)")) {
            statement.setString(1, key);
            span.bind(statement, 2);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return Optional.empty();
                }
            }
        }
        return values(connection, request, span);
    }

    /**
     * The keys of the requests whose parts are current for every month of the span, in the caller's snapshot: one
     * statement for all of them, so that a computation checks once and then only reads.
     */
    static Set<String> current(Connection connection, Span span) throws SQLException {
        long months;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM mw_registration_month r WHERE r.month_key >= ? AND r.month_key < ?"
                        + span.teamCondition("r"))) {
            span.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                months = rows.getLong(1);
            }
        }
        Set<String> current = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT m.statement_key, COUNT(*) FROM mw_kpi_aggregate m JOIN mw_registration_month r"
                        + " ON r.team_id = m.team_id AND r.month_key = m.month_key AND r.version = m.version"
                        + " WHERE m.month_key >= ? AND m.month_key < ?" + span.teamCondition("m")
                        + " GROUP BY m.statement_key")) {
            span.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(2) == months) {
                        current.add(rows.getString(1));
                    }
                }
            }
        }
        return current;
    }

    /**
     * The request's value for the span from its kept parts, which the caller knows to be {@link #current}; empty when
     * a part cannot be read (then the rows answer).
     */
    static Optional<Map<String, Partial>> values(Connection connection, AggregateRequest request, Span span)
            throws SQLException {
        KeptParts.Sum sum = new KeptParts.Sum();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT parts FROM mw_kpi_aggregate WHERE statement_key = ? AND month_key >= ? AND month_key < ?"
                        + span.teamCondition("mw_kpi_aggregate"))) {
            statement.setString(1, key(request));
            span.bind(statement, 2);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    try {
                        sum.add(rows.getBytes(1));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn(
                                "Kept KPI aggregates cannot be read ({}); computing from the registrations",
                                e.toString());
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(sum.partials());
    }

    /**
     * Computes again, from the rows, the parts of these requests for every team and month of the span whose version
     * moved since they were kept; one statement per request with changed months, one transaction per request. Reads
     * the versions before the rows, so a part is never labelled newer than the rows it was computed from.
     *
     * @return how many parts (request, team and month) were computed
     * @throws SQLException when the database fails; what was committed before stays (it is right)
     */
    static int refresh(Connection connection, Collection<AggregateRequest> requests, Span span) throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        Map<TeamMonth, Long> versions = versions(connection, span);
        Map<String, Map<TeamMonth, Long>> kept = kept(connection, span);
        connection.commit();
        int computed = 0;
        for (AggregateRequest request : requests) {
            if (!keeps(request)) {
                continue;
            }
            String key = key(request);
            SortedSet<TeamMonth> stale = stale(versions, kept.getOrDefault(key, Map.of()));
            if (stale.isEmpty()) {
                continue;
            }
            try {
                computed += compute(connection, request, key, stale, versions);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                // another computation kept the same parts (or numbered the same residents) at the same moment: this
                // request reads the rows this time
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return computed;
    }

    private static Map<TeamMonth, Long> versions(Connection connection, Span span) throws SQLException {
        Map<TeamMonth, Long> versions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT team_id, month_key, version FROM mw_registration_month r WHERE month_key >= ? AND month_key < ?"
                        + span.teamCondition("r"))) {
            span.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.put(new TeamMonth(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return versions;
    }

    /** The version each part in the span was computed from, per request key. */
    private static Map<String, Map<TeamMonth, Long>> kept(Connection connection, Span span) throws SQLException {
        Map<String, Map<TeamMonth, Long>> kept = new HashMap<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT statement_key, team_id, month_key, version FROM mw_kpi_aggregate m"
                        + " WHERE month_key >= ? AND month_key < ?" + span.teamCondition("m"))) {
            span.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kept.computeIfAbsent(rows.getString(1), k -> new HashMap<>())
                            .put(new TeamMonth(rows.getString(2), rows.getInt(3)), rows.getLong(4));
                }
            }
        }
        return kept;
    }

    private static SortedSet<TeamMonth> stale(Map<TeamMonth, Long> versions, Map<TeamMonth, Long> kept) {
        SortedSet<TeamMonth> stale = new TreeSet<>();
        versions.forEach((month, version) -> {
            if (!version.equals(kept.get(month))) {
                stale.add(month);
            }
        });
        return stale;
    }

    /** The parts of one request for the stale months, replacing what was kept for them. */
    private static int compute(
            Connection connection,
            AggregateRequest request,
            String key,
            SortedSet<TeamMonth> stale,
            Map<TeamMonth, Long> versions)
            throws SQLException {
        boolean oneTeam = stale.stream().map(TeamMonth::team).distinct().count() == 1;
        Scope scope = oneTeam ? new Scope.TeamScope(new TeamId(stale.first().team())) : new Scope.OrganisationScope();
        ScopeFilter activities = ScopeSql.activities(scope);
        ScopeFilter signals = ScopeSql.signals(scope);
        LocalDate from =
                firstDay(stale.stream().mapToInt(TeamMonth::month).min().orElseThrow());
        LocalDate to = firstDay(stale.stream().mapToInt(TeamMonth::month).max().orElseThrow())
                .plusMonths(1);

        Map<TeamMonth, Map<String, Part>> parts = new HashMap<>();
        if (residents(request)) {
            execute(connection, AggregateSql.numberResidents(request.aggregate(), activities, signals, from, to));
            Map<TeamMonth, Map<String, RoaringBitmap>> sets = new HashMap<>();
            query(
                    connection,
                    AggregateSql.compile(request, activities, signals, from, to, AggregateSql.Shape.RESIDENTS_BY_MONTH),
                    request,
                    (month, group, rows, column) -> sets.computeIfAbsent(month, m -> new HashMap<>())
                            .computeIfAbsent(group, g -> new RoaringBitmap())
                            .add(rows.getInt(column)));
            sets.forEach((month, groups) -> groups.forEach((group, set) ->
                    parts.computeIfAbsent(month, m -> new HashMap<>()).put(group, Part.of(set))));
        } else {
            query(
                    connection,
                    AggregateSql.compile(request, activities, signals, from, to, AggregateSql.Shape.BY_MONTH),
                    request,
                    (month, group, rows, column) -> {
                        BigDecimal amount = rows.getBigDecimal(column);
                        parts.computeIfAbsent(month, m -> new HashMap<>())
                                .put(
                                        group,
                                        new Part(
                                                amount == null ? BigDecimal.ZERO : amount,
                                                rows.getLong(column + 1),
                                                null));
                    });
        }
        write(connection, key, stale, versions, parts);
        return stale.size();
    }

    /** One row of a per-month statement: its team and month, its group, the rest from {@code column} on. */
    @FunctionalInterface
    private interface RowConsumer {
        void accept(TeamMonth month, String group, ResultSet rows, int column) throws SQLException;
    }

    private static void query(
            Connection connection, AggregateSql.Statement statement, AggregateRequest request, RowConsumer consumer)
            throws SQLException {
        boolean grouped = request.group().isPresent();
        try (PreparedStatement prepared = prepare(connection, statement);
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                String group = grouped ? rows.getString(3) : AggregateRequest.WHOLE;
                if (group == null) {
                    continue; // in no group, as in a plain computation
                }
                consumer.accept(new TeamMonth(rows.getString(1), rows.getInt(2)), group, rows, grouped ? 4 : 3);
            }
        }
    }

    private static void execute(Connection connection, AggregateSql.Statement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement)) {
            prepared.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, AggregateSql.Statement statement)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        try {
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, statement.parameters().get(i));
            }
            return prepared;
        } catch (SQLException e) {
            prepared.close();
            throw e;
        }
    }

    private static void write(
            Connection connection,
            String key,
            SortedSet<TeamMonth> stale,
            Map<TeamMonth, Long> versions,
            Map<TeamMonth, Map<String, Part>> parts)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM mw_kpi_aggregate WHERE statement_key = ? AND team_id = ? AND month_key = ?")) {
            for (TeamMonth month : stale) {
                delete.setString(1, key);
                delete.setString(2, month.team());
                delete.setInt(3, month.month());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mw_kpi_aggregate (statement_key, team_id, month_key, version, parts)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (TeamMonth month : stale) {
                insert.setString(1, key);
                insert.setString(2, month.team());
                insert.setInt(3, month.month());
                insert.setLong(4, versions.get(month));
                insert.setBytes(5, KeptParts.encode(parts.getOrDefault(month, Map.of())));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
