package nl.meerwaarde.api.kpi;

import java.util.List;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** Computes KPIs; the database aggregates, never Java over all rows. */
@ProviderType
public interface KpiEngine {
    List<KpiDefinition> definitions();

    List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period);
}
