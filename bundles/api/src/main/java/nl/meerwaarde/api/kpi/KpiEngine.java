package nl.meerwaarde.api.kpi;

import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Computes KPIs from their definitions. The database aggregates; Java only combines a handful of results per
 * figure, never rows of registrations.
 */
@ProviderType
public interface KpiEngine {
    /** Every KPI definition the engine knows, shipped and the organisation's own, by library then id. */
    List<KpiDefinition> definitions();

    Optional<KpiDefinition> definition(String id);

    /**
     * The figures of these KPIs for one scope and period, in the order asked. A KPI whose figures are external
     * (entered, not computed) gives the figures entered for the municipality of a funder scope (of every funder's
     * municipality for the organisation) whose period lies within the period asked, one per municipality and period
     * (group {@code 0114 2025-01-01/2025-12-31}); other scopes have none.
     *
     * @throws InvalidInputException when an id is unknown (field {@code kpis[i]})
     */
    List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period);
}
