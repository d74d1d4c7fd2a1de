package nl.meerwaarde.kpi.internal;

import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.kpi.internal.Formula.Aggregate;

/**
 * One aggregate to compute, for the whole scope or per group of a field. Equal requests within one computation are
 * answered once, so KPIs that share an aggregate (12 and 13 both average grades per activity) share its query.
 */
record AggregateRequest(Aggregate aggregate, Optional<Field> group) {
    AggregateRequest {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(group, "group");
    }

    /** The key under which the result of a request without groups is found. */
    static final String WHOLE = "";
}
