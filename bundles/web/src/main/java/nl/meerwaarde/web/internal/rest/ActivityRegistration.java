package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.FieldCodes;

/**
 * Creating a collective activity ({@code POST /v1/activities}) and changing its registered fields ({@code PATCH
 * /v1/activities/{id}}), shared by the REST API and the screens: the same checks and messages. Every field error is
 * reported at once and nothing is saved then; the stage is never changed here.
 */
public final class ActivityRegistration {
    /** Largest count accepted (anonymous counts, individual questions answered). */
    static final int MAX_COUNT = 1_000_000;
    /** Longest partner name and other instrument name accepted. */
    static final int NAME_LENGTH = 200;

    /** The questionnaire and item whose answer options are the instruments a plan can choose. */
    public static final String REGISTRATION_QUESTIONNAIRE = "activiteit-registratie";

    public static final String INSTRUMENT_ITEM = "meetinstrument";

    private final ActivityStore store;
    private final Organisation organisation;
    private final List<AnswerOption> instruments;

    /**
     * @param instruments the instruments a plan may choose: the answer options of the registration questionnaire's
     *     instrument item ({@link #instrumentOptions})
     */
    public ActivityRegistration(ActivityStore store, Organisation organisation, List<AnswerOption> instruments) {
        this.store = store;
        this.organisation = organisation;
        this.instruments = List.copyOf(instruments);
    }

    /** The instruments of the newest registration questionnaire the catalog or the published definitions hold. */
    public static List<AnswerOption> instrumentOptions(QuestionnaireCatalog catalog) {
        return instrumentOptions(Problems.require(catalog).latest(REGISTRATION_QUESTIONNAIRE));
    }

    /**
     * The answer options of the instrument item in the newest registration questionnaire; empty when the catalog
     * does not hold it.
     */
    public static List<AnswerOption> instrumentOptions(Optional<Questionnaire> registration) {
        return registration
                .flatMap(q -> find(q.items(), INSTRUMENT_ITEM))
                .map(Item::options)
                .orElse(List.of());
    }

