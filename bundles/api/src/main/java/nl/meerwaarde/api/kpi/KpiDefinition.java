package nl.meerwaarde.api.kpi;

import java.util.Objects;
import java.util.Optional;

/**
 * A KPI as data (docs/kpi-engine.md). The formula is kept as the JSON text of the declarative form the engine
 * compiles; its grammar belongs to the engine.
 *
 * @param library the id of the library the definition comes from ({@code tinten}, {@code sector-model}, or an
 *     organisation's own)
 * @param aspect for throughput KPIs of the sector model, which resources they are about (middelen, partners,
 *     medewerkers, activiteit)
 * @param unit what the value counts or measures ({@code residents}, {@code percent}, {@code hours}, ...)
 * @param formula the formula's JSON text; empty for external figures, which are entered rather than computed
 * @param breakdown the field a KPI is broken down by ({@code activity.targetGroup}), empty for a single figure
 * @param quotes whether figures carry quotes
 */
public record KpiDefinition(
        String id,
        int version,
        String library,
        String name,
        String description,
        KpiLevel level,
        Optional<String> aspect,
        Optional<LifeDomain> lifeDomain,
        String unit,
        KpiSource source,
        Optional<String> formula,
        Optional<String> breakdown,
        boolean quotes) {
    public KpiDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(lifeDomain, "lifeDomain");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(breakdown, "breakdown");
    }
}
