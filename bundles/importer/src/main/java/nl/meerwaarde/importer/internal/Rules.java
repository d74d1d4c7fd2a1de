package nl.meerwaarde.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.ChosenInstrument;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Grades;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;

/**
 * The rules of each kind of record: the same limits as the REST API (lengths, ranges, amounts with at most two
 * decimals up to 1 000 000 hours and 100 000 000 euros, helped &lt;= measured &lt;= participants, grades 1-10, a
 * funder of the organisation, a team that exists). Historic data may be in any stage (default {@code CLOSED}) and
 * may name instruments the questionnaire does not list. A record with any error gives no domain record.
 */
final class Rules {
    static final BigDecimal MAX_HOURS = new BigDecimal("1000000");
    static final BigDecimal MAX_EUROS = new BigDecimal("100000000");
    static final int MAX_COUNT = 1_000_000;
    static final int TITLE_LENGTH = 500;

    static final Set<String> SIGNAL_FIELDS = Set.of(
            "key",
            "team",
            "registeredOn",
            "type",
            "targetGroups",
            "referrer",
            "question",
            "answered",
            "resident",
            "activityKey");
    static final Set<String> ACTIVITY_FIELDS = Set.of(
            "key",
            "team",
            "title",
            "stage",
            "targetGroups",
            "funder",
            "startsOn",
            "budget",
            "actual",
            "anonymous",
            "individualQuestionsAnswered",
            "referrerSatisfaction",
            "goals",
            "analysis",
            "instrument",
            "partners",
            "sessions",
            "lessonsLearned");
    static final Set<String> PARTICIPATION_FIELDS =
            Set.of("key", "activityKey", "resident", "measurement", "referrals");
    static final Set<String> INVESTMENT_FIELDS = Set.of("hours", "euros");
    static final Set<String> COUNT_FIELDS = Set.of("participants", "measured", "helped");
    static final Set<String> GOAL_FIELDS = Set.of("description", "realisation");
    static final Set<String> INSTRUMENT_FIELDS = Set.of("code", "otherName");
    static final Set<String> MEASUREMENT_FIELDS =
            Set.of("helped", "helpedReason", "grade", "gradeExplanation", "dimensions", "quotes", "workerObservation");

    private final Directory directory;
    private final LocalDate today;

    Rules(Directory directory, LocalDate today) {
        this.directory = directory;
        this.today = today;
    }

    /** A record as read: its domain record when valid, and the activity it refers to by key, if any. */
    record Read<T>(Where where, String key, Optional<T> record, Optional<Reference> activity) {}

    /** A reference by key from one record to an activity (in the file or imported before). */
    record Reference(Where where, String field, ActivityId activity) {}

    Read<Signal> signal(Fields fields) {
        int before = fields.where().errors().count();
        fields.allow(SIGNAL_FIELDS);
        Optional<String> key = fields.key("key", true);
        Optional<TeamId> team = directory.team(fields, "team");
        Optional<LocalDate> registeredOn = fields.date("registeredOn");
        if (registeredOn.isEmpty() && !fields.has("registeredOn")) {
            fields.error("registeredOn", Codes.REQUIRED);
        } else if (registeredOn.filter(date -> date.isAfter(today)).isPresent()) {
            fields.error("registeredOn", Codes.MAX, today);
        }
        String type = fields.required("type", Fields.CODE_LENGTH);
        Set<String> targetGroups = fields.codes("targetGroups", Fields.CODE_LENGTH, Fields.MAX_ENTRIES);
        Optional<String> referrer = fields.text("referrer", Fields.NAME_LENGTH);
        Optional<String> question = fields.text("question", Fields.TEXT_LENGTH);
        boolean answered = fields.bool("answered").orElse(false);
        Optional<ResidentId> resident = directory.resident(fields, "resident", false);
        Optional<Reference> activity = reference(fields, "activityKey", false);
        Optional<Signal> signal = Optional.empty();
        if (fields.where().errors().count() == before) {
            signal = Optional.of(new Signal(
                    RegistrationKeys.signalId(key.get()),
                    team.get(),
                    registeredOn.get(),
                    type,
                    targetGroups,
                    referrer.orElse(null),
                    question.orElse(null),
                    answered,
                    resident,
                    activity.map(Reference::activity)));
        }
        return new Read<>(fields.where(), key.orElse(null), signal, activity);
    }

