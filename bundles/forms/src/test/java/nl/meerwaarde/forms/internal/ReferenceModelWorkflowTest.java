package nl.meerwaarde.forms.internal;

import static nl.meerwaarde.api.Stage.ANALYSIS;
import static nl.meerwaarde.api.Stage.CLOSED;
import static nl.meerwaarde.api.Stage.EVALUATION;
import static nl.meerwaarde.api.Stage.EXECUTION;
import static nl.meerwaarde.api.Stage.IMPACT_MEASUREMENT;
import static nl.meerwaarde.api.Stage.PLAN;
import static nl.meerwaarde.api.Stage.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.forms.ActivityWorkflow;
import nl.meerwaarde.forms.WorkflowFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceModelWorkflowTest {
    private static final WorkflowFacts DONE = new WorkflowFacts(true, true, Optional.empty(), Optional.empty());
    private static final WorkflowFacts NOTHING = WorkflowFacts.none();
    private static final WorkflowFacts REASONS =
            new WorkflowFacts(false, false, Optional.of("Groep viel uiteen"), Optional.of("Geen evaluatie mogelijk"));

    private final ActivityWorkflow workflow = new ReferenceModelWorkflow();

    /** Every pair of stages, with whether it is allowed when measurement and evaluation are done (or reasoned). */
    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                pairs.add(Arguments.of(from, to, allowedWhenSettled(from, to)));
            }
        }
        return pairs.stream();
    }

    /** The rules written out as a table, independently of the implementation. */
    private static boolean allowedWhenSettled(Stage from, Stage to) {
        String pair = from + ">" + to;
        return List.of(
                        "SIGNAL>ANALYSIS",
                        "ANALYSIS>SIGNAL",
                        "ANALYSIS>PLAN",
                        "PLAN>ANALYSIS",
                        "PLAN>EXECUTION",
                        "EXECUTION>PLAN",
                        "EXECUTION>IMPACT_MEASUREMENT",
                        "EXECUTION>EVALUATION",
                        "EXECUTION>CLOSED",
                        "IMPACT_MEASUREMENT>EXECUTION",
                        "IMPACT_MEASUREMENT>EVALUATION",
                        "IMPACT_MEASUREMENT>CLOSED",
                        "EVALUATION>IMPACT_MEASUREMENT",
                        "EVALUATION>CLOSED")
                .contains(pair);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void theTransitionMatrixWithEverythingDone(Stage from, Stage to, boolean allowed) {
        List<FieldError> errors = workflow.check(from, to, DONE);
        if (allowed) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).containsExactly(FieldError.of("stage", "workflow.transition", from.name(), to.name()));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void theTransitionMatrixWithRecordedSkipReasons(Stage from, Stage to, boolean allowed) {
        assertThat(workflow.check(from, to, REASONS).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void withNothingDoneOnlyPlainStepsOutsideClosingAreAllowed(Stage from, Stage to, boolean allowedWhenSettled) {
        boolean plainStep = Math.abs(to.ordinal() - from.ordinal()) == 1 && to != CLOSED && from != CLOSED;
        assertThat(workflow.check(from, to, NOTHING).isEmpty()).isEqualTo(plainStep);
    }

    @Test
    void skippingImpactMeasurementNeedsAReason() {
        assertThat(workflow.check(EXECUTION, EVALUATION, NOTHING))
                .containsExactly(
                        FieldError.of("impactMeasurementSkipReason", "workflow.skipReason", "IMPACT_MEASUREMENT"));
        WorkflowFacts blank = new WorkflowFacts(false, false, Optional.of("  "), Optional.empty());
        assertThat(workflow.check(EXECUTION, EVALUATION, blank)).hasSize(1);
        WorkflowFacts reason =
                new WorkflowFacts(false, false, Optional.of("Deelnemers niet bereikbaar"), Optional.empty());
        assertThat(workflow.check(EXECUTION, EVALUATION, reason)).isEmpty();
    }

    @Test
    void skippingAStageThatIsAlreadyDoneNeedsNoReason() {
        WorkflowFacts measured = new WorkflowFacts(true, false, Optional.empty(), Optional.empty());
        assertThat(workflow.check(EXECUTION, EVALUATION, measured)).isEmpty();
    }

    @Test
    void skippingBothStagesToCloseNeedsBothReasons() {
        assertThat(workflow.check(EXECUTION, CLOSED, NOTHING))
                .containsExactly(
                        FieldError.of("impactMeasurementSkipReason", "workflow.skipReason", "IMPACT_MEASUREMENT"),
                        FieldError.of("evaluationSkipReason", "workflow.skipReason", "EVALUATION"));
        WorkflowFacts oneReason = new WorkflowFacts(false, false, Optional.of("reden"), Optional.empty());
        assertThat(workflow.check(EXECUTION, CLOSED, oneReason))
                .containsExactly(FieldError.of("evaluationSkipReason", "workflow.skipReason", "EVALUATION"));
        assertThat(workflow.check(EXECUTION, CLOSED, REASONS)).isEmpty();
    }

    @Test
    void closingNeedsMeasurementAndEvaluationDoneOrSkipped() {
        assertThat(workflow.check(EVALUATION, CLOSED, NOTHING))
                .containsExactly(
                        FieldError.of("stage", "workflow.closeRequires", "IMPACT_MEASUREMENT"),
                        FieldError.of("stage", "workflow.closeRequires", "EVALUATION"));
        WorkflowFacts measured = new WorkflowFacts(true, false, Optional.empty(), Optional.empty());
        assertThat(workflow.check(EVALUATION, CLOSED, measured))
                .containsExactly(FieldError.of("stage", "workflow.closeRequires", "EVALUATION"));
        WorkflowFacts measuredAndSkipped =
                new WorkflowFacts(true, false, Optional.empty(), Optional.of("Opdrachtgever wil geen evaluatie"));
        assertThat(workflow.check(EVALUATION, CLOSED, measuredAndSkipped)).isEmpty();
        assertThat(workflow.check(EVALUATION, CLOSED, DONE)).isEmpty();
    }

    @Test
    void skippingEvaluationToCloseAlsoNeedsTheMeasurement() {
        WorkflowFacts reasonOnly = new WorkflowFacts(false, false, Optional.empty(), Optional.of("reden"));
        assertThat(workflow.check(IMPACT_MEASUREMENT, CLOSED, reasonOnly))
                .containsExactly(FieldError.of("stage", "workflow.closeRequires", "IMPACT_MEASUREMENT"));
        WorkflowFacts measured = new WorkflowFacts(true, false, Optional.empty(), Optional.empty());
        assertThat(workflow.check(IMPACT_MEASUREMENT, CLOSED, measured))
                .containsExactly(FieldError.of("evaluationSkipReason", "workflow.skipReason", "EVALUATION"));
    }

    @Test
    void nothingLeavesClosed() {
        for (Stage to : Stage.values()) {
            assertThat(workflow.check(CLOSED, to, DONE))
                    .extracting(FieldError::code)
                    .containsExactly("workflow.transition");
        }
    }

    @Test
    void allowedTargetsListsTheReachableStagesInOrder() {
        assertThat(workflow.allowedTargets(SIGNAL, NOTHING)).containsExactly(ANALYSIS);
        assertThat(workflow.allowedTargets(PLAN, NOTHING)).containsExactly(ANALYSIS, EXECUTION);
        assertThat(workflow.allowedTargets(EXECUTION, NOTHING)).containsExactly(PLAN, IMPACT_MEASUREMENT);
        assertThat(workflow.allowedTargets(EXECUTION, REASONS))
                .containsExactly(PLAN, IMPACT_MEASUREMENT, EVALUATION, CLOSED);
        assertThat(workflow.allowedTargets(CLOSED, DONE)).isEmpty();
    }

    @Test
    void requireAllowedThrows() {
        assertThatThrownBy(() -> workflow.requireAllowed(SIGNAL, PLAN, DONE)).isInstanceOf(InvalidInputException.class);
        workflow.requireAllowed(SIGNAL, ANALYSIS, NOTHING);
    }
}
