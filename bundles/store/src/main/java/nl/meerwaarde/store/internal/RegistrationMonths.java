package nl.meerwaarde.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The version of each team and month of registrations ({@code mw_registration_month}). Every write of an activity,
 * participation or signal raises the versions of the months it leaves and enters, in its own transaction; the KPI
 * engine keeps aggregates per team and month together with the version they were computed from, and uses one only
 * while the versions match. A participation's month is its activity's first day; a signal's its registration day.
 */
final class RegistrationMonths {
    private RegistrationMonths() {}

    /** A team and a month as {@code yyyymm}. */
    record TeamMonth(String team, int month) implements Comparable<TeamMonth> {
        static TeamMonth of(String team, LocalDate day) {
            return new TeamMonth(team, day.getYear() * 100 + day.getMonthValue());
        }

        @Override
        public int compareTo(TeamMonth other) {
            int byTeam = team.compareTo(other.team);
            return byTeam != 0 ? byTeam : Integer.compare(month, other.month);
        }
    }

    /** The months the stored activities with these ids are in now (none for new or undated ones). */
    static Set<TeamMonth> ofActivities(Connection connection, Collection<UUID> ids) throws SQLException {
        return select(
                connection, "SELECT team_id, starts_on FROM mw_activity WHERE starts_on IS NOT NULL AND id IN", ids);
    }

    /** The months the stored participations with these ids are in now, through their activities. */
    static Set<TeamMonth> ofParticipations(Connection connection, Collection<UUID> ids) throws SQLException {
        return select(
                connection,
                "SELECT DISTINCT a.team_id, a.starts_on FROM mw_participation p JOIN mw_activity a"
                        + " ON a.id = p.activity_id WHERE a.starts_on IS NOT NULL AND p.id IN",
                ids);
    }

    /** The months the stored signals with these ids are in now. */
    static Set<TeamMonth> ofSignals(Connection connection, Collection<UUID> ids) throws SQLException {
        return select(connection, "SELECT DISTINCT team_id, registered_on FROM mw_signal WHERE id IN", ids);
    }

    private static Set<TeamMonth> select(Connection connection, String sqlBeforeList, Collection<UUID> ids)
            throws SQLException {
        Set<TeamMonth> months = new TreeSet<>();
        for (List<UUID> chunk : Jdbc.chunks(new ArrayList<>(ids), Jdbc.IN_LIST_SIZE)) {
            months.addAll(Jdbc.query(
                    connection,
                    sqlBeforeList + " (" + Jdbc.placeholders(chunk.size()) + ")",
                    p -> p.allUuids(chunk),
                    row -> TeamMonth.of(row.getString(1), row.getObject(2, LocalDate.class))));
        }
        return months;
    }

    /**
     * Raises the version of each month by one (a month seen for the first time starts at 1). In a fixed order, so
     * that two transactions touching the same months wait for each other instead of deadlocking.
     */
    static void raise(Connection connection, Collection<TeamMonth> months) throws SQLException {
        SortedSet<TeamMonth> sorted = new TreeSet<>(months);
        int[] raised = Jdbc.batchCounts(
                connection,
                "UPDATE mw_registration_month SET version = version + 1 WHERE team_id = ? AND month_key = ?",
                sorted,
                (p, month, ordinal) -> p.string(month.team()).integer(month.month()));
        int i = 0;
        for (TeamMonth month : sorted) {
            if (raised[i++] == 0) {
                insert(connection, month);
            }
        }
    }

    /** A new month; when another transaction inserted it first, raises that one instead. */
    static void insert(Connection connection, TeamMonth month) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            Jdbc.update(
                    connection,
                    "INSERT INTO mw_registration_month (team_id, month_key, version) VALUES (?, ?, 1)",
                    p -> p.string(month.team()).integer(month.month()));
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
            Jdbc.update(
                    connection,
                    "UPDATE mw_registration_month SET version = version + 1 WHERE team_id = ? AND month_key = ?",
                    p -> p.string(month.team()).integer(month.month()));
        }
    }
}