    Read<CollectiveActivity> activity(Fields fields) {
        int before = fields.where().errors().count();
        fields.allow(ACTIVITY_FIELDS);
        Optional<String> key = fields.key("key", true);
        Optional<TeamId> team = directory.team(fields, "team");
        String title = fields.required("title", TITLE_LENGTH);
        Stage stage = fields.option("stage", Stage.class).orElse(Stage.CLOSED);
        Set<String> targetGroups = fields.codes("targetGroups", Fields.CODE_LENGTH, Fields.MAX_ENTRIES);
        Optional<FunderId> funder = directory.funder(fields, "funder");
        Optional<LocalDate> startsOn = fields.date("startsOn");
        Optional<Investment> budget = investment(fields, "budget");
        Optional<Investment> actual = investment(fields, "actual");
        Optional<AnonymousCounts> anonymous = fields.object("anonymous").flatMap(Rules::counts);
        Optional<Integer> questions = fields.integer("individualQuestionsAnswered", 0, MAX_COUNT);
        Optional<Integer> satisfaction = fields.integer("referrerSatisfaction", Grades.LOWEST, Grades.HIGHEST);
        List<SmartGoal> goals = goals(fields);
        Optional<String> analysis = fields.text("analysis", Fields.TEXT_LENGTH);
        Optional<ChosenInstrument> instrument = fields.object("instrument").flatMap(Rules::instrument);
        Set<String> partners = fields.codes("partners", Fields.NAME_LENGTH, Fields.MAX_ENTRIES);
        Optional<Integer> sessions = fields.integer("sessions", 0, MAX_COUNT);
        Optional<String> lessons = fields.text("lessonsLearned", Fields.TEXT_LENGTH);
        Optional<CollectiveActivity> activity = Optional.empty();
        if (fields.where().errors().count() == before) {
            activity = Optional.of(new CollectiveActivity(
                    RegistrationKeys.activityId(key.get()),
                    team.get(),
                    title,
                    stage,
                    targetGroups,
                    funder,
                    startsOn,
                    budget,
                    actual,
                    anonymous,
                    questions,
                    satisfaction,
                    goals,
                    analysis,
                    instrument,
                    partners,
                    sessions,
                    lessons));
        }
        return new Read<>(fields.where(), key.orElse(null), activity, Optional.empty());
    }

    Read<Participation> participation(Fields fields) {
        int before = fields.where().errors().count();
        fields.allow(PARTICIPATION_FIELDS);
        Optional<String> key = fields.key("key", true);
        Optional<Reference> activity = reference(fields, "activityKey", true);
        Optional<ResidentId> resident = directory.resident(fields, "resident", true);
        Optional<ImpactMeasurement> measurement = fields.object("measurement").flatMap(Rules::measurement);
        Set<String> referrals = fields.codes("referrals", Fields.NAME_LENGTH, Fields.MAX_REPEATS);
        Optional<Participation> participation = Optional.empty();
        if (fields.where().errors().count() == before) {
            participation = Optional.of(new Participation(
                    RegistrationKeys.participationId(key.get()),
                    activity.get().activity(),
                    resident.get(),
                    measurement,
                    referrals));
        }
        return new Read<>(fields.where(), key.orElse(null), participation, activity);
    }

    private static Optional<Reference> reference(Fields fields, String name, boolean required) {
        return fields.key(name, required)
                .map(key -> new Reference(fields.where(), fields.path(name), RegistrationKeys.activityId(key)));
    }

