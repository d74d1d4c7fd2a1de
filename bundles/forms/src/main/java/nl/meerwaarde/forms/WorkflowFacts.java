package nl.meerwaarde.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * What the workflow rules need to know about a collective activity besides its stage.
 *
 * @param impactMeasured at least one impact measurement is registered (a measured participation, or an anonymous
 *     measured count above zero) — the caller decides from its records
 * @param evaluated the evaluation is registered (goal realisation or referrer satisfaction filled in)
 * @param impactMeasurementSkipReason why impact measurement is (or was) skipped, as recorded by the worker
 * @param evaluationSkipReason why evaluation is (or was) skipped, as recorded by the worker
 */
public record WorkflowFacts(
        boolean impactMeasured,
        boolean evaluated,
        Optional<String> impactMeasurementSkipReason,
        Optional<String> evaluationSkipReason) {
    public WorkflowFacts {
        Objects.requireNonNull(impactMeasurementSkipReason, "impactMeasurementSkipReason");
        Objects.requireNonNull(evaluationSkipReason, "evaluationSkipReason");
    }

    /** Nothing measured, nothing evaluated, nothing skipped. */
    public static WorkflowFacts none() {
        return new WorkflowFacts(false, false, Optional.empty(), Optional.empty());
    }

    /** Whether impact measurement is done or skipped with a non-blank reason. */
    public boolean impactMeasurementSettled() {
        return impactMeasured || hasText(impactMeasurementSkipReason);
    }

    /** Whether evaluation is done or skipped with a non-blank reason. */
    public boolean evaluationSettled() {
        return evaluated || hasText(evaluationSkipReason);
    }

    private static boolean hasText(Optional<String> reason) {
        return reason.filter(r -> !r.isBlank()).isPresent();
    }
}
