package nl.meerwaarde.api.store;

import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.kpi.KpiSet;
import org.osgi.annotation.versioning.ProviderType;

/** The organisation's KPI sets (per funder or its own), kept with who changed them last. */
@ProviderType
public interface KpiSetStore {
    /** Every set, by id. */
    List<KpiSet> all();

    Optional<KpiSet> find(String id);

    /** Creates the set or replaces it whole (its name, funder and KPIs).
     *
     * @throws IllegalStateException when another save of the same id happened at the same moment (try again)
     */
    void save(KpiSet set, String actor);

    /** Whether a set was there to delete. */
    boolean delete(String id);
}