    /** Hours and euros; none when both are left out. */
    private static Optional<Investment> investment(Fields record, String name) {
        Optional<Fields> object = record.object(name);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = object.get();
        fields.allow(INVESTMENT_FIELDS);
        Optional<BigDecimal> hours = fields.amount("hours", MAX_HOURS);
        Optional<BigDecimal> euros = fields.amount("euros", MAX_EUROS);
        if (hours.isEmpty() && euros.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Investment(hours, euros));
    }

    private static Optional<AnonymousCounts> counts(Fields fields) {
        fields.allow(COUNT_FIELDS);
        Optional<Integer> participants = fields.requiredInteger("participants", 0, MAX_COUNT);
        Optional<Integer> measured = fields.requiredInteger("measured", 0, MAX_COUNT);
        Optional<Integer> helped = fields.requiredInteger("helped", 0, MAX_COUNT);
        if (participants.isEmpty() || measured.isEmpty() || helped.isEmpty()) {
            return Optional.empty();
        }
        boolean valid = true;
        if (measured.get() > participants.get()) {
            fields.error("measured", Codes.MAX, participants.get());
            valid = false;
        }
        if (helped.get() > measured.get()) {
            fields.error("helped", Codes.MAX, measured.get());
            valid = false;
        }
        return valid
                ? Optional.of(new AnonymousCounts(participants.get(), measured.get(), helped.get()))
                : Optional.empty();
    }

    private static List<SmartGoal> goals(Fields record) {
        List<SmartGoal> goals = new ArrayList<>();
        for (Fields goal : record.objects("goals", Fields.MAX_ENTRIES)) {
            goal.allow(GOAL_FIELDS);
            String description = goal.required("description", Fields.TEXT_LENGTH);
            Optional<GoalRealisation> realisation = goal.option("realisation", GoalRealisation.class);
            if (description != null) {
                goals.add(new SmartGoal(description, realisation));
            }
        }
        return goals;
    }

    /**
     * Any instrument code (historic data may name instruments the list does not); {@code anders} (in any case) needs
     * a name that is not blank, and no other code may have one.
     */
    private static Optional<ChosenInstrument> instrument(Fields fields) {
        fields.allow(INSTRUMENT_FIELDS);
        String code = fields.required("code", Fields.CODE_LENGTH);
        if (code == null) {
            fields.text("otherName", Fields.NAME_LENGTH);
            return Optional.empty();
        }
        if (!ChosenInstrument.OTHER.equalsIgnoreCase(code)) {
            if (fields.text("otherName", Fields.NAME_LENGTH).isPresent()) {
                fields.error("otherName", Codes.DISABLED);
            }
            return Optional.of(new ChosenInstrument(code, Optional.empty()));
        }
        String otherName = fields.required("otherName", Fields.NAME_LENGTH);
        if (otherName == null) {
            return Optional.empty();
        }
        return Optional.of(new ChosenInstrument(ChosenInstrument.OTHER, Optional.of(otherName)));
    }

    private static Optional<ImpactMeasurement> measurement(Fields fields) {
        fields.allow(MEASUREMENT_FIELDS);
        Optional<Boolean> helped = fields.bool("helped");
        if (helped.isEmpty() && !fields.has("helped")) {
            fields.error("helped", Codes.REQUIRED);
        }
        Optional<String> helpedReason = fields.text("helpedReason", Fields.TEXT_LENGTH);
        Optional<Integer> grade = fields.integer("grade", Grades.LOWEST, Grades.HIGHEST);
        Optional<String> gradeExplanation = fields.text("gradeExplanation", Fields.TEXT_LENGTH);
        if (gradeExplanation.isPresent() && !fields.has("grade")) {
            fields.error("gradeExplanation", Codes.DISABLED);
        }
        Set<String> dimensions = fields.codes("dimensions", Fields.CODE_LENGTH, Fields.MAX_ENTRIES);
        List<String> quotes = fields.textList("quotes", Fields.TEXT_LENGTH, Fields.MAX_REPEATS);
        Optional<String> observation = fields.text("workerObservation", Fields.TEXT_LENGTH);
        if (helped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImpactMeasurement(
                helped.get(), helpedReason, grade, gradeExplanation, dimensions, quotes, observation));
    }
}
