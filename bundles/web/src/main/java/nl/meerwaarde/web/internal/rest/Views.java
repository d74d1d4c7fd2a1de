package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/** The JSON shapes of the REST API: only what a screen needs, and no personal data beyond it. */
public final class Views {
    private Views() {}

    /**
     * The caller.
     *
     * @param kind {@code worker} or {@code resident}
     * @param workerId the worker's host id; absent for a resident
     * @param name the worker's name; absent for a resident
     */
    public record Me(
            String kind, Optional<String> workerId, Optional<String> name, List<Role> roles, List<TeamView> teams) {
        static Me of(Subject subject, TeamNames teamNames) {
            if (subject instanceof Subject.WorkerSubject worker) {
                List<Role> roles = worker.worker().roles().stream().sorted().toList();
                List<TeamView> teams = worker.teams().stream()
                        .map(team -> new TeamView(team.value(), teamNames.name(team)))
                        .sorted(Comparator.comparing(TeamView::id))
                        .toList();
                return new Me(
                        "worker",
                        Optional.of(worker.worker().id().value()),
                        Optional.of(worker.worker().name()),
                        roles,
                        teams);
            }
            return new Me("resident", Optional.empty(), Optional.empty(), List.of(), List.of());
        }
    }

    public record TeamView(String id, Optional<String> name) {}

    /** One page of a longer list. */
    public record PageView<T>(int offset, int limit, long total, List<T> items) {
        static <T> PageView<T> empty(Paging paging) {
            return new PageView<>(paging.offset(), paging.limit(), 0, List.of());
        }
    }

    /** A signal as listed: no question text, no resident. */
    public record SignalView(
            String id,
            String team,
            LocalDate registeredOn,
            String type,
            List<String> targetGroups,
            Optional<String> referrer,
            boolean answered,
            Optional<String> activity) {
        static SignalView of(Signal signal) {
            return new SignalView(
                    signal.id().toString(),
                    signal.team().value(),
                    signal.registeredOn(),
                    signal.type(),
                    sorted(signal.targetGroups()),
                    Optional.ofNullable(signal.referrer()),
                    signal.answered(),
                    signal.activity().map(Object::toString));
        }
    }

    /** A collective activity as listed, its stage both as code and in the user's language. */
    public record ActivityView(
            String id,
            String team,
            String title,
            String stage,
            String stageTitle,
            List<String> targetGroups,
            Optional<String> funder,
            Optional<LocalDate> startsOn) {
        static ActivityView of(CollectiveActivity activity, Messages messages) {
            return new ActivityView(
                    activity.id().toString(),
                    activity.team().value(),
                    activity.title(),
                    activity.stage().name(),
                    messages.get("stage." + activity.stage().name()),
                    sorted(activity.targetGroups()),
                    activity.funder().map(Object::toString),
                    activity.startsOn());
        }
    }

    /** One signal in full, for a worker of its team: with the question and the resident's host id. */
    public record SignalDetailView(
            String id,
            String team,
            LocalDate registeredOn,
            String type,
            List<String> targetGroups,
            Optional<String> referrer,
            Optional<String> question,
            boolean answered,
            Optional<String> resident,
            Optional<String> activity) {
        static SignalDetailView of(Signal signal) {
            return new SignalDetailView(
                    signal.id().toString(),
                    signal.team().value(),
                    signal.registeredOn(),
                    signal.type(),
                    sorted(signal.targetGroups()),
                    Optional.ofNullable(signal.referrer()),
                    Optional.ofNullable(signal.question()),
                    signal.answered(),
                    signal.resident().map(ResidentId::value),
                    signal.activity().map(Object::toString));
        }
    }

    /** A stage as code and in the user's language. */
    public record StageView(String stage, String title) {
        static StageView of(Stage stage, Messages messages) {
            return new StageView(stage.name(), messages.get("stage." + stage.name()));
        }
    }

    /**
     * A stage the activity may move to.
     *
     * @param needsSkipReason the move passes over impact measurement or evaluation not yet done: only with a reason
     */
    public record NextStageView(String stage, String title, boolean needsSkipReason) {}

    /** One recorded move of an activity. */
    public record StageChangeView(
            StageView from, StageView to, List<StageView> skipped, Optional<String> reason, Instant at, String by) {
        static StageChangeView of(StageChange change, Messages messages) {
            return new StageChangeView(
                    StageView.of(change.from(), messages),
                    StageView.of(change.to(), messages),
                    change.skipped().stream()
                            .sorted()
                            .map(stage -> StageView.of(stage, messages))
                            .toList(),
                    change.reason(),
                    change.at(),
                    change.by());
        }
    }

    public record InvestmentView(Optional<BigDecimal> hours, Optional<BigDecimal> euros) {
        static Optional<InvestmentView> of(Optional<CollectiveActivity.Investment> investment) {
            return investment.map(i -> new InvestmentView(i.hours(), i.euros()));
        }
    }

    public record GoalView(String description, Optional<String> realisation) {}

    /**
     * One collective activity in full, for a worker of its team.
     *
     * @param participants known participations
     * @param measured known participations with an impact measurement
     * @param nextStages where the activity may move now
     * @param history its stage changes, oldest first
     */
    public record ActivityDetailView(
            String id,
            String team,
            String title,
            StageView stage,
            List<String> targetGroups,
            Optional<String> funder,
            Optional<LocalDate> startsOn,
            Optional<InvestmentView> budget,
            Optional<InvestmentView> actual,
            Optional<CollectiveActivity.AnonymousCounts> anonymous,
            Optional<Integer> individualQuestionsAnswered,
            Optional<Integer> referrerSatisfaction,
            List<GoalView> goals,
            int participants,
            int measured,
            List<NextStageView> nextStages,
            List<StageChangeView> history) {}

    /** A questionnaire as listed. */
    public record QuestionnaireSummary(String id, int version, String title) {}

    /** An answer as given: its answer path and values. */
    public record AnswerView(String linkId, List<Object> values) {}

    /**
     * A participant's impact measurement: the answers as given (with the questionnaire version they were given
     * under) and what they mean for the participation.
     */
    public record ImpactView(
            String activity,
            String resident,
            String participation,
            String questionnaire,
            int questionnaireVersion,
            Instant authored,
            String authoredBy,
            List<AnswerView> answers,
            Optional<MeasurementView> measurement,
            List<String> referrals) {}

    public record MeasurementView(
            boolean helped,
            Optional<String> helpedReason,
            Optional<Integer> grade,
            Optional<String> gradeExplanation,
            List<String> dimensions,
            List<String> quotes,
            Optional<String> workerObservation) {
        static MeasurementView of(Participation.ImpactMeasurement m) {
            return new MeasurementView(
                    m.helped(),
                    m.helpedReason(),
                    m.grade(),
                    m.gradeExplanation(),
                    sorted(m.dimensions()),
                    m.quotes(),
                    m.workerObservation());
        }
    }

    /** A menu entry. */
    public record ScreenView(String id, String title, String path, String icon, int order) {}

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