    private static Optional<Item> find(List<Item> items, String linkId) {
        for (Item item : items) {
            if (item.linkId().equals(linkId)) {
                return Optional.of(item);
            }
            Optional<Item> nested = find(item.items(), linkId);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    /** Creates the activity (503 without a store); {@code earlier} are errors the caller found already (a form). */
    public CollectiveActivity create(Bodies.NewActivity body, Subject.WorkerSubject worker, List<FieldError> earlier) {
        ActivityStore activities = Problems.require(store);
        Check check = new Check();
        earlier.forEach(error -> check.add(error));
        if (body == null) {
            check.add("body", FieldCodes.REQUIRED);
            check.done();
        }
        String title = check.required("title", body.title(), ActivitiesResource.TITLE_LENGTH);
        TeamId team = SignalsResource.ownTeam(check, "team", body.team(), worker);
        Stage stage = Stage.SIGNAL;
        if (body.stage() != null) {
            if ("SIGNAL".equals(body.stage()) || "PLAN".equals(body.stage())) {
                stage = Stage.valueOf(body.stage());
            } else {
                check.add("stage", FieldCodes.OPTION);
            }
        }
        Set<String> targetGroups = check.codes("targetGroups", body.targetGroups(), Check.CODE_LENGTH, false);
        Optional<FunderId> funder = funder(check, body.funder());
        Optional<CollectiveActivity.Investment> budget = investment(check, "budget", body.budget());
        List<CollectiveActivity.SmartGoal> goals = new ArrayList<>();
        if (body.goals() != null) {
            goals(
                            check,
                            body.goals().stream()
                                    .map(goal -> goal == null ? null : new Bodies.GoalUpdate(goal.description(), null))
                                    .toList())
                    .ifPresent(goals::addAll);
        }
        Optional<String> analysis = check.optional("analysis", body.analysis(), Check.TEXT_LENGTH);
        Optional<CollectiveActivity.ChosenInstrument> instrument = instrument(check, body.instrument());
        Set<String> partners = check.codes("partners", body.partners(), NAME_LENGTH, false);
        check.done();
        CollectiveActivity activity = new CollectiveActivity(
                ActivityId.random(),
                team,
                title,
                stage,
                targetGroups,
                funder,
                Optional.ofNullable(body.startsOn()),
                budget,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                goals,
                analysis,
                instrument,
                partners,
                Optional.empty(),
                Optional.empty());
        activities.save(activity);
        return activity;
    }

    /**
     * Changes the registered fields of an activity of the worker's teams (404 otherwise) and saves it whole; the
     * fields the body leaves out keep their values. Answers the activity as saved.
     */
    public CollectiveActivity update(
            String id, Bodies.ActivityUpdate body, Subject.WorkerSubject worker, List<FieldError> earlier) {
        ActivityStore activities = Problems.require(store);
        CollectiveActivity current = ActivitiesResource.own(activities, id, worker);
        Check check = new Check();
        earlier.forEach(error -> check.add(error));
        if (body == null) {
            check.add("body", FieldCodes.REQUIRED);
            check.done();
        }
        String title = body.title() == null
                ? current.title()
                : check.required("title", body.title(), ActivitiesResource.TITLE_LENGTH);
        Set<String> targetGroups = body.targetGroups() == null
                ? current.targetGroups()
                : check.codes("targetGroups", body.targetGroups(), Check.CODE_LENGTH, false);
        Optional<FunderId> funder = body.funder() == null ? current.funder() : funder(check, body.funder());
        Optional<java.time.LocalDate> startsOn =
                body.startsOn() == null ? current.startsOn() : Optional.of(body.startsOn());
        Optional<CollectiveActivity.Investment> budget =
                body.budget() == null ? current.budget() : investment(check, "budget", body.budget());
        Optional<CollectiveActivity.Investment> actual =
                body.actual() == null ? current.actual() : investment(check, "actual", body.actual());
        Optional<CollectiveActivity.AnonymousCounts> anonymous =
                body.anonymous() == null ? current.anonymous() : counts(check, body.anonymous());
        Optional<Integer> questions = body.individualQuestionsAnswered() == null
                ? current.individualQuestionsAnswered()
                : number(check, "individualQuestionsAnswered", body.individualQuestionsAnswered(), 0, MAX_COUNT);
        Optional<Integer> satisfaction = body.referrerSatisfaction() == null
                ? current.referrerSatisfaction()
                : number(check, "referrerSatisfaction", body.referrerSatisfaction(), 1, 10);
        List<CollectiveActivity.SmartGoal> goals = body.goals() == null
                ? current.goals()
                : goals(check, body.goals()).orElse(List.of());
        Optional<String> analysis = body.analysis() == null
                ? current.analysis()
                : check.optional("analysis", body.analysis(), Check.TEXT_LENGTH);
        Optional<CollectiveActivity.ChosenInstrument> instrument =
                body.instrument() == null ? current.instrument() : instrument(check, body.instrument());
        Set<String> partners = body.partners() == null
                ? current.partners()
                : check.codes("partners", body.partners(), NAME_LENGTH, false);
        Optional<Integer> sessions =
                body.sessions() == null ? current.sessions() : number(check, "sessions", body.sessions(), 0, MAX_COUNT);
        Optional<String> lessons = body.lessonsLearned() == null
                ? current.lessonsLearned()
                : check.optional("lessonsLearned", body.lessonsLearned(), Check.TEXT_LENGTH);
        check.done();
        CollectiveActivity updated = new CollectiveActivity(
                current.id(),
                current.team(),
                title,
                current.stage(),
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
                lessons);
        activities.save(updated);
        return updated;
    }

    private Optional<FunderId> funder(Check check, String value) {
        Optional<String> funderId = check.optional("funder", value, Check.HOST_ID_LENGTH);
        if (funderId.isEmpty()) {
            return Optional.empty();
        }
        Optional<FunderId> funder = Problems.require(organisation).funders().stream()
                .map(Funder::id)
                .filter(id -> id.value().equals(funderId.get()))
                .findFirst();
        if (funder.isEmpty()) {
            check.add("funder", FieldCodes.OPTION);
        }
        return funder;
    }

    /** An option code of the instrument item; {@code anders} needs a name, the others take none. */
    private Optional<CollectiveActivity.ChosenInstrument> instrument(Check check, Bodies.Instrument body) {
        if (body == null) {
            return Optional.empty();
        }
        Optional<String> code = check.optional("instrument.code", body.code(), Check.CODE_LENGTH);
        Optional<String> otherName = check.optional("instrument.otherName", body.otherName(), NAME_LENGTH);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        if (instruments.stream().noneMatch(option -> option.code().equals(code.get()))) {
            check.add("instrument.code", FieldCodes.OPTION);
            return Optional.empty();
        }
        boolean other = CollectiveActivity.ChosenInstrument.OTHER.equals(code.get());
        if (other && otherName.isEmpty()) {
            check.add("instrument.otherName", FieldCodes.REQUIRED);
            return Optional.empty();
        }
        return Optional.of(new CollectiveActivity.ChosenInstrument(code.get(), other ? otherName : Optional.empty()));
    }

    /** Hours and euros; none when both are left out. */
    private static Optional<CollectiveActivity.Investment> investment(Check check, String field, Bodies.Budget body) {
        if (body == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> hours = check.amount(field + ".hours", body.hours(), ActivitiesResource.MAX_HOURS);
        Optional<BigDecimal> euros = check.amount(field + ".euros", body.euros(), ActivitiesResource.MAX_EUROS);
        if (hours.isEmpty() && euros.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CollectiveActivity.Investment(hours, euros));
    }

    private static Optional<CollectiveActivity.AnonymousCounts> counts(Check check, Bodies.Counts body) {
        Optional<Integer> participants = requiredNumber(check, "anonymous.participants", body.participants());
        Optional<Integer> measured = requiredNumber(check, "anonymous.measured", body.measured());
        Optional<Integer> helped = requiredNumber(check, "anonymous.helped", body.helped());
        if (participants.isEmpty() || measured.isEmpty() || helped.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        if (measured.get() > participants.get()) {
            check.add("anonymous.measured", "field.max", participants.get());
            ok = false;
        }
        if (helped.get() > measured.get()) {
            check.add("anonymous.helped", "field.max", measured.get());
            ok = false;
        }
        return ok
                ? Optional.of(new CollectiveActivity.AnonymousCounts(participants.get(), measured.get(), helped.get()))
                : Optional.empty();
    }

    private static Optional<Integer> requiredNumber(Check check, String field, Integer value) {
        if (value == null) {
            check.add(field, FieldCodes.REQUIRED);
            return Optional.empty();
        }
        return number(check, field, value, 0, MAX_COUNT);
    }

    private static Optional<Integer> number(Check check, String field, int value, int min, int max) {
        if (value < min || value > max) {
            check.add(field, FieldCodes.RANGE, min, max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The goals, each with a description and, optionally, its realisation; empty when there are too many. */
    private static Optional<List<CollectiveActivity.SmartGoal>> goals(Check check, List<Bodies.GoalUpdate> body) {
        if (body.size() > Check.MAX_ENTRIES) {
            check.add("goals", "field.count", Check.MAX_ENTRIES);
            return Optional.empty();
        }
        List<CollectiveActivity.SmartGoal> goals = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Bodies.GoalUpdate goal = body.get(i);
            String description = check.required(
                    "goals[" + i + "].description", goal == null ? null : goal.description(), Check.TEXT_LENGTH);
            Optional<CollectiveActivity.GoalRealisation> realisation = Optional.empty();
            if (goal != null && goal.realisation() != null) {
                try {
                    realisation = Optional.of(CollectiveActivity.GoalRealisation.valueOf(goal.realisation()));
                } catch (IllegalArgumentException unknown) {
                    check.add("goals[" + i + "].realisation", FieldCodes.OPTION);
                }
            }
            if (description != null) {
                goals.add(new CollectiveActivity.SmartGoal(description, realisation));
            }
        }
        return Optional.of(goals);
    }
}
