package nl.meerwaarde.api.kpi;

import java.util.Objects;
import java.util.Optional;

/**
 * A KPI as data. The formula is kept as the JSON text of the declarative form the KPI engine compiles;
 * its grammar belongs to the engine.
 */
public record KpiDefinition(
        String id,
        int version,
        String name,
        String description,
        KpiLevel level,
        Optional<LifeDomain> lifeDomain,
        String unit,
        KpiSource source,
        String formula) {
    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(lifeDomain, "lifeDomain");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(formula, "formula");
    }
}
