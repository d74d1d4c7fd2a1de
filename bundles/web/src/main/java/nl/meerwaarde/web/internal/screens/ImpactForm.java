package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.Bodies;
import nl.meerwaarde.web.internal.rest.ImpactMeasurements;

/**
 * The impact form of one participant, rendered from the {@value ImpactMeasurements#QUESTIONNAIRE} questionnaire
 * definition (the version the earlier answers were given under, else the latest): a yes/no question as radio buttons,
 * a number as a short text field (so that the server's message, not the browser's, explains a wrong value), choices
 * as checkboxes or radio buttons, texts as text areas; a repeating text ("uitspraken") gets several. An explanation
 * that belongs to a question (its enableWhen names the question just before) stands beside it: the numbers and the
 * story side by side ("tellen en vertellen"). Saved through {@link ImpactMeasurements}, the code path of {@code PUT
 * .../impact}: the same validation, the same messages on the same fields.
 *
 * <p>Item texts are the definition's (Dutch); in English the messages {@code questionnaire.<id>.<linkId>} (and
 * {@code .<linkId>.<code>} for options) are used when they exist.
 */
final class ImpactForm {
    static final String FORM_ID = "impact-form";
    static final String VERSION_FIELD = "questionnaireVersion";

    private final ActivityPages.Services services;
    private final Subject.WorkerSubject worker;
    private final Messages messages;
    private final Links links;
    private final HttpServletRequest request;
    private final String activityId;
    private final String residentId;

    ImpactForm(
            ActivityPages.Services services,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links,
            HttpServletRequest request,
            String activityId,
            String residentId) {
        this.services = services;
        this.worker = worker;
        this.messages = messages;
        this.links = links;
        this.request = request;
        this.activityId = activityId;
        this.residentId = residentId;
    }

    PageContent show() {
        ImpactMeasurements measurements = services.measurements();
        CollectiveActivity activity = services.moves().own(activityId, worker);
        String name = participant(activity);
        Optional<ImpactMeasurements.Measurement> earlier = measurements.read(activityId, residentId, worker);
        Form form = Form.empty(request, messages);
        Questionnaire questionnaire = measurements.questionnaire(
                earlier.map(m -> m.response().questionnaire().version()).orElse(null));
        earlier.ifPresent(m -> fill(form, m.response()));
        return render(activity, name, questionnaire, form);
    }

