package nl.meerwaarde.forms.internal;

import static nl.meerwaarde.forms.MessageCodes.WORKFLOW_CLOSE_REQUIRES;
import static nl.meerwaarde.forms.MessageCodes.WORKFLOW_SKIP_REASON;
import static nl.meerwaarde.forms.MessageCodes.WORKFLOW_TRANSITION;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.forms.ActivityWorkflow;
import nl.meerwaarde.forms.WorkflowFacts;
import org.osgi.service.component.annotations.Component;

/** The stage rules of the reference model, as documented on {@link ActivityWorkflow}. */
@Component(service = ActivityWorkflow.class)
public final class ReferenceModelWorkflow implements ActivityWorkflow {

    @Override
    public List<FieldError> check(Stage from, Stage to, WorkflowFacts facts) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(facts, "facts");
        int step = to.ordinal() - from.ordinal();
        if (from == Stage.CLOSED || step == 0 || step < -1) {
            return refused(from, to);
        }
        if (step == -1) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        boolean skipsImpact = false;
        boolean skipsEvaluation = false;
        for (int passed = from.ordinal() + 1; passed < to.ordinal(); passed++) {
            Stage skipped = Stage.values()[passed];
            if (skipped == Stage.IMPACT_MEASUREMENT) {
                skipsImpact = true;
            } else if (skipped == Stage.EVALUATION) {
                skipsEvaluation = true;
            } else {
                return refused(from, to);
            }
        }
        if (skipsImpact && !facts.impactMeasurementSettled()) {
            errors.add(FieldError.of(
                    FIELD_IMPACT_MEASUREMENT_SKIP_REASON, WORKFLOW_SKIP_REASON, Stage.IMPACT_MEASUREMENT.name()));
        }
        if (skipsEvaluation && !facts.evaluationSettled()) {
            errors.add(FieldError.of(FIELD_EVALUATION_SKIP_REASON, WORKFLOW_SKIP_REASON, Stage.EVALUATION.name()));
        }
        if (to == Stage.CLOSED) {
            if (!skipsImpact && !facts.impactMeasurementSettled()) {
                errors.add(FieldError.of(FIELD_STAGE, WORKFLOW_CLOSE_REQUIRES, Stage.IMPACT_MEASUREMENT.name()));
            }
            if (!skipsEvaluation && !facts.evaluationSettled()) {
                errors.add(FieldError.of(FIELD_STAGE, WORKFLOW_CLOSE_REQUIRES, Stage.EVALUATION.name()));
            }
        }
        return List.copyOf(errors);
    }

    @Override
    public List<Stage> allowedTargets(Stage from, WorkflowFacts facts) {
        List<Stage> targets = new ArrayList<>();
        for (Stage to : Stage.values()) {
            if (check(from, to, facts).isEmpty()) {
                targets.add(to);
            }
        }
        return List.copyOf(targets);
    }

    private static List<FieldError> refused(Stage from, Stage to) {
        return List.of(FieldError.of(FIELD_STAGE, WORKFLOW_TRANSITION, from.name(), to.name()));
    }
}
