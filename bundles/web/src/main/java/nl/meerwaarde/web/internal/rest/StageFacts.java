package nl.meerwaarde.web.internal.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.forms.WorkflowFacts;

/**
 * What the workflow rules need to know of an activity, computed from its records:
 *
 * <ul>
 *   <li><b>impact measured</b>: a known participation has a measurement, or the anonymous measured count is above
 *       zero, or the activity once moved on from IMPACT_MEASUREMENT (without skipping it);
 *   <li><b>evaluated</b>: every SMART goal (at least one) has a realisation, or the referrer's satisfaction is
 *       registered, or the activity once moved on from EVALUATION (without skipping it);
 *   <li><b>skip reasons</b>: the reason given with this move, else the reason recorded when the stage was skipped
 *       before.
 * </ul>
 */
record StageFacts(
        boolean impactMeasured,
        boolean evaluated,
        Optional<String> priorImpactSkip,
        Optional<String> priorEvaluationSkip) {

    static StageFacts of(CollectiveActivity activity, List<Participation> participations, List<StageChange> history) {
        boolean measured = participations.stream().anyMatch(p -> p.measurement().isPresent())
                || activity.anonymous().map(c -> c.measured() > 0).orElse(false)
                || movedOnFrom(history, Stage.IMPACT_MEASUREMENT);
        boolean evaluated = (!activity.goals().isEmpty()
                        && activity.goals().stream()
                                .allMatch(g -> g.realisation().isPresent()))
                || activity.referrerSatisfaction().isPresent()
                || movedOnFrom(history, Stage.EVALUATION);
        return new StageFacts(
                measured,
                evaluated,
                skipReason(history, Stage.IMPACT_MEASUREMENT),
                skipReason(history, Stage.EVALUATION));
    }

    private static boolean movedOnFrom(List<StageChange> history, Stage stage) {
        return history.stream().anyMatch(c -> c.from() == stage && c.to().ordinal() > stage.ordinal());
    }

    private static Optional<String> skipReason(List<StageChange> history, Stage stage) {
        return history.stream()
                .filter(c -> c.skipped().contains(stage))
                .reduce((first, second) -> second)
                .flatMap(StageChange::reason);
    }

    /** The facts for the workflow, with the reason given for this move (if any) standing for both skips. */
    WorkflowFacts workflow(Optional<String> reason) {
        Optional<String> given = reason.filter(r -> !r.isBlank());
        return new WorkflowFacts(
                impactMeasured,
                evaluated,
                given.isPresent() ? given : priorImpactSkip,
                given.isPresent() ? given : priorEvaluationSkip);
    }

    /**
     * The stages this move skips: impact measurement and evaluation when the move goes past them (or closes) while
     * they are neither done nor skipped before.
     */
    Set<Stage> skipped(Stage from, Stage to) {
        Set<Stage> skipped = EnumSet.noneOf(Stage.class);
        if (to.ordinal() <= from.ordinal()) {
            return skipped;
        }
        if (passes(from, to, Stage.IMPACT_MEASUREMENT) && !impactMeasured && priorImpactSkip.isEmpty()) {
            skipped.add(Stage.IMPACT_MEASUREMENT);
        }
        if (passes(from, to, Stage.EVALUATION) && !evaluated && priorEvaluationSkip.isEmpty()) {
            skipped.add(Stage.EVALUATION);
        }
        return skipped;
    }

    private static boolean passes(Stage from, Stage to, Stage stage) {
        return stage.ordinal() < to.ordinal() && (from.ordinal() < stage.ordinal() || to == Stage.CLOSED);
    }
}
