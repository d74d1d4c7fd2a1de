package nl.meerwaarde.store.internal;

import static nl.meerwaarde.store.internal.Jdbc.Columns.date;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalString;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalUuid;
import static nl.meerwaarde.store.internal.Jdbc.Columns.uuid;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signals in {@code mw_signal} with their target groups in {@code mw_signal_target_group}. Newest first means
 * latest {@code registered_on} first; signals of the same day are ordered by id, so that paging is stable.
 */
@Component(name = "nl.meerwaarde.store.signals", service = SignalStore.class)
public final class JdbcSignalStore implements SignalStore {
    private static final String COLUMNS =
            "s.id, s.team_id, s.registered_on, s.signal_type, s.referrer, s.question, s.answered, s.resident_id,"
                    + " s.activity_id";

    private final Jdbc jdbc;

    @Activate
    public JdbcSignalStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public void save(Signal signal) {
        jdbc.transaction("save signal " + signal.id(), connection -> {
            write(connection, List.of(signal));
            return null;
        });
    }

    /**
     * Inserts the signals, or replaces those with the same id, with their target groups, on the caller's
     * connection (and transaction), in batches. Of two signals with the same id the last is written.
     */
    static void write(Connection connection, Collection<Signal> signals) throws SQLException {
        List<Signal> distinct = Jdbc.lastById(signals, signal -> signal.id().value());
        Set<RegistrationMonths.TeamMonth> months = RegistrationMonths.ofSignals(
                connection, distinct.stream().map(signal -> signal.id().value()).toList());
        for (Signal signal : distinct) {
            months.add(RegistrationMonths.TeamMonth.of(signal.team().value(), signal.registeredOn()));
        }
        int[] updated = Jdbc.batchCounts(
                connection,
                "UPDATE mw_signal SET team_id = ?, registered_on = ?, signal_type = ?, referrer = ?,"
                        + " question = ?, answered = ?, resident_id = ?, activity_id = ? WHERE id = ?",
                distinct,
                (p, signal, ordinal) -> bindFields(p, signal).uuid(signal.id().value()));
        List<Signal> inserted = new ArrayList<>();
        List<UUID> replaced = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (updated[i] == 0) {
                inserted.add(distinct.get(i));
            } else {
                replaced.add(distinct.get(i).id().value());
            }
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_signal (team_id, registered_on, signal_type, referrer, question, answered,"
                        + " resident_id, activity_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserted,
                (p, signal, ordinal) -> bindFields(p, signal).uuid(signal.id().value()));
        Jdbc.batch(
                connection,
                "DELETE FROM mw_signal_target_group WHERE signal_id = ?",
                replaced,
                (p, id, ordinal) -> p.uuid(id));
        List<Jdbc.Child<String>> groups = new ArrayList<>();
        for (Signal signal : distinct) {
            signal.targetGroups()
                    .forEach(group -> groups.add(new Jdbc.Child<>(signal.id().value(), 0, group)));
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_signal_target_group (signal_id, target_group) VALUES (?, ?)",
                groups,
                (p, group, ordinal) -> p.uuid(group.parent()).string(group.value()));
        RegistrationMonths.raise(connection, months);
    }

    /** The stored signals among these ids, in no particular order. */
    static List<Signal> withIds(Connection connection, List<UUID> ids) throws SQLException {
        List<Signal> signals = new ArrayList<>();
        for (List<UUID> chunk : Jdbc.chunks(ids, Jdbc.IN_LIST_SIZE)) {
            signals.addAll(withTargetGroups(
                    connection,
                    Jdbc.query(
                            connection,
                            "SELECT " + COLUMNS + " FROM mw_signal s WHERE s.id IN (" + Jdbc.placeholders(chunk.size())
                                    + ")",
                            p -> p.allUuids(chunk),
                            SignalRow::of)));
        }
        return signals;
    }

    private static Jdbc.Params bindFields(Jdbc.Params params, Signal signal) throws SQLException {
        return params.string(signal.team().value())
                .date(signal.registeredOn())
                .string(signal.type())
                .string(signal.referrer())
                .string(signal.question())
                .bool(signal.answered())
                .string(signal.resident().map(ResidentId::value).orElse(null))
                .uuid(signal.activity().map(ActivityId::value).orElse(null));
    }

