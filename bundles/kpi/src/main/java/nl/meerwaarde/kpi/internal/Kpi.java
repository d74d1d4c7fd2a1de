package nl.meerwaarde.kpi.internal;

import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.kpi.KpiDefinition;

/** A checked KPI definition with its parsed formula (empty for figures that are entered, not computed). */
record Kpi(KpiDefinition definition, Optional<Formula> formula) {
    Kpi {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(formula, "formula");
    }

    String id() {
        return definition.id();
    }
}
