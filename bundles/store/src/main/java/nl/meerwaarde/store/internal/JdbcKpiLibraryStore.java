package nl.meerwaarde.store.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.meerwaarde.api.store.KpiLibraryStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The organisation's KPI libraries ({@code mw_kpi_library}), one row per library, replaced whole on save. */
@Component(name = "nl.meerwaarde.store.kpiLibraries", service = KpiLibraryStore.class)
public final class JdbcKpiLibraryStore implements KpiLibraryStore {
    private final Jdbc jdbc;

    @Activate
    public JdbcKpiLibraryStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public List<StoredLibrary> all() {
        List<StoredLibrary> libraries = jdbc.read(
                "list the KPI libraries",
                connection -> Jdbc.query(
                        connection,
                        "SELECT id, library_json, changed_at, changed_by FROM mw_kpi_library",
                        p -> {},
                        row -> new StoredLibrary(
                                row.getString("id"),
                                row.getString("library_json"),
                                Jdbc.Columns.instant(row, "changed_at"),
                                row.getString("changed_by"))));
        // sorted here: the databases' collations may order '-' differently
        return libraries.stream()
                .sorted(Comparator.comparing(StoredLibrary::id))
                .toList();
    }

    @Override
    public void save(StoredLibrary library) {
        Objects.requireNonNull(library, "library");
        Jdbc.replacing(
                "save KPI library " + library.id(),
                () -> jdbc.transaction("save KPI library " + library.id(), connection -> {
                    Jdbc.update(connection, "DELETE FROM mw_kpi_library WHERE id = ?", p -> p.string(library.id()));
                    Jdbc.update(
                            connection,
                            "INSERT INTO mw_kpi_library (id, library_json, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                            p -> p.string(library.id())
                                    .string(library.json())
                                    .timestamp(library.changedAt())
                                    .string(library.changedBy()));
                    return null;
                }));
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return jdbc.transaction(
                "delete KPI library " + id,
                connection ->
                        Jdbc.update(connection, "DELETE FROM mw_kpi_library WHERE id = ?", p -> p.string(id)) > 0);
    }
}
