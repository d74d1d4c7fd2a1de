package nl.meerwaarde.kpi.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.meerwaarde.kpi.internal.Formula.Aggregate;
import nl.meerwaarde.kpi.internal.Formula.Measure;

/**
 * The {@link AggregateRequest}s a {@link Computation} of some formulas will make, known before it starts: the
 * maintained aggregates are brought up to date for exactly these before the computation's snapshot is taken.
 */
final class RequestPlan {
    private final Function<String, Formula> formulas;
    private final Set<AggregateRequest> requests = new LinkedHashSet<>();

    private RequestPlan(Function<String, Formula> formulas) {
        this.formulas = formulas;
    }

    /** The requests of these formulas (outcome formulas make none). */
    static Set<AggregateRequest> of(List<Formula> formulas, Function<String, Formula> byId) {
        RequestPlan plan = new RequestPlan(byId);
        for (Formula formula : formulas) {
            if (formula.measure() instanceof Formula.Outcome) {
                continue;
            }
            formula.by().ifPresent(by -> plan.requests.add(Computation.groupsRequest(by)));
            plan.measure(formula.measure(), formula.by());
        }
        return plan.requests;
    }

    private void measure(Measure measure, Optional<Field> group) {
        if (measure instanceof Aggregate aggregate) {
            requests.add(new AggregateRequest(aggregate, Computation.grouping(aggregate, group)));
        } else if (measure instanceof Formula.Plus plus) {
            plus.parts().forEach(part -> measure(part, group));
        } else if (measure instanceof Formula.Ratio ratio) {
            measure(ratio.of(), group);
            measure(ratio.to(), group);
        } else if (measure instanceof Formula.MeanOverActivities mean) {
            requests.add(Computation.selectionRequest(mean));
            measure(mean.of(), Optional.of(Field.ACTIVITY_ID));
        } else if (measure instanceof Formula.Ref ref) {
            measure(formulas.apply(ref.kpiId()).measure(), group);
        }
    }
}
