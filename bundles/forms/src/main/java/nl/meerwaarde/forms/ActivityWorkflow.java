package nl.meerwaarde.forms;

import java.util.List;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Stage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The stage rules of the reference model for a collective activity (SIGNAL → ANALYSIS → PLAN → EXECUTION →
 * IMPACT_MEASUREMENT → EVALUATION → CLOSED). Pure: no I/O, no state.
 *
 * <ul>
 *   <li>Forward one stage, or back one stage for a correction; nothing leaves CLOSED; staying put is no
 *       transition.
 *   <li>Forward past IMPACT_MEASUREMENT and/or EVALUATION (and only those) when each stage passed over is done or
 *       skipped with a non-blank reason ({@link MessageCodes#WORKFLOW_SKIP_REASON} on the reason's field).
 *   <li>Into CLOSED only when impact measurement and evaluation are each done or skipped with a non-blank reason
 *       ({@link MessageCodes#WORKFLOW_CLOSE_REQUIRES} on {@value #FIELD_STAGE}).
 *   <li>Anything else: {@link MessageCodes#WORKFLOW_TRANSITION} on {@value #FIELD_STAGE}, arguments from, to.
 * </ul>
 */
@ProviderType
public interface ActivityWorkflow {
    /** The field of a refused transition. */
    String FIELD_STAGE = "stage";

    /** The field of a missing reason for skipping impact measurement. */
    String FIELD_IMPACT_MEASUREMENT_SKIP_REASON = "impactMeasurementSkipReason";

    /** The field of a missing reason for skipping evaluation. */
    String FIELD_EVALUATION_SKIP_REASON = "evaluationSkipReason";

    /**
     * Checks one transition.
     *
     * @return empty when the transition is allowed, else why not (stage names as message arguments)
     */
    List<FieldError> check(Stage from, Stage to, WorkflowFacts facts);

    /** The stages an activity in {@code from} may move to with these facts, in stage order. */
    List<Stage> allowedTargets(Stage from, WorkflowFacts facts);

    /**
     * Checks one transition and throws when it is refused.
     *
     * @throws InvalidInputException with the errors {@link #check} finds
     */
    default void requireAllowed(Stage from, Stage to, WorkflowFacts facts) {
        List<FieldError> errors = check(from, to, facts);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
