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
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
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
            Optional<String> analysis,
            Optional<InstrumentView> instrument,
            List<String> partners,
            Optional<Integer> sessions,
            Optional<String> lessonsLearned,
            int participants,
            int measured,
            List<ReferralCount> referrals,
            List<NextStageView> nextStages,
            List<StageChangeView> history) {}

    /** The chosen instrument: its option code and display text, and the name of an "other" instrument. */
    public record InstrumentView(String code, Optional<String> otherName) {
        static Optional<InstrumentView> of(Optional<CollectiveActivity.ChosenInstrument> chosen) {
            return chosen.map(c -> new InstrumentView(c.code(), c.otherName()));
        }
    }

    /** How many known participants were referred on to one partner (registered field 18). */
    public record ReferralCount(String partner, int participants) {
        public static List<ReferralCount> of(List<Participation> participations) {
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            participations.forEach(p -> p.referrals().forEach(partner -> counts.merge(partner, 1, Integer::sum)));
            return counts.entrySet().stream()
                    .map(e -> new ReferralCount(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    /** A resident's own self-scan: the questionnaire and version it was given under, and the answers. */
    public record SelfScanView(
            String id, String questionnaire, int questionnaireVersion, Instant authored, List<AnswerView> answers) {
        static SelfScanView of(QuestionnaireResponse response) {
            return new SelfScanView(
                    response.id().toString(),
                    response.questionnaire().id(),
                    response.questionnaire().version(),
                    response.authored(),
                    response.answers().stream()
                            .map(answer -> new AnswerView(
                                    answer.linkId(),
                                    answer.values().stream()
                                            .map(ImpactMeasurements::plain)
                                            .toList()))
                            .toList());
        }
    }

    /**
     * What importing a file did (or, in a dry run, would do).
     *
     * @param committed whether the file was written
     */
    public record ImportReportView(
            boolean committed, boolean dryRun, int records, int created, int updated, int unchanged) {
        static ImportReportView of(nl.meerwaarde.api.importing.ImportReport report, boolean dryRun) {
            return new ImportReportView(
                    report.committed(),
                    dryRun,
                    report.records(),
                    report.created(),
                    report.updated(),
                    report.unchanged());
        }
    }

    /**
     * One invalid record of an import file: where it is, what is wrong, in the user's language; {@code field} is
     * {@code file} for the file as a whole.
     */
    public record ImportErrorView(int line, Optional<String> key, String field, String code, String message) {
        static ImportErrorView of(nl.meerwaarde.api.importing.RecordError error, Messages messages) {
            return new ImportErrorView(
                    error.line(),
                    Optional.ofNullable(error.key()),
                    error.field() == null ? "file" : error.field(),
                    error.code(),
                    messages.find(error.code(), error.arguments().toArray())
                            .orElseGet(() -> messages.get(nl.meerwaarde.web.FieldCodes.INVALID)));
        }
    }

    /**
     * RFC 9457 problem details of a refused import file, with every invalid record ({@code errors}, at most 1000;
     * {@code errorCount} says how many there were).
     */
    public record ImportProblem(
            String type,
            String title,
            int status,
            String detail,
            int records,
            int errorCount,
            List<ImportErrorView> errors) {}

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
