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
import nl.meerwaarde.api.store.ActivityStore;
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

    private final ActivityStore store;
    private final Organisation organisation;

    public ActivityRegistration(ActivityStore store, Organisation organisation) {
        this.store = store;
        this.organisation = organisation;
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
                goals);
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
                goals);
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
