package nl.meerwaarde.api.store;

import java.util.Collection;
import java.util.List;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.kpi.ExternalFigure;
import org.osgi.annotation.versioning.ProviderType;

/** Figures entered or imported for external KPIs, one per KPI, municipality and period. */
@ProviderType
public interface ExternalFigureStore {
    /**
     * Stores the figures in one transaction, all or none; a figure for a KPI, municipality and period that is already
     * there is replaced.
     *
     * @throws IllegalStateException when another save of the same figure happened at the same moment (try again)
     */
    void saveAll(List<ExternalFigure> figures);

    /**
     * The figures of a municipality whose period lies within {@code within}, for these KPIs (all KPIs when empty), by
     * KPI then period.
     */
    List<ExternalFigure> find(String municipality, Collection<String> kpiIds, Period within);

    /** Whether the figure was there to delete. */
    boolean delete(String kpiId, String municipality, Period period);
}
