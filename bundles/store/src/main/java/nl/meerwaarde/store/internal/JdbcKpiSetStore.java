package nl.meerwaarde.store.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.FunderId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * KPI sets ({@code mw_kpi_set}) with their KPIs in order ({@code mw_kpi_set_item}). A save replaces the set whole in
 * one transaction.
 */
@Component(name = "nl.meerwaarde.store.kpiSets", service = KpiSetStore.class)
public final class JdbcKpiSetStore implements KpiSetStore {
    private final Jdbc jdbc;
    private final Clock clock;

    @Activate
    public JdbcKpiSetStore(@Reference(name = "database") MigratedDatabase database) {
        this(database, Clock.systemUTC());
    }

    JdbcKpiSetStore(MigratedDatabase database, Clock clock) {
        this.jdbc = database.jdbc();
        this.clock = clock;
    }

    @Override
    public List<KpiSet> all() {
        return jdbc.read("list the KPI sets", connection -> {
            List<Head> heads = Jdbc.query(
                    connection, "SELECT id, name, funder_id FROM mw_kpi_set", p -> {}, JdbcKpiSetStore::head);
            Map<String, List<String>> items = items(connection, null);
            List<KpiSet> sets = new ArrayList<>();
            for (Head head : heads) {
                sets.add(head.with(items.getOrDefault(head.id(), List.of())));
            }
            // sorted here: the databases' collations may order '-' differently
            sets.sort(java.util.Comparator.comparing(KpiSet::id));
            return sets;
        });
    }

    @Override
    public Optional<KpiSet> find(String id) {
        Objects.requireNonNull(id, "id");
        return jdbc.read("read KPI set " + id, connection -> {
            Optional<Head> head = Jdbc.queryOne(
                    connection,
                    "SELECT id, name, funder_id FROM mw_kpi_set WHERE id = ?",
                    p -> p.string(id),
                    JdbcKpiSetStore::head);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(head.get().with(items(connection, id).getOrDefault(id, List.of())));
        });
    }

    @Override
    public void save(KpiSet set, String actor) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(actor, "actor");
        Jdbc.replacing(
                "save KPI set " + set.id(),
                () -> jdbc.transaction("save KPI set " + set.id(), connection -> {
                    Jdbc.update(connection, "DELETE FROM mw_kpi_set WHERE id = ?", p -> p.string(set.id()));
                    Jdbc.update(
                            connection,
                            "INSERT INTO mw_kpi_set (id, name, funder_id, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)",
                            p -> p.string(set.id())
                                    .string(set.name())
                                    .string(set.funder().map(FunderId::value).orElse(null))
                                    .timestamp(clock.instant())
                                    .string(actor));
                    Jdbc.batch(
                            connection,
                            "INSERT INTO mw_kpi_set_item (set_id, ordinal, kpi_id) VALUES (?, ?, ?)",
                            set.kpiIds(),
                            (p, kpi, ordinal) ->
                                    p.string(set.id()).integer(ordinal).string(kpi));
                    return null;
                }));
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return jdbc.transaction(
                "delete KPI set " + id,
                connection -> Jdbc.update(connection, "DELETE FROM mw_kpi_set WHERE id = ?", p -> p.string(id)) > 0);
    }

    private record Head(String id, String name, Optional<FunderId> funder) {
        KpiSet with(List<String> kpis) {
            return new KpiSet(id, name, funder, kpis);
        }
    }

    private static Head head(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Head(
                row.getString("id"),
                row.getString("name"),
                Jdbc.Columns.optionalString(row, "funder_id").map(FunderId::new));
    }

    /** The KPIs of one set (or of all when {@code id} is null), in order. */
    private static Map<String, List<String>> items(java.sql.Connection connection, String id)
            throws java.sql.SQLException {
        String sql = "SELECT set_id, kpi_id FROM mw_kpi_set_item"
                + (id == null ? "" : " WHERE set_id = ?")
                + " ORDER BY set_id, ordinal";
        Map<String, List<String>> items = new java.util.HashMap<>();
        for (String[] row : Jdbc.query(
                connection,
                sql,
                p -> {
                    if (id != null) {
                        p.string(id);
                    }
                },
                r -> new String[] {r.getString(1), r.getString(2)})) {
            items.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return items;
    }
}
