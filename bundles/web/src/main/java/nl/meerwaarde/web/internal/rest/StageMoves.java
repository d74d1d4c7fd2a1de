package nl.meerwaarde.web.internal.rest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.forms.ActivityWorkflow;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.internal.Messages;

/**
 * Moves a collective activity through the reference model, and says where it may go: the one code path of {@code
 * POST /api/v1/activities/{id}/stage}, the detail's next stages and the screen's "Naar volgende fase" form. The
 * rules are the forms bundle's {@link ActivityWorkflow}; the facts come from {@link StageFacts}.
 */
public final class StageMoves {
    /** The field of the target stage. */
    public static final String FIELD_TO = "to";

    /** The field of the skip reason. */
    public static final String FIELD_SKIP_REASON = "skipReason";

    private final ActivityStore store;
    private final ActivityWorkflow workflow;
    private final Clock clock;

    /** Any of the services may be {@code null} while it is not there: the call that needs it answers 503. */
    public StageMoves(ActivityStore store, ActivityWorkflow workflow, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Someone else moved the activity between reading and moving it. */
    public static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConflictException(Throwable cause) {
            super("The activity was moved by someone else", cause);
        }
    }

    /** The activity with this id if it belongs to one of the worker's teams; 404 otherwise (also for a bad id). */
    public CollectiveActivity own(String id, Subject.WorkerSubject worker) {
        return ActivitiesResource.own(Problems.require(store), id, worker);
    }

    /** Where the activity may move now, in stage order; empty while the workflow rules are not there. */
    public List<Views.NextStageView> nextStages(
            CollectiveActivity activity,
            List<Participation> participations,
            List<StageChange> history,
            Messages messages) {
        List<Views.NextStageView> next = new ArrayList<>();
        if (workflow == null) {
            return next;
        }
        StageFacts facts = StageFacts.of(activity, participations, history);
        List<Stage> without = workflow.allowedTargets(activity.stage(), facts.workflow(Optional.empty()));
        List<Stage> with = workflow.allowedTargets(activity.stage(), facts.workflow(Optional.of("reason")));
        for (Stage stage : with) {
            next.add(new Views.NextStageView(
                    stage.name(), messages.get("stage." + stage.name()), !without.contains(stage)));
        }
        return next;
    }

    /**
     * Moves the activity as the body asks, when the rules allow it.
     *
     * @return the recorded change
     * @throws InvalidInputException when the target is missing or unknown, or the rules refuse the move (errors on
     *     {@value #FIELD_TO} and {@value #FIELD_SKIP_REASON}); nothing is stored then
     * @throws ConflictException when someone else moved it at the same time
     */
    public StageChange move(CollectiveActivity activity, Bodies.StageMove body, Subject.WorkerSubject worker) {
        ActivityStore activities = Problems.require(store);
        ActivityWorkflow rules = Problems.require(workflow);
        Check check = new Check();
        Stage to = null;
        if (body == null || body.to() == null) {
            check.add(FIELD_TO, FieldCodes.REQUIRED);
        } else {
            try {
                to = Stage.valueOf(body.to());
            } catch (IllegalArgumentException e) {
                check.add(FIELD_TO, FieldCodes.OPTION);
            }
        }
        Optional<String> reason =
                check.optional(FIELD_SKIP_REASON, body == null ? null : body.skipReason(), Check.TEXT_LENGTH);
        check.done();
        StageFacts facts = StageFacts.of(
                activity, activities.participations(activity.id()), activities.stageChanges(activity.id()));
        List<FieldError> refused = rules.check(activity.stage(), to, facts.workflow(reason));
        if (!refused.isEmpty()) {
            throw new InvalidInputException(
                    refused.stream().map(StageMoves::onBody).toList());
        }
        Set<Stage> skipped = facts.skipped(activity.stage(), to);
        StageChange change = new StageChange(
                activity.id(),
                activity.stage(),
                to,
                skipped,
                skipped.isEmpty() ? Optional.empty() : reason,
                clock.instant(),
                worker.auditName());
        try {
            activities.changeStage(change);
        } catch (IllegalStateException concurrent) {
            throw new ConflictException(concurrent);
        }
        return change;
    }

    /** A workflow error named by the field of the request body it is about. */
    private static FieldError onBody(FieldError error) {
        String field =
                switch (error.field()) {
                    case ActivityWorkflow.FIELD_STAGE -> FIELD_TO;
                    case ActivityWorkflow.FIELD_IMPACT_MEASUREMENT_SKIP_REASON,
                            ActivityWorkflow.FIELD_EVALUATION_SKIP_REASON -> FIELD_SKIP_REASON;
                    default -> error.field();
                };
        return new FieldError(field, error.code(), error.arguments());
    }
}
