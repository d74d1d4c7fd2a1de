package nl.meerwaarde.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The organisation's own KPI libraries, kept as the JSON text that was published (the KPI engine checks it before
 * it is saved, and again when it reads it).
 */
@ProviderType
public interface KpiLibraryStore {
    /** Every stored library, by id. */
    List<StoredLibrary> all();

    /** Creates the library or replaces it whole.
     *
     * @throws IllegalStateException when another save of the same id happened at the same moment (try again)
     */
    void save(StoredLibrary library);

    /** Whether the library was there to delete. */
    boolean delete(String id);

    /** A library as published: its id, JSON text, and when and by whom. */
    record StoredLibrary(String id, String json, Instant changedAt, String changedBy) {
        public StoredLibrary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(changedAt, "changedAt");
            Objects.requireNonNull(changedBy, "changedBy");
        }
    }
}
