package nl.meerwaarde.store.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The JDBC plumbing of the stores: connections, transactions, parameterised statements and column reading, with
 * every {@link SQLException} turned into a {@link StoreException}. Values only ever reach the database as
 * statement parameters; SQL text is built from constants and placeholders only.
 *
 * <p>Works identically on H2 2.3 and PostgreSQL: uuid, date and {@code timestamp with time zone} go through the
 * JDBC 4.2 {@code setObject}/{@code getObject} mappings; amounts are {@code numeric(12,2)}.
 */
final class Jdbc {
    /** Decimal places of the amount columns ({@code numeric(12,2)}). */
    static final int AMOUNT_SCALE = 2;

    /** Most statements sent in one {@code executeBatch}. */
    static final int BATCH_SIZE = 1_000;

    /** Most values of one {@code IN} list (PostgreSQL allows 32 767 parameters per statement). */
    static final int IN_LIST_SIZE = 1_000;

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(Params params) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Runs read-only work on a connection of its own.
     *
     * @param what what is done, for the error message, e.g. {@code "find signal 42"}
     */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs work in one transaction: committed when the work returns, rolled back when it throws anything, so that
     * an aggregate is stored whole or not at all.
     */
    <T> T transaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * The failure without the driver's message: a database's message may quote the values of the statement (a
     * PostgreSQL batch entry, a "failing row contains" detail), which are personal data and must not reach a log.
     * The SQL state, error code and stack trace are kept, of every exception in the chain.
     */
    /** SQL state of a unique (primary key) violation, on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * Runs a replace-whole write; when another transaction wrote the same key at the same moment (a unique
     * violation), the caller gets an {@link IllegalStateException} to answer as a conflict, not a store failure.
     */
    static void replacing(String what, Runnable write) {
        try {
            write.run();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                throw new IllegalStateException("Could not " + what + ": it was changed at the same moment", e);
            }
            throw e;
        }
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException(
                "Could not " + what + " (SQL state " + e.getSQLState() + ", error code " + e.getErrorCode() + ")",
                withoutValues(e));
    }

    private static SQLException withoutValues(SQLException e) {
        SQLException bare = new SQLException(
                e.getClass().getName() + " (message left out: it may hold personal data)",
                e.getSQLState(),
                e.getErrorCode());
        bare.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            bare.setNextException(withoutValues(next));
        }
        return bare;
    }

    static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    static <T> Optional<T> queryOne(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = query(connection, sql, binder, mapper);
        if (rows.size() > 1) {
            throw new SQLException("Expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            return statement.executeUpdate();
        }
    }

    /**
     * Child rows grouped by their parent, each group in the order selected: the child values (target groups,
     * goals, quotes, ...) of a page of records, read in one query. The first column is the parent's uuid; the
     * mapper reads the rest.
     */
    static <T> Map<UUID, List<T>> grouped(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        Map<UUID, List<T>> groups = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(new Params(statement));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(mapper.map(rows));
                }
            }
        }
        return groups;
    }

    /** {@link #grouped(Connection, String, Binder, RowMapper)} of one text column. */
    static Map<UUID, List<String>> grouped(Connection connection, String sql, Binder binder) throws SQLException {
        return grouped(connection, sql, binder, row -> row.getString(2));
    }

    /** Runs one statement once per item, as batches of at most {@value #BATCH_SIZE}. */
    static <T> void batch(Connection connection, String sql, Collection<T> items, BatchBinder<T> binder)
            throws SQLException {
        execute(connection, sql, items, binder, false);
    }

    /**
     * Runs one statement once per item, as batches of at most {@value #BATCH_SIZE}, and answers the update count of
     * each item in order (for updates: a driver may leave the counts of rewritten inserts out, e.g. PostgreSQL's
     * {@code reWriteBatchedInserts}).
     *
     * @throws SQLException also when the driver does not tell an item's update count
     */
    static <T> int[] batchCounts(Connection connection, String sql, Collection<T> items, BatchBinder<T> binder)
            throws SQLException {
        return execute(connection, sql, items, binder, true);
    }

    private static <T> int[] execute(
            Connection connection, String sql, Collection<T> items, BatchBinder<T> binder, boolean counted)
            throws SQLException {
        int[] counts = new int[items.size()];
        if (items.isEmpty()) {
            return counts;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int ordinal = 0;
            int done = 0;
            for (T item : items) {
                binder.bind(new Params(statement), item, ordinal++);
                statement.addBatch();
                if (ordinal % BATCH_SIZE == 0 || ordinal == counts.length) {
                    int[] chunk = statement.executeBatch();
                    if (counted && chunk.length != ordinal - done) {
                        throw new SQLException("The driver did not tell the update count of every batch entry");
                    }
                    for (int i = 0; counted && i < chunk.length; i++) {
                        if (chunk[i] < 0) {
                            throw new SQLException("The driver did not tell the update count of a batch entry");
                        }
                    }
                    System.arraycopy(chunk, 0, counts, done, Math.min(chunk.length, counts.length - done));
                    done = ordinal;
                }
            }
        }
        return counts;
    }

    /**
     * A child row of a record (a target group, a goal, a quote...): the parent's id, the child's position among the
     * parent's children (for the tables that keep an order), and its value.
     */
    record Child<T>(UUID parent, int ordinal, T value) {}

    /** The records with distinct ids, in order; of two with the same id the last one counts. */
    static <T> List<T> lastById(Collection<T> records, Function<T, UUID> id) {
        Map<UUID, T> byId = new LinkedHashMap<>();
        for (T record : records) {
            byId.remove(id.apply(record));
            byId.put(id.apply(record), record);
        }
        return new ArrayList<>(byId.values());
    }

    /** Consecutive parts of at most {@code size} values: the values of long {@code IN} lists, a part per query. */
    static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }

    /** Sets the parameters of one batch entry; {@code ordinal} counts the items from 0. */
    @FunctionalInterface
    interface BatchBinder<T> {
        void bind(Params params, T item, int ordinal) throws SQLException;
    }

    /** {@code ?, ?, ?}: placeholders for an {@code IN} list of the given size (at least 1). */
    static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Fails on a negative offset or limit, the paging arguments of the stores' {@code list} methods. */
    static void requirePaging(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
    }

    /**
     * The value an amount is stored as: rounded half up to {@value #AMOUNT_SCALE} decimals, the same on every
     * database.
     */
    static BigDecimal toAmountColumn(BigDecimal amount) {
        return amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    /** An amount as read back: without trailing zeros ({@code 12.50} becomes {@code 12.5}, {@code 100.00} 100). */
    static BigDecimal fromAmountColumn(BigDecimal column) {
        BigDecimal stripped = column.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An instant as stored: truncated to microseconds, the precision of both databases. */
    static Instant toTimestampColumn(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds parameters in order, with typed nulls. */
    static final class Params {
        private final PreparedStatement statement;
        private int index;

        Params(PreparedStatement statement) {
            this.statement = statement;
        }

        Params uuid(UUID value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.OTHER);
            } else {
                statement.setObject(++index, value);
            }
            return this;
        }

        Params string(String value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.VARCHAR);
            } else {
                statement.setString(++index, value);
            }
            return this;
        }

        Params integer(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.INTEGER);
            } else {
                statement.setInt(++index, value);
            }
            return this;
        }

        Params bool(Boolean value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.BOOLEAN);
            } else {
                statement.setBoolean(++index, value);
            }
            return this;
        }

        Params date(LocalDate value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.DATE);
            } else {
                statement.setObject(++index, value);
            }
            return this;
        }

        Params amount(BigDecimal value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(++index, toAmountColumn(value));
            }
            return this;
        }

        /** A decimal as it is (scale and all); the column decides how many decimals are kept. */
        Params decimal(BigDecimal value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.NUMERIC);
            } else {
                statement.setBigDecimal(++index, value);
            }
            return this;
        }

        Params longValue(Long value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.BIGINT);
            } else {
                statement.setLong(++index, value);
            }
            return this;
        }

        Params timestamp(Instant value) throws SQLException {
            statement.setObject(++index, OffsetDateTime.ofInstant(toTimestampColumn(value), ZoneOffset.UTC));
            return this;
        }

        Params all(Collection<String> values) throws SQLException {
            for (String value : values) {
                string(value);
            }
            return this;
        }

        Params allUuids(Collection<UUID> values) throws SQLException {
            for (UUID value : values) {
                uuid(value);
            }
            return this;
        }
    }

    /** Reads columns, turning SQL nulls into empty optionals. */
    static final class Columns {
        private Columns() {}

        static UUID uuid(ResultSet row, String column) throws SQLException {
            return row.getObject(column, UUID.class);
        }

        static Optional<UUID> optionalUuid(ResultSet row, String column) throws SQLException {
            return Optional.ofNullable(row.getObject(column, UUID.class));
        }

        static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
            return Optional.ofNullable(row.getString(column));
        }

        static Optional<Integer> optionalInt(ResultSet row, String column) throws SQLException {
            int value = row.getInt(column);
            return row.wasNull() ? Optional.empty() : Optional.of(value);
        }

        static Optional<Boolean> optionalBoolean(ResultSet row, String column) throws SQLException {
            boolean value = row.getBoolean(column);
            return row.wasNull() ? Optional.empty() : Optional.of(value);
        }

        static LocalDate date(ResultSet row, String column) throws SQLException {
            return row.getObject(column, LocalDate.class);
        }

        static Optional<LocalDate> optionalDate(ResultSet row, String column) throws SQLException {
            return Optional.ofNullable(row.getObject(column, LocalDate.class));
        }

        static Optional<BigDecimal> optionalAmount(ResultSet row, String column) throws SQLException {
            return Optional.ofNullable(row.getBigDecimal(column)).map(Jdbc::fromAmountColumn);
        }

        static Instant instant(ResultSet row, String column) throws SQLException {
            return row.getObject(column, OffsetDateTime.class).toInstant();
        }
    }
}