    @Override
    public Optional<Signal> find(SignalId id) {
        return jdbc.read("find signal " + id, connection -> withTargetGroups(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + COLUMNS + " FROM mw_signal s WHERE s.id = ?",
                                p -> p.uuid(id.value()),
                                SignalRow::of))
                .stream()
                .findFirst());
    }

    @Override
    public List<Signal> list(Collection<TeamId> teams, int offset, int limit) {
        Jdbc.requirePaging(offset, limit);
        List<String> teamIds = teamIds(teams);
        if (teamIds.isEmpty() || limit == 0) {
            return List.of();
        }
        return jdbc.read(
                "list signals",
                connection -> withTargetGroups(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + COLUMNS + " FROM mw_signal s WHERE s.team_id IN ("
                                        + Jdbc.placeholders(teamIds.size()) + ")"
                                        + " ORDER BY s.registered_on DESC, s.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                                p -> p.all(teamIds).integer(offset).integer(limit),
                                SignalRow::of)));
    }

    @Override
    public long count(Collection<TeamId> teams) {
        List<String> teamIds = teamIds(teams);
        if (teamIds.isEmpty()) {
            return 0;
        }
        return jdbc.read("count signals", connection -> Jdbc.queryOne(
                        connection,
                        "SELECT COUNT(*) FROM mw_signal WHERE team_id IN (" + Jdbc.placeholders(teamIds.size()) + ")",
                        p -> p.all(teamIds),
                        row -> row.getLong(1))
                .orElse(0L));
    }

    @Override
    public List<Signal> ofActivity(ActivityId activity) {
        return jdbc.read(
                "list the signals of activity " + activity,
                connection -> withTargetGroups(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + COLUMNS + " FROM mw_signal s WHERE s.activity_id = ?"
                                        + " ORDER BY s.registered_on DESC, s.id",
                                p -> p.uuid(activity.value()),
                                SignalRow::of)));
    }

    @Override
    public List<Signal> unclustered(Collection<TeamId> teams, int limit) {
        Jdbc.requirePaging(0, limit);
        List<String> teamIds = teamIds(teams);
        if (teamIds.isEmpty() || limit == 0) {
            return List.of();
        }
        return jdbc.read(
                "list unclustered signals",
                connection -> withTargetGroups(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + COLUMNS + " FROM mw_signal s WHERE s.team_id IN ("
                                        + Jdbc.placeholders(teamIds.size()) + ") AND s.activity_id IS NULL"
                                        + " ORDER BY s.registered_on DESC, s.id FETCH FIRST ? ROWS ONLY",
                                p -> p.all(teamIds).integer(limit),
                                SignalRow::of)));
    }

    /** The signals about one resident, oldest first (for access requests). */
    List<Signal> about(Connection connection, ResidentId resident) throws SQLException {
        return withTargetGroups(
                connection,
                Jdbc.query(
                        connection,
                        "SELECT " + COLUMNS
                                + " FROM mw_signal s WHERE s.resident_id = ? ORDER BY s.registered_on, s.id",
                        p -> p.string(resident.value()),
                        SignalRow::of));
    }

    static List<String> teamIds(Collection<TeamId> teams) {
        return teams.stream().map(TeamId::value).distinct().sorted().toList();
    }

    private static List<Signal> withTargetGroups(Connection connection, List<SignalRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(SignalRow::id).toList();
        Map<UUID, List<String>> groups = Jdbc.grouped(
                connection,
                "SELECT signal_id, target_group FROM mw_signal_target_group WHERE signal_id IN ("
                        + Jdbc.placeholders(ids.size()) + ")",
                p -> p.allUuids(ids));
        return rows.stream()
                .map(row -> row.toSignal(Set.copyOf(groups.getOrDefault(row.id(), List.of()))))
                .toList();
    }

    /** A row of {@code mw_signal}, before its target groups are read. */
    private record SignalRow(
            UUID id,
            String team,
            LocalDate registeredOn,
            String type,
            Optional<String> referrer,
            Optional<String> question,
            boolean answered,
            Optional<String> resident,
            Optional<UUID> activity) {

        static SignalRow of(ResultSet row) throws SQLException {
            return new SignalRow(
                    uuid(row, "id"),
                    row.getString("team_id"),
                    date(row, "registered_on"),
                    row.getString("signal_type"),
                    optionalString(row, "referrer"),
                    optionalString(row, "question"),
                    row.getBoolean("answered"),
                    optionalString(row, "resident_id"),
                    optionalUuid(row, "activity_id"));
        }

        Signal toSignal(Set<String> targetGroups) {
            return new Signal(
                    new SignalId(id),
                    new TeamId(team),
                    registeredOn,
                    type,
                    targetGroups,
                    referrer.orElse(null),
                    question.orElse(null),
                    answered,
                    resident.map(ResidentId::of),
                    activity.map(ActivityId::new));
        }
    }
}
