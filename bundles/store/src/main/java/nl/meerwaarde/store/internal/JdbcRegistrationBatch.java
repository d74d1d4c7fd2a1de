package nl.meerwaarde.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.store.RegistrationBatch;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bulk reads and one-transaction writes for imports, through the same write code as {@link JdbcSignalStore} and
 * {@link JdbcActivityStore} (their static {@code write...} methods), in JDBC batches; look-ups go by {@code IN}
 * lists of at most {@value Jdbc#IN_LIST_SIZE} ids.
 */
@Component(name = "nl.meerwaarde.store.batch", service = RegistrationBatch.class)
public final class JdbcRegistrationBatch implements RegistrationBatch {
    private final Jdbc jdbc;

    @Activate
    public JdbcRegistrationBatch(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public Map<SignalId, Signal> signals(Collection<SignalId> ids) {
        List<UUID> values = ids.stream().map(SignalId::value).distinct().toList();
        return jdbc.read(
                "find " + values.size() + " signals",
                connection -> byId(JdbcSignalStore.withIds(connection, values), Signal::id));
    }

    @Override
    public Map<ActivityId, CollectiveActivity> activities(Collection<ActivityId> ids) {
        List<UUID> values = ids.stream().map(ActivityId::value).distinct().toList();
        return jdbc.read(
                "find " + values.size() + " activities",
                connection -> byId(JdbcActivityStore.activitiesWithIds(connection, values), CollectiveActivity::id));
    }

    @Override
    public Map<UUID, Participation> participations(Collection<UUID> ids) {
        List<UUID> values = ids.stream().distinct().toList();
        return jdbc.read(
                "find " + values.size() + " participations",
                connection -> byId(JdbcActivityStore.participationsWithIds(connection, values), Participation::id));
    }

    @Override
    public Map<ActivityId, Map<ResidentId, UUID>> participants(Collection<ActivityId> activities) {
        List<UUID> values =
                activities.stream().map(ActivityId::value).distinct().toList();
        return jdbc.read(
                "find the participants of " + values.size() + " activities",
                connection -> JdbcActivityStore.participantsOf(connection, values).stream()
                        .collect(Collectors.groupingBy(
                                JdbcActivityStore.Participant::activity,
                                Collectors.toMap(
                                        JdbcActivityStore.Participant::resident,
                                        JdbcActivityStore.Participant::id,
                                        (first, second) -> first))));
    }

    @Override
    public Set<UUID> erased(Collection<UUID> ids) {
        List<UUID> values = ids.stream().distinct().toList();
        return jdbc.read("find erased records among " + values.size(), connection -> erased(connection, values));
    }

    private static Set<UUID> erased(Connection connection, List<UUID> ids) throws SQLException {
        Set<UUID> erased = new HashSet<>();
        for (List<UUID> chunk : Jdbc.chunks(ids, Jdbc.IN_LIST_SIZE)) {
            erased.addAll(Jdbc.query(
                    connection,
                    "SELECT id FROM mw_erased_record WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")",
                    p -> p.allUuids(chunk),
                    row -> row.getObject(1, UUID.class)));
        }
        return erased;
    }

    @Override
    public void saveAll(List<Signal> signals, List<CollectiveActivity> activities, List<Participation> participations) {
        jdbc.transaction(
                "save " + signals.size() + " signals, " + activities.size() + " activities and " + participations.size()
                        + " participations",
                connection -> {
                    // checked by the importer before; checked again here, in the transaction, against an erasure
                    // that came in between
                    List<UUID> ids = new ArrayList<>();
                    signals.forEach(signal -> ids.add(signal.id().value()));
                    participations.forEach(participation -> ids.add(participation.id()));
                    if (!erased(connection, ids).isEmpty()) {
                        throw new IllegalStateException(
                                "The batch holds records whose resident's personal data was erased; nothing saved");
                    }
                    JdbcActivityStore.writeActivities(connection, activities);
                    JdbcSignalStore.write(connection, signals);
                    JdbcActivityStore.writeParticipations(connection, participations);
                    return null;
                });
    }

    private static <K, V> Map<K, V> byId(List<V> records, Function<V, K> id) {
        Map<K, V> result = new HashMap<>();
        records.forEach(record -> result.put(id.apply(record), record));
        return result;
    }
}