    PageContent save() {
        ImpactMeasurements measurements = services.measurements();
        CollectiveActivity activity = services.moves().own(activityId, worker);
        String name = participant(activity);
        Form form = Form.posted(request, messages);
        Integer version = version(form.text(VERSION_FIELD));
        Questionnaire questionnaire;
        try {
            questionnaire = measurements.questionnaire(version);
        } catch (InvalidInputException unknownVersion) {
            questionnaire = measurements.questionnaire(null);
        }
        List<Bodies.AnswerBody> answers = new ArrayList<>();
        collect(questionnaire.items(), "", form, answers);
        try {
            measurements.save(
                    activityId,
                    residentId,
                    new Bodies.Answers(questionnaire.ref().version(), answers),
                    worker);
        } catch (InvalidInputException invalid) {
            Questionnaire shown = questionnaire;
            form.errors(invalid, field -> locate(shown, field));
            return render(activity, name, questionnaire, form).withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return PageContent.seeOther(
                links.href(ActivityPages.detailPath(activity.id()) + "?saved=impact") + "#participants");
    }

    /** The participant's name for the heading; 404 when the resident neither takes part nor is known to the host. */
    private String participant(CollectiveActivity activity) {
        ResidentId resident;
        try {
            resident = new ResidentId(residentId);
        } catch (IllegalArgumentException e) {
            throw new javax.ws.rs.NotFoundException();
        }
        boolean taking = services.activities().participations(activity.id()).stream()
                .anyMatch(p -> p.resident().equals(resident));
        Optional<Resident> known = Optional.ofNullable(services.residents()).flatMap(r -> r.find(resident));
        if (!taking && known.isEmpty()) {
            throw new javax.ws.rs.NotFoundException();
        }
        return known.map(r -> r.displayName() + " (" + residentId + ")").orElse(residentId);
    }

    private static Integer version(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The earlier answers as form values. */
    private static void fill(Form form, QuestionnaireResponse response) {
        for (QuestionnaireResponse.Answer answer : response.answers()) {
            form.set(
                    answer.linkId(),
                    answer.values().stream()
                            .map(ImpactMeasurements::plain)
                            .map(String::valueOf)
                            .toList());
        }
    }

    /** The answers the form gives, typed as the validator expects; blank fields are no answer. */
    private static void collect(List<Item> items, String prefix, Form form, List<Bodies.AnswerBody> answers) {
        for (Item item : items) {
            String path = prefix + item.linkId();
            if (item.type() == ItemType.GROUP) {
                if (!item.repeats()) {
                    collect(item.items(), path + ".", form, answers);
                }
                continue;
            }
            if (item.type() == ItemType.DISPLAY) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String entered : form.values(path)) {
                if (entered == null || entered.isBlank()) {
                    continue;
                }
                values.add(typed(item.type(), entered.strip()));
            }
            if (!values.isEmpty()) {
                answers.add(new Bodies.AnswerBody(path, values));
            }
        }
    }

    /** The value as its type; what does not parse stays text, so that the validator names it (field.type). */
    static Object typed(ItemType type, String entered) {
        switch (type) {
            case BOOLEAN:
                return "true".equals(entered) ? Boolean.TRUE : "false".equals(entered) ? Boolean.FALSE : entered;
            case INTEGER:
                try {
                    return Long.valueOf(entered);
                } catch (NumberFormatException e) {
                    return entered;
                }
            case DECIMAL:
                try {
                    return new BigDecimal(entered.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return entered;
                }
            case CHOICE:
                return new Coding(entered);
            default:
                return entered;
        }
    }

    static String controlId(String path) {
        return "impact-" + path.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The control and label an error's answer path is about; anything else goes to the first question. */
    private Form.Problem locate(Questionnaire questionnaire, String field) {
        Map<String, Item> paths = new LinkedHashMap<>();
        index(questionnaire.items(), "", paths);
        String path = field.replaceAll("\\[\\d+]$", "");
        Item item = paths.get(path);
        if (item == null) {
            Map.Entry<String, Item> first = paths.entrySet().iterator().next();
            return new Form.Problem(
                    controlId(first.getKey()), label(questionnaire, first.getKey(), first.getValue()), "");
        }
        return new Form.Problem(controlId(path), label(questionnaire, path, item), "");
    }

    private static void index(List<Item> items, String prefix, Map<String, Item> paths) {
        for (Item item : items) {
            String path = prefix + item.linkId();
            if (item.type() == ItemType.GROUP) {
                if (!item.repeats()) {
                    index(item.items(), path + ".", paths);
                }
            } else if (item.type() != ItemType.DISPLAY) {
                paths.put(path, item);
            }
        }
    }

    private String label(Questionnaire questionnaire, String path, Item item) {
        if (Languages.ENGLISH.equals(messages.locale())) {
            return messages.find("questionnaire." + questionnaire.ref().id() + "." + path)
                    .orElse(item.text());
        }
        return item.text();
    }

    private String optionLabel(Questionnaire questionnaire, String path, String code, String display) {
        if (Languages.ENGLISH.equals(messages.locale())) {
            return messages.find("questionnaire." + questionnaire.ref().id() + "." + path + "." + code)
                    .orElse(display);
        }
        return display;
    }

    private PageContent render(CollectiveActivity activity, String name, Questionnaire questionnaire, Form form) {
        StringBuilder body = new StringBuilder(8192)
                .append(form.summary())
                .append("<p class=\"lead\">")
                .append(escape(messages.get("impact.activity", activity.title())))
                .append("</p>\n")
                .append(Layout.paragraph(messages.get("impact.intro")))
                .append(form.open(
                        links.href(ActivityPages.impactPath(activity.id().toString(), residentId)), FORM_ID))
                .append(form.hidden(
                        VERSION_FIELD, String.valueOf(questionnaire.ref().version())));
        items(questionnaire, questionnaire.items(), "", form, body);
        body.append(form.submit("impact-submit", messages.get("impact.submit")))
                .append("</form>\n<p><a href=\"")
                .append(escape(links.href(ActivityPages.detailPath(activity.id()))))
                .append("\">")
                .append(escape(messages.get("impact.back", activity.title())))
                .append("</a></p>\n");
        return PageContent.page(messages.get("impact.title", name), ActivitiesScreen.PATH, body.toString());
    }

    private void items(Questionnaire questionnaire, List<Item> items, String prefix, Form form, StringBuilder body) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Item next = i + 1 < items.size() ? items.get(i + 1) : null;
            boolean paired = next != null
                    && item.type() != ItemType.TEXT
                    && item.type() != ItemType.GROUP
                    && next.type() == ItemType.TEXT
                    && !next.repeats()
                    && next.enableWhen().stream().anyMatch(w -> w.question().equals(item.linkId()));
            if (paired) {
                body.append("<div class=\"pair\">\n<div class=\"pair__count\">\n");
                body.append(item(questionnaire, item, prefix, form));
                body.append("</div>\n<div class=\"pair__tell\">\n");
                body.append(item(questionnaire, next, prefix, form));
                body.append("</div>\n</div>\n");
                i++;
            } else {
                body.append(item(questionnaire, item, prefix, form));
            }
        }
    }

    private String item(Questionnaire questionnaire, Item item, String prefix, Form form) {
        String path = prefix + item.linkId();
        String id = controlId(path);
        String label = label(questionnaire, path, item);
        String hint = hint(questionnaire, item, prefix);
        switch (item.type()) {
            case GROUP: {
                if (item.repeats()) {
                    return Layout.paragraph(messages.get("impact.repeatingGroup", label));
                }
                StringBuilder inner = new StringBuilder();
                items(questionnaire, item.items(), path + ".", form, inner);
                return "<fieldset class=\"fieldset group\">\n<legend>" + escape(label) + "</legend>\n" + inner
                        + "</fieldset>\n";
            }
            case DISPLAY:
                return Layout.paragraph(label);
            case BOOLEAN:
                return form.radios(
                        path,
                        id,
                        label,
                        hint,
                        List.of(
                                new Form.Option("true", messages.get("common.yes")),
                                new Form.Option("false", messages.get("common.no"))));
            case CHOICE: {
                List<Form.Option> options = item.options().stream()
                        .map(o -> new Form.Option(o.code(), optionLabel(questionnaire, path, o.code(), o.display())))
                        .toList();
                return item.repeats()
                        ? form.checkboxes(path, id, label, hint, options)
                        : form.radios(path, id, label, hint, options);
            }
            case INTEGER:
            case DECIMAL:
            case DATE:
                return form.input(path, id, label, hint, "input--short");
            case STRING:
            case TEXT:
            default: {
                if (!item.repeats()) {
                    return item.type() == ItemType.TEXT
                            ? form.textarea(path, id, label, hint, 4)
                            : form.input(path, id, label, hint, null);
                }
                List<String> entered = form.values(path).stream()
                        .filter(v -> v != null && !v.isBlank())
                        .toList();
                int slots = Math.max(item.type() == ItemType.TEXT ? 3 : 2, entered.size() + 1);
                StringBuilder controls = new StringBuilder();
                for (int n = 0; n < slots; n++) {
                    String slotId = n == 0 ? id : id + "-" + n;
                    int number = n + 1;
                    String slotLabel = messages.find(
                                    "questionnaire." + questionnaire.ref().id() + "." + path + ".item", number)
                            .orElseGet(() -> messages.get("form.repeat.item", number));
                    String shown = n < entered.size() ? entered.get(n) : null;
                    controls.append(
                            item.type() == ItemType.TEXT
                                    ? form.textarea(path, slotId, slotLabel, null, 3, shown)
                                    : form.input(path, slotId, slotLabel, null, null, shown));
                }
                return form.fieldset(id + "-group", label, hint, controls.toString());
            }
        }
    }

    /** What the field expects: the range of a number, the question an explanation belongs to. */
    private String hint(Questionnaire questionnaire, Item item, String prefix) {
        List<String> hints = new ArrayList<>();
        if (item.min().isPresent() && item.max().isPresent()) {
            hints.add(messages.get(
                    "form.hint.range",
                    item.min().get().stripTrailingZeros().toPlainString(),
                    item.max().get().stripTrailingZeros().toPlainString()));
        }
        for (EnableWhen when : item.enableWhen()) {
            Optional<Item> question = questionnaire.items().stream()
                    .filter(other -> other.linkId().equals(when.question()))
                    .findFirst();
            question.ifPresent(
                    q -> hints.add(messages.get("form.hint.enableWhen", label(questionnaire, prefix + q.linkId(), q))));
        }
        if (item.repeats() && item.type() == ItemType.CHOICE) {
            hints.add(messages.get("form.hint.several"));
        }
        return hints.isEmpty() ? null : String.join(" ", hints);
    }
}
