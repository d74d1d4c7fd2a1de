package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.Bodies;
import nl.meerwaarde.web.internal.rest.StageMoves;
import nl.meerwaarde.web.internal.rest.Views;

/**
 * The detail of one collective activity: its stage among the seven of the reference model, goals, budget against
 * actual figures, participants (measured or not, each with a link to the impact form), stage history, and the forms
 * "Naar volgende fase" and "Deelnemer toevoegen".
 */
final class ActivityDetail {
    static final String STAGE_FORM = "stage-form";
    static final String PARTICIPANT_FORM = "participant-form";
    static final String UPDATE_FORM = "update-form";
    static final String SIGNAL_FORM = "signal-form";

    /** Most unclustered signals offered for clustering: the team's newest. */
    static final int SIGNAL_CHOICES = 100;

    /** Field of the update body → id of its control and key of its label. */
    private static final java.util.Map<String, String[]> UPDATE_FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("actual.hours", new String[] {"update-actualHours", "update.field.actualHours"}),
            java.util.Map.entry("actual.euros", new String[] {"update-actualEuros", "update.field.actualEuros"}),
            java.util.Map.entry(
                    "anonymous.participants",
                    new String[] {"update-anonParticipants", "update.field.anonParticipants"}),
            java.util.Map.entry(
                    "anonymous.measured", new String[] {"update-anonMeasured", "update.field.anonMeasured"}),
            java.util.Map.entry("anonymous.helped", new String[] {"update-anonHelped", "update.field.anonHelped"}),
            java.util.Map.entry(
                    "individualQuestionsAnswered",
                    new String[] {"update-individualQuestions", "update.field.individualQuestions"}),
            java.util.Map.entry(
                    "referrerSatisfaction",
                    new String[] {"update-referrerSatisfaction", "update.field.referrerSatisfaction"}),
            java.util.Map.entry("analysis", new String[] {"update-analysis", "update.field.analysis"}),
            java.util.Map.entry("instrument.code", new String[] {"update-instrument", "update.field.instrument"}),
            java.util.Map.entry(
                    "instrument.otherName", new String[] {"update-instrumentOther", "update.field.instrumentOther"}),
            java.util.Map.entry("partners", new String[] {"update-partners", "update.field.partners"}),
            java.util.Map.entry("sessions", new String[] {"update-sessions", "update.field.sessions"}),
            java.util.Map.entry(
                    "lessonsLearned", new String[] {"update-lessonsLearned", "update.field.lessonsLearned"}));

    private final ActivityPages.Services services;
    private final Subject.WorkerSubject worker;
    private final Messages messages;
    private final Links links;
    private final HttpServletRequest request;

    /** The instruments a plan may choose, read once per request (the catalog reads published definitions). */
    private List<AnswerOption> instruments;

    /** "Signaal koppelen": empty, or as posted with its errors. */
    private Form signalForm;

    ActivityDetail(
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
        this.signalForm = Form.empty(request, messages);
    }

    /** The page with the two forms as given (empty, or as posted with errors). */
    PageContent show(Form stageForm, Form participantForm) {
        String id = ActivityPages.segments(request).get(0);
        CollectiveActivity activity = services.moves().own(id, worker);
        return render(activity, stageForm, participantForm);
    }

    /** "Gegevens bijwerken": the registered figures, through the code path of {@code PATCH /v1/activities/{id}}. */
    PageContent update(String id) {
        CollectiveActivity activity = services.moves().own(id, worker);
        Form form = Form.posted(request, messages);
        List<InvalidInputException.FieldError> unreadable = new java.util.ArrayList<>();
        BigDecimal hours = FormInput.decimal(form, "actualHours", "actual.hours", unreadable);
        BigDecimal euros = FormInput.decimal(form, "actualEuros", "actual.euros", unreadable);
        int before = unreadable.size();
        Integer participants = FormInput.integer(form, "anonParticipants", "anonymous.participants", unreadable);
        Integer measured = FormInput.integer(form, "anonMeasured", "anonymous.measured", unreadable);
        Integer helped = FormInput.integer(form, "anonHelped", "anonymous.helped", unreadable);
        boolean countsRead = unreadable.size() == before;
        Integer questions = FormInput.integer(form, "individualQuestions", "individualQuestionsAnswered", unreadable);
        Integer satisfaction = FormInput.integer(form, "referrerSatisfaction", "referrerSatisfaction", unreadable);
        Integer sessions = FormInput.integer(form, "sessions", "sessions", unreadable);
        List<String> partners = form.value("partners") == null
                ? List.of()
                : form.value("partners")
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        List<Bodies.GoalUpdate> goals = null;
        if (!activity.goals().isEmpty()) {
            goals = new java.util.ArrayList<>();
            for (int i = 0; i < activity.goals().size(); i++) {
                goals.add(new Bodies.GoalUpdate(activity.goals().get(i).description(), form.text("goal-" + i)));
            }
        }
        boolean noCounts = participants == null && measured == null && helped == null;
        Bodies.ActivityUpdate body = new Bodies.ActivityUpdate(
                null,
                null,
                null,
                null,
                null,
                new Bodies.Budget(hours, euros),
                noCounts || !countsRead ? null : new Bodies.Counts(participants, measured, helped),
                questions,
                satisfaction,
                goals,
                Objects.requireNonNullElse(form.value("analysis"), ""),
                new Bodies.Instrument(form.text("instrument"), form.text("instrumentOther")),
                partners,
                sessions,
                Objects.requireNonNullElse(form.value("lessonsLearned"), ""));
        try {
            new nl.meerwaarde.web.internal.rest.ActivityRegistration(
                            services.activities(), services.organisation(), instruments())
                    .update(id, body, worker, unreadable);
        } catch (InvalidInputException invalid) {
            form.errors(invalid, this::locateUpdate);
            return render(activity, Form.empty(request, messages), Form.empty(request, messages), form)
                    .withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return PageContent.seeOther(
                links.href(ActivityPages.detailPath(activity.id()) + "?saved=details") + "#update-title");
    }

    private Form.Problem locateUpdate(String field) {
        if (field.matches("goals\\[\\d+].*")) {
            int index = Integer.parseInt(field.replaceAll("^goals\\[(\\d+)].*$", "$1"));
            return new Form.Problem("update-goal-" + index, messages.get("update.field.goalShort", index + 1), "");
        }
        String[] where = UPDATE_FIELDS.getOrDefault(field, new String[] {"update-actualHours", null});
        return new Form.Problem(where[0], where[1] == null ? "" : messages.get(where[1]), "");
    }

    PageContent move(String id) {
        StageMoves moves = services.moves();
        CollectiveActivity activity = moves.own(id, worker);
        Form form = Form.posted(request, messages);
        Bodies.StageMove body = new Bodies.StageMove(form.text("to"), form.text("skipReason"));
        int status;
        try {
            moves.move(activity, body, worker);
            return PageContent.seeOther(links.href(ActivityPages.detailPath(activity.id()) + "?saved=stage"));
        } catch (InvalidInputException invalid) {
            form.errors(invalid, this::locateStage);
            status = HttpServletResponse.SC_BAD_REQUEST;
        } catch (StageMoves.ConflictException conflict) {
            form.error("stage-to", messages.get("stage.field.to"), messages.get("problem.stageConflict.detail"));
            status = HttpServletResponse.SC_CONFLICT;
        }
        CollectiveActivity now = services.activities().find(activity.id()).orElse(activity);
        return render(now, form, Form.empty(request, messages), prefilled(now)).withStatus(status);
    }

    PageContent addParticipant(String id) {
        CollectiveActivity activity = services.moves().own(id, worker);
        Form form = Form.posted(request, messages);
        try {
            services.participants().add(activity, form.text("resident"));
            return PageContent.seeOther(
                    links.href(ActivityPages.detailPath(activity.id()) + "?saved=participant") + "#participants");
        } catch (InvalidInputException invalid) {
            form.errors(
                    invalid,
                    field -> new Form.Problem("participant-resident", messages.get("participant.field.resident"), ""));
            return render(activity, Form.empty(request, messages), form, prefilled(activity))
                    .withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /** "Signaal koppelen": clusters a signal of the team onto this activity, as {@code PUT /v1/signals/{id}/activity}. */
    PageContent clusterSignal(String id) {
        CollectiveActivity activity = services.moves().own(id, worker);
        Form form = Form.posted(request, messages);
        try {
            services.clustering().cluster(form.text("signal"), activity.id().toString(), worker);
            return PageContent.seeOther(
                    links.href(ActivityPages.detailPath(activity.id()) + "?saved=clustered") + "#signals");
        } catch (InvalidInputException invalid) {
            form.errors(invalid, field -> new Form.Problem("signal-choice", messages.get("signal.field.choice"), ""));
        } catch (javax.ws.rs.NotFoundException otherTeam) {
            form.error(
                    "signal-choice",
                    messages.get("signal.field.choice"),
                    messages.get(nl.meerwaarde.web.FieldCodes.OPTION));
        }
        signalForm = form;
        return render(activity, Form.empty(request, messages), Form.empty(request, messages), prefilled(activity))
                .withStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    private Form.Problem locateStage(String field) {
        if (StageMoves.FIELD_SKIP_REASON.equals(field)) {
            return new Form.Problem("stage-skipReason", messages.get("stage.field.skipReason"), "");
        }
        return new Form.Problem("stage-to", messages.get("stage.field.to"), "");
    }

    private PageContent render(CollectiveActivity activity, Form stageForm, Form participantForm) {
        return render(activity, stageForm, participantForm, prefilled(activity));
    }

    /** The update form showing the activity's registered figures. */
    private Form prefilled(CollectiveActivity activity) {
        Form form = Form.empty(request, messages);
        activity.actual()
                .flatMap(CollectiveActivity.Investment::hours)
                .ifPresent(v -> form.set("actualHours", List.of(v.toPlainString())));
        activity.actual()
                .flatMap(CollectiveActivity.Investment::euros)
                .ifPresent(v -> form.set("actualEuros", List.of(v.toPlainString())));
        activity.anonymous().ifPresent(counts -> {
            form.set("anonParticipants", List.of(String.valueOf(counts.participants())));
            form.set("anonMeasured", List.of(String.valueOf(counts.measured())));
            form.set("anonHelped", List.of(String.valueOf(counts.helped())));
        });
        activity.individualQuestionsAnswered().ifPresent(v -> form.set("individualQuestions", List.of(v.toString())));
        activity.referrerSatisfaction().ifPresent(v -> form.set("referrerSatisfaction", List.of(v.toString())));
        activity.analysis().ifPresent(v -> form.set("analysis", List.of(v)));
        activity.instrument().ifPresent(chosen -> {
            form.set("instrument", List.of(chosen.code()));
            chosen.otherName().ifPresent(name -> form.set("instrumentOther", List.of(name)));
        });
        if (!activity.partners().isEmpty()) {
            form.set("partners", List.of(String.join("\n", new java.util.TreeSet<>(activity.partners()))));
        }
        activity.sessions().ifPresent(v -> form.set("sessions", List.of(v.toString())));
        activity.lessonsLearned().ifPresent(v -> form.set("lessonsLearned", List.of(v)));
        for (int i = 0; i < activity.goals().size(); i++) {
            int index = i;
            activity.goals().get(i).realisation().ifPresent(r -> form.set("goal-" + index, List.of(r.name())));
        }
        return form;
    }

    private PageContent render(CollectiveActivity activity, Form stageForm, Form participantForm, Form updateForm) {
        List<Participation> participations = services.activities().participations(activity.id());
        List<StageChange> history = services.activities().stageChanges(activity.id());
        List<Views.NextStageView> next = services.moves().nextStages(activity, participations, history, messages);
        StringBuilder body = new StringBuilder(8192)
                .append(stageForm.summary())
                .append(participantForm.summary())
                .append(signalForm.summary())
                .append(updateForm.summary())
                .append(Notices.saved(request, messages))
                .append(facts(activity))
                .append(stages(activity.stage()))
                .append(goals(activity))
                .append(investment(activity))
                .append(updateForm(activity, updateForm))
                .append(participants(activity, participations, participantForm))
                .append(referrals(participations))
                .append(signals(activity))
                .append(nextStageForm(activity, next, stageForm))
                .append(history(history))
                .append(ActivityPages.backToList(messages, links));
        return PageContent.page(activity.title(), ActivitiesScreen.PATH, body.toString());
    }

    private String facts(CollectiveActivity activity) {
        StringBuilder html = new StringBuilder("<dl class=\"facts\">\n");
        fact(html, messages.get("activities.col.team"), services.teamNames().label(activity.team()));
        fact(
                html,
                messages.get("activities.col.stage"),
                messages.get("stage." + activity.stage().name()));
        fact(
                html,
                messages.get("activities.col.targetGroups"),
                activity.targetGroups().isEmpty()
                        ? messages.get("common.none")
                        : activity.targetGroups().stream()
                                .sorted()
                                .map(code ->
                                        messages.find("targetGroup." + code).orElse(code))
                                .collect(Collectors.joining(", ")));
        fact(
                html,
                messages.get("activities.col.startsOn"),
                activity.startsOn()
                        .map(day -> DateTimeFormatter.ofPattern("d MMMM uuuu", messages.locale())
                                .format(day))
                        .orElse(messages.get("activities.notPlanned")));
        fact(html, messages.get("activity.instrument"), instrumentLabel(activity));
        fact(
                html,
                messages.get("activity.partners"),
                activity.partners().isEmpty()
                        ? messages.get("common.none")
                        : String.join(", ", new java.util.TreeSet<>(activity.partners())));
        fact(
                html,
                messages.get("activity.sessions"),
                activity.sessions().map(String::valueOf).orElse(messages.get("common.none")));
        activity.analysis().ifPresent(text -> fact(html, messages.get("activity.analysis"), text));
        activity.lessonsLearned().ifPresent(text -> fact(html, messages.get("activity.lessonsLearned"), text));
        return html.append("</dl>\n").toString();
    }

    private String instrumentLabel(CollectiveActivity activity) {
        if (activity.instrument().isEmpty()) {
            return messages.get("activity.instrument.none");
        }
        CollectiveActivity.ChosenInstrument chosen = activity.instrument().get();
        if (chosen.otherName().isPresent()) {
            return chosen.otherName().get();
        }
        return instruments().stream()
                .filter(option -> option.code().equals(chosen.code()))
                .map(AnswerOption::display)
                .findFirst()
                .orElse(chosen.code());
    }

    /** Referrals onward (registered field 18) counted per partner: how many participants went where. */
    private List<AnswerOption> instruments() {
        if (instruments == null) {
            instruments = services.instrumentOptions();
        }
        return instruments;
    }

    private String referrals(List<Participation> participations) {
        List<Views.ReferralCount> perPartner = Views.ReferralCount.of(participations);
        StringBuilder html = new StringBuilder(1024)
                .append("<h2 id=\"referrals\" tabindex=\"-1\">")
                .append(escape(messages.get("activity.referrals")))
                .append("</h2>\n");
        if (perPartner.isEmpty()) {
            return html.append(Layout.paragraph(messages.get("activity.referrals.none")))
                    .toString();
        }
        html.append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"referrals-caption\""
                        + " tabindex=\"0\">\n<table>\n<caption id=\"referrals-caption\">")
                .append(escape(messages.get("activity.referrals.caption")))
                .append("</caption>\n<thead>\n<tr><th scope=\"col\">")
                .append(escape(messages.get("activity.referrals.col.partner")))
                .append("</th><th scope=\"col\" class=\"number\">")
                .append(escape(messages.get("activity.referrals.col.count")))
                .append("</th></tr>\n</thead>\n<tbody>\n");
        perPartner.forEach(referral -> html.append("<tr><th scope=\"row\">")
                .append(escape(referral.partner()))
                .append("</th><td class=\"number\">")
                .append(referral.participants())
                .append("</td></tr>\n"));
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    /** The signals clustered onto this activity, and the form to cluster another of the team's signals. */
    private String signals(CollectiveActivity activity) {
        StringBuilder html = new StringBuilder(2048)
                .append("<h2 id=\"signals\" tabindex=\"-1\">")
                .append(escape(messages.get("activity.signals")))
                .append("</h2>\n");
        if (services.signals() == null) {
            return html.append(Layout.paragraph(messages.get("page.unavailable.text")))
                    .toString();
        }
        List<Signal> clustered = services.signals().ofActivity(activity.id());
        if (clustered.isEmpty()) {
            html.append(Layout.paragraph(messages.get("activity.signals.none")));
        } else {
            html.append("<ul class=\"signals\">\n");
            for (Signal signal : clustered) {
                html.append("<li>").append(escape(signalLabel(signal))).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        List<Form.Option> choices = services.signals().unclustered(List.of(activity.team()), SIGNAL_CHOICES).stream()
                .map(signal -> new Form.Option(signal.id().toString(), signalLabel(signal)))
                .toList();
        if (choices.isEmpty() && !signalForm.hasErrors()) {
            return html.append(Layout.paragraph(messages.get("activity.signals.noneLeft")))
                    .toString();
        }
        return html.append("<h3>")
                .append(escape(messages.get("activity.signals.cluster")))
                .append("</h3>\n")
                .append(signalForm.open(links.href(ActivityPages.detailPath(activity.id()) + "/signals"), SIGNAL_FORM))
                .append(signalForm.select(
                        "signal",
                        "signal-choice",
                        messages.get("signal.field.choice"),
                        messages.get("signal.hint.choice"),
                        choices,
                        messages.get("signal.choose")))
                .append(signalForm.submit("signal-submit", messages.get("activity.signals.submit")))
                .append("</form>\n")
                .toString();
    }

    /** A signal as a worker recognises it: date, type and who reported it (never the question or the resident). */
    private String signalLabel(Signal signal) {
        String day =
                DateTimeFormatter.ofPattern("d MMMM uuuu", messages.locale()).format(signal.registeredOn());
        String type = signal.type();
        return signal.referrer() == null || signal.referrer().isBlank()
                ? messages.get("activity.signals.label", day, type)
                : messages.get("activity.signals.labelReferrer", day, type, signal.referrer());
    }

    private static void fact(StringBuilder html, String term, String value) {
        html.append("<dt>")
                .append(escape(term))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>\n");
    }

    /** The seven stages as a step list; the current one is marked for assistive technology and in text. */
    private String stages(Stage current) {
        StringBuilder html = new StringBuilder(1024)
                .append("<h2 id=\"stages-title\">")
                .append(escape(messages.get("activity.stages")))
                .append("</h2>\n<ol class=\"stages\" aria-labelledby=\"stages-title\">\n");
        for (Stage stage : Stage.values()) {
            String state = stage == current ? "current" : stage.ordinal() < current.ordinal() ? "done" : "todo";
            html.append("<li class=\"stages__step stages__step--")
                    .append(state)
                    .append('"')
                    .append(stage == current ? " aria-current=\"step\"" : "")
                    .append('>')
                    .append(escape(messages.get("stage." + stage.name())))
                    .append(" <span class=\"stages__state\">(")
                    .append(escape(messages.get("activity.stage." + state)))
                    .append(")</span></li>\n");
        }
        return html.append("</ol>\n").toString();
    }

    private String goals(CollectiveActivity activity) {
        StringBuilder html = new StringBuilder("<h2>")
                .append(escape(messages.get("activity.goals")))
                .append("</h2>\n");
        if (activity.goals().isEmpty()) {
            return html.append(Layout.paragraph(messages.get("activity.goals.none")))
                    .toString();
        }
        html.append("<ul class=\"goals\">\n");
        for (CollectiveActivity.SmartGoal goal : activity.goals()) {
            html.append("<li>")
                    .append(escape(goal.description()))
                    .append(" <span class=\"goals__realisation\">(")
                    .append(escape(goal.realisation()
                            .map(r -> messages.get("goal." + r.name()))
                            .orElse(messages.get("goal.open"))))
                    .append(")</span></li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    private String investment(CollectiveActivity activity) {
        StringBuilder html = new StringBuilder(1024)
                .append(
                        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"budget-caption\" tabindex=\"0\">\n")
                .append("<table>\n<caption id=\"budget-caption\">")
                .append(escape(messages.get("activity.budget.caption")))
                .append("</caption>\n<thead>\n<tr><td></td><th scope=\"col\">")
                .append(escape(messages.get("activity.budget.planned")))
                .append("</th><th scope=\"col\">")
                .append(escape(messages.get("activity.budget.actual")))
                .append("</th></tr>\n</thead>\n<tbody>\n");
        row(
                html,
                messages.get("activity.budget.hours"),
                activity.budget().flatMap(CollectiveActivity.Investment::hours),
                activity.actual().flatMap(CollectiveActivity.Investment::hours),
                false);
        row(
                html,
                messages.get("activity.budget.euros"),
                activity.budget().flatMap(CollectiveActivity.Investment::euros),
                activity.actual().flatMap(CollectiveActivity.Investment::euros),
                true);
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    private void row(
            StringBuilder html, String what, Optional<BigDecimal> planned, Optional<BigDecimal> actual, boolean euros) {
        html.append("<tr><th scope=\"row\">")
                .append(escape(what))
                .append("</th><td>")
                .append(escape(amount(planned, euros)))
                .append("</td><td>")
                .append(escape(amount(actual, euros)))
                .append("</td></tr>\n");
    }

    private String amount(Optional<BigDecimal> value, boolean euros) {
        if (value.isEmpty()) {
            return messages.get("common.notRegistered");
        }
        java.text.NumberFormat format = euros
                ? java.text.NumberFormat.getCurrencyInstance(
                        java.util.Locale.forLanguageTag(messages.locale().getLanguage() + "-NL"))
                : java.text.NumberFormat.getNumberInstance(messages.locale());
        if (euros) {
            format.setCurrency(java.util.Currency.getInstance("EUR"));
        }
        return format.format(value.get());
    }

    private String updateForm(CollectiveActivity activity, Form form) {
        StringBuilder counts = new StringBuilder(1024)
                .append(form.input(
                        "anonParticipants",
                        "update-anonParticipants",
                        messages.get("update.field.anonParticipants"),
                        null,
                        "input--short"))
                .append(form.input(
                        "anonMeasured",
                        "update-anonMeasured",
                        messages.get("update.field.anonMeasured"),
                        null,
                        "input--short"))
                .append(form.input(
                        "anonHelped",
                        "update-anonHelped",
                        messages.get("update.field.anonHelped"),
                        null,
                        "input--short"));
        StringBuilder html = new StringBuilder(4096)
                .append("<h2 id=\"update-title\" tabindex=\"-1\">")
                .append(escape(messages.get("update.title")))
                .append("</h2>\n")
                .append(Layout.paragraph(messages.get("update.intro")))
                .append(form.open(links.href(ActivityPages.detailPath(activity.id()) + "/update"), UPDATE_FORM))
                .append(form.fieldset("update-plan", messages.get("update.plan"), null, planFields(form)))
                .append(form.input(
                        "actualHours",
                        "update-actualHours",
                        messages.get("update.field.actualHours"),
                        messages.get("activity.hint.amount"),
                        "input--short"))
                .append(form.input(
                        "actualEuros",
                        "update-actualEuros",
                        messages.get("update.field.actualEuros"),
                        messages.get("activity.hint.amount"),
                        "input--short"))
                .append(form.fieldset(
                        "update-anonymous",
                        messages.get("update.anonymous"),
                        messages.get("update.hint.anonymous"),
                        counts.toString()))
                .append(form.input(
                        "individualQuestions",
                        "update-individualQuestions",
                        messages.get("update.field.individualQuestions"),
                        null,
                        "input--short"))
                .append(form.input(
                        "referrerSatisfaction",
                        "update-referrerSatisfaction",
                        messages.get("update.field.referrerSatisfaction"),
                        messages.get("update.hint.referrerSatisfaction"),
                        "input--short"))
                .append(form.input(
                        "sessions", "update-sessions", messages.get("update.field.sessions"), null, "input--short"));
        List<Form.Option> realisations = java.util.Arrays.stream(CollectiveActivity.GoalRealisation.values())
                .map(r -> new Form.Option(r.name(), messages.get("goal." + r.name())))
                .toList();
        for (int i = 0; i < activity.goals().size(); i++) {
            html.append(form.select(
                    "goal-" + i,
                    "update-goal-" + i,
                    messages.get("update.field.goal", activity.goals().get(i).description()),
                    null,
                    realisations,
                    messages.get("goal.open")));
        }
        html.append(form.textarea(
                "lessonsLearned",
                "update-lessonsLearned",
                messages.get("update.field.lessonsLearned"),
                messages.get("update.hint.lessonsLearned"),
                4));
        return html.append(form.submit("update-submit", messages.get("update.submit")))
                .append("</form>\n")
                .toString();
    }

    /** Analysis and plan: the analysis, the chosen instrument (a name when "other") and the partners. */
    private String planFields(Form form) {
        List<Form.Option> instruments = instruments().stream()
                .map(option -> new Form.Option(option.code(), option.display()))
                .toList();
        return form.textarea(
                        "analysis",
                        "update-analysis",
                        messages.get("update.field.analysis"),
                        messages.get("update.hint.analysis"),
                        4)
                + form.select(
                        "instrument",
                        "update-instrument",
                        messages.get("update.field.instrument"),
                        null,
                        instruments,
                        messages.get("activity.instrument.none"))
                + form.input(
                        "instrumentOther",
                        "update-instrumentOther",
                        messages.get("update.field.instrumentOther"),
                        messages.get("update.hint.instrumentOther"),
                        null)
                + form.textarea(
                        "partners",
                        "update-partners",
                        messages.get("update.field.partners"),
                        messages.get("update.hint.partners"),
                        3);
    }

    private String participants(CollectiveActivity activity, List<Participation> participations, Form form) {
        StringBuilder html = new StringBuilder(2048)
                .append("<h2 id=\"participants\" tabindex=\"-1\">")
                .append(escape(messages.get("activity.participants")))
                .append("</h2>\n");
        if (participations.isEmpty()) {
            html.append(Layout.paragraph(messages.get("activity.participants.none")));
        } else {
            html.append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"participants-caption\""
                            + " tabindex=\"0\">\n<table>\n<caption id=\"participants-caption\">")
                    .append(escape(messages.get("activity.participants.caption", participations.size())))
                    .append("</caption>\n<thead>\n<tr><th scope=\"col\">")
                    .append(escape(messages.get("activity.participants.col.resident")))
                    .append("</th><th scope=\"col\">")
                    .append(escape(messages.get("activity.participants.col.measured")))
                    .append("</th><th scope=\"col\">")
                    .append(escape(messages.get("activity.participants.col.impact")))
                    .append("</th></tr>\n</thead>\n<tbody>\n");
            for (Participation participation : participations) {
                String residentId = participation.resident().value();
                String name = Optional.ofNullable(services.residents())
                        .flatMap(r -> r.find(participation.resident()))
                        .map(Resident::displayName)
                        .map(display -> display + " (" + residentId + ")")
                        .orElse(residentId);
                boolean measured = participation.measurement().isPresent();
                html.append("<tr><th scope=\"row\">")
                        .append(escape(name))
                        .append("</th><td>")
                        .append(escape(messages.get(measured ? "common.yes" : "common.no")))
                        .append("</td><td><a href=\"")
                        .append(escape(links.href(
                                ActivityPages.impactPath(activity.id().toString(), residentId))))
                        .append("\">")
                        .append(escape(messages.get(measured ? "activity.impact.edit" : "activity.impact.fill", name)))
                        .append("</a></td></tr>\n");
            }
            html.append("</tbody>\n</table>\n</div>\n");
        }
        html.append("<h3>")
                .append(escape(messages.get("participant.title")))
                .append("</h3>\n")
                .append(form.open(
                        links.href(ActivityPages.detailPath(activity.id()) + "/participants"), PARTICIPANT_FORM))
                .append(form.input(
                        "resident",
                        "participant-resident",
                        messages.get("participant.field.resident"),
                        messages.get("participant.hint.resident"),
                        "input--short"))
                .append(form.submit("participant-submit", messages.get("participant.submit")))
                .append("</form>\n");
        return html.toString();
    }

    private String nextStageForm(CollectiveActivity activity, List<Views.NextStageView> next, Form form) {
        StringBuilder html = new StringBuilder(2048)
                .append("<h2>")
                .append(escape(messages.get("stage.form.title")))
                .append("</h2>\n");
        if (next.isEmpty()) {
            return html.append(Layout.paragraph(
                            messages.get(activity.stage() == Stage.CLOSED ? "stage.form.closed" : "stage.form.none")))
                    .toString();
        }
        List<Form.Option> options = next.stream()
                .map(stage -> new Form.Option(
                        stage.stage(),
                        stage.needsSkipReason()
                                ? messages.get("stage.option.needsReason", stage.title())
                                : stage.title()))
                .toList();
        boolean anyNeedsReason = next.stream().anyMatch(Views.NextStageView::needsSkipReason);
        html.append(form.open(links.href(ActivityPages.detailPath(activity.id()) + "/stage"), STAGE_FORM))
                .append(form.select(
                        "to",
                        "stage-to",
                        messages.get("stage.field.to"),
                        messages.get("stage.hint.to"),
                        options,
                        messages.get("form.choose")));
        if (anyNeedsReason || form.text("skipReason") != null || form.hasErrors()) {
            html.append(form.textarea(
                    "skipReason",
                    "stage-skipReason",
                    messages.get("stage.field.skipReason"),
                    messages.get("stage.hint.skipReason"),
                    3));
        }
        return html.append(form.submit("stage-submit", messages.get("stage.submit")))
                .append("</form>\n")
                .toString();
    }

    private String history(List<StageChange> changes) {
        StringBuilder html = new StringBuilder(2048)
                .append("<h2>")
                .append(escape(messages.get("activity.history")))
                .append("</h2>\n");
        if (changes.isEmpty()) {
            return html.append(Layout.paragraph(messages.get("activity.history.none")))
                    .toString();
        }
        html.append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"history-caption\" tabindex=\"0\">\n"
                        + "<table>\n<caption id=\"history-caption\">")
                .append(escape(messages.get("activity.history.caption")))
                .append("</caption>\n<thead>\n<tr>");
        for (String column : List.of("at", "from", "to", "skipped", "by")) {
            html.append("<th scope=\"col\">")
                    .append(escape(messages.get("activity.history.col." + column)))
                    .append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm", messages.locale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        for (StageChange change : changes) {
            String skipped = change.skipped().isEmpty()
                    ? messages.get("common.none")
                    : change.skipped().stream()
                                    .sorted()
                                    .map(stage -> messages.get("stage." + stage.name()))
                                    .collect(Collectors.joining(", "))
                            + change.reason().map(r -> " — " + r).orElse("");
            html.append("<tr><td><time datetime=\"")
                    .append(escape(change.at().toString()))
                    .append("\">")
                    .append(escape(when.format(change.at())))
                    .append("</time></td><td>")
                    .append(escape(messages.get("stage." + change.from().name())))
                    .append("</td><td>")
                    .append(escape(messages.get("stage." + change.to().name())))
                    .append("</td><td>")
                    .append(escape(skipped))
                    .append("</td><td>")
                    .append(escape(change.by()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }
}
