package nl.meerwaarde.api.kpi;

import java.util.List;
import java.util.Objects;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;

/** The figures of one KPI for one scope and period. */
public record KpiResult(String kpiId, Scope scope, Period period, List<KpiValue> values) {
    public KpiResult {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        values = List.copyOf(values);
    }
}
