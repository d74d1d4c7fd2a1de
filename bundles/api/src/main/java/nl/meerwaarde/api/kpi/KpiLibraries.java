package nl.meerwaarde.api.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The KPI libraries the engine knows: those shipped with Meerwaarde, those in the organisation's folder, and those the
 * organisation published (REST). A library is checked whole, and together with all others, before it is taken.
 */
@ProviderType
public interface KpiLibraries {
    /** Every library in use: shipped first, then the folder's, then the published ones. */
    List<LibraryInfo> libraries();

    /**
     * Checks a library file ({@code meerwaarde-kpi-library}, docs/kpi-engine.md) and publishes it, replacing an
     * earlier published library with the same id.
     *
     * @throws InvalidInputException with every problem at its path; also when the id is that of a shipped or folder
     *     library, or the library does not fit with the others (a duplicate KPI id, a ref to nowhere, a cycle)
     */
    LibraryInfo publish(String json, String actor);

    /**
     * Removes a published library.
     *
     * @return whether there was one with that id
     * @throws InvalidInputException when other libraries refer to its KPIs, or it is shipped or in the folder
     */
    boolean remove(String id);

    /** Where a library comes from. */
    enum Origin {
        SHIPPED,
        FOLDER,
        PUBLISHED
    }

    /** A library in use. */
    record LibraryInfo(
            String id,
            String name,
            String description,
            Origin origin,
            int kpis,
            Optional<Instant> changedAt,
            Optional<String> changedBy) {
        public LibraryInfo {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(changedAt, "changedAt");
            Objects.requireNonNull(changedBy, "changedBy");
        }
    }
}
