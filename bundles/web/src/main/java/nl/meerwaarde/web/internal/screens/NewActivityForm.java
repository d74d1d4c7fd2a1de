package nl.meerwaarde.web.internal.screens;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.ActivityRegistration;
import nl.meerwaarde.web.internal.rest.Bodies;

/**
 * "Nieuwe activiteit" at {@code /meerwaarde/activities/new}: title, team, target groups, start date, budget and up to
 * three SMART goals. Saved through {@link ActivityRegistration}, the code path of {@code POST /api/v1/activities};
 * saved: 303 to the new activity's detail; invalid: 400 with the form as entered and its errors, nothing saved.
 */
final class NewActivityForm {
    static final String PATH = ActivitiesScreen.PATH + "/new";
    static final int GOALS = 3;

    /** Field of the request body → id of its control. */
    private static final Map<String, String> IDS = Map.of(
            "title", "activity-title",
            "team", "activity-team",
            "targetGroups", "activity-targetGroups",
            "startsOn", "activity-startsOn",
            "budget.hours", "activity-budgetHours",
            "budget.euros", "activity-budgetEuros");

    private static final Map<String, String> LABELS = Map.of(
            "title", "activity.field.title",
            "team", "activity.field.team",
            "targetGroups", "activity.field.targetGroups",
            "startsOn", "activity.field.startsOn",
            "budget.hours", "activity.field.budgetHours",
            "budget.euros", "activity.field.budgetEuros");

    private final ActivityPages.Services services;
    private final Subject.WorkerSubject worker;
    private final Messages messages;
    private final Links links;
    private final HttpServletRequest request;

    /** The goal field each goal of the body came from (blank ones are left out). */
    private final List<Integer> goalFields = new ArrayList<>();

    NewActivityForm(
            ActivityPages.Services services,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links,
            HttpServletRequest request) {
        this.services = services;
        this.worker = worker;
        this.messages = messages;
        this.links = links;
        this.request = request;
    }

    PageContent show() {
        Form form = Form.empty(request, messages);
        if (worker.teams().size() == 1) {
            form.set("team", List.of(worker.teams().iterator().next().value()));
        }
        return page(form);
    }

    PageContent save() {
        Form form = Form.posted(request, messages);
        List<FieldError> unreadable = new ArrayList<>();
        java.time.LocalDate startsOn = FormInput.date(form, "startsOn", "startsOn", unreadable);
        BigDecimal hours = FormInput.decimal(form, "budgetHours", "budget.hours", unreadable);
        BigDecimal euros = FormInput.decimal(form, "budgetEuros", "budget.euros", unreadable);
        List<String> entered = form.values("goal");
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < Math.min(GOALS, entered.size()); i++) {
            if (entered.get(i) != null && !entered.get(i).isBlank()) {
                goals.add(entered.get(i));
                goalFields.add(i);
            }
        }
        Bodies.NewActivity body = new Bodies.NewActivity(
                form.text("title"),
                form.text("team"),
                null,
                form.values("targetGroups").stream().filter(v -> !v.isBlank()).toList(),
                null,
                startsOn,
                hours == null && euros == null ? null : new Bodies.Budget(hours, euros),
                goals.stream().map(Bodies.Goal::new).toList(),
                null,
                null,
                null);
        CollectiveActivity saved;
        try {
            saved = services.registration().create(body, worker, unreadable);
        } catch (InvalidInputException invalid) {
            form.errors(invalid, this::locate);
            return page(form).withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return PageContent.seeOther(links.href(ActivityPages.detailPath(saved.id()) + "?saved=activity"));
    }

    /** The control and label an error is about; a goal's error is on the n-th non-blank goal field. */
    private Form.Problem locate(String field) {
        if (field.matches("goals\\[\\d+].*")) {
            int index = Integer.parseInt(field.replaceAll("^goals\\[(\\d+)].*$", "$1"));
            int position = index < goalFields.size() ? goalFields.get(index) : 0;
            return new Form.Problem("activity-goal-" + position, messages.get("activity.field.goal", position + 1), "");
        }
        String name = field.replaceAll("\\[.*$", "");
        String id = IDS.getOrDefault(name, "activity-title");
        String label = LABELS.containsKey(name) ? messages.get(LABELS.get(name)) : "";
        return new Form.Problem(id, label, "");
    }

    private PageContent page(Form form) {
        List<Form.Option> teams = worker.teams().stream()
                .map(team -> new Form.Option(team.value(), services.teamNames().label(team)))
                .sorted(Comparator.comparing(Form.Option::label))
                .toList();
        List<Form.Option> groups = SignalFormPage.TARGET_GROUPS.stream()
                .map(code -> new Form.Option(
                        code, messages.find("targetGroup." + code).orElse(code)))
                .toList();
        StringBuilder body = new StringBuilder(4096)
                .append(form.summary())
                .append(Layout.paragraph(messages.get("activity.new.intro")))
                .append(form.open(links.href(PATH), "activity-form"))
                .append(form.input("title", "activity-title", messages.get("activity.field.title"), null, null))
                .append(form.select(
                        "team",
                        "activity-team",
                        messages.get("activity.field.team"),
                        null,
                        teams,
                        teams.size() == 1 ? null : messages.get("form.choose")))
                .append(form.checkboxes(
                        "targetGroups",
                        "activity-targetGroups",
                        messages.get("activity.field.targetGroups"),
                        null,
                        groups))
                .append(form.input(
                        "startsOn",
                        "activity-startsOn",
                        messages.get("activity.field.startsOn"),
                        messages.get("activity.hint.startsOn"),
                        "input--short"))
                .append(form.input(
                        "budgetHours",
                        "activity-budgetHours",
                        messages.get("activity.field.budgetHours"),
                        messages.get("activity.hint.amount"),
                        "input--short"))
                .append(form.input(
                        "budgetEuros",
                        "activity-budgetEuros",
                        messages.get("activity.field.budgetEuros"),
                        messages.get("activity.hint.amount"),
                        "input--short"));
        List<String> goals = form.values("goal");
        for (int i = 0; i < GOALS; i++) {
            body.append(form.input(
                    "goal",
                    "activity-goal-" + i,
                    messages.get("activity.field.goal", i + 1),
                    i == 0 ? messages.get("activity.hint.goal") : null,
                    null,
                    i < goals.size() ? goals.get(i) : null));
        }
        body.append(form.submit("activity-submit", messages.get("activity.new.submit")))
                .append("</form>\n")
                .append(ActivityPages.backToList(messages, links));
        return PageContent.page(messages.get("activity.new.title"), ActivitiesScreen.PATH, body.toString());
    }
}
