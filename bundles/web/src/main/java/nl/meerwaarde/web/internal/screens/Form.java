package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.rest.InvalidInputMapper;
import nl.meerwaarde.web.internal.security.CsrfGuard;

/**
 * One HTML form: the values shown (as entered, when it comes back with errors), its field errors and the controls.
 * Every control has a label (a group of radios or checkboxes a fieldset with a legend); a field with an error gets
 * {@code aria-invalid} and its message, prefixed "Fout:" (so not by colour alone), linked by {@code
 * aria-describedby}; the error summary at the top ({@link #summary()}) links to each field's first control and takes
 * the focus ({@code autofocus}, no script needed). Every value is escaped.
 */
final class Form {
    /** A choice of a select, a radio group or a checkbox group. */
    record Option(String value, String label) {}

    /** One error as shown: where it links to, what it is about, what is wrong. */
    record Problem(String anchor, String label, String message) {}

    static final String SUMMARY_ID = "error-summary";

    private final Messages messages;
    private final String token;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Form(Messages messages, String token) {
        this.messages = messages;
        this.token = token == null ? "" : token;
    }

    /** An empty form, for the token the page was issued. */
    static Form empty(HttpServletRequest request, Messages messages) {
        return new Form(messages, token(request));
    }

    /** The form as posted, with every value as entered. */
    static Form posted(HttpServletRequest request, Messages messages) {
        Form form = new Form(messages, token(request));
        Map<String, String[]> parameters = request.getParameterMap();
        if (parameters != null) {
            parameters.forEach((name, entered) -> {
                if (!CsrfGuard.FIELD.equals(name) && entered != null) {
                    form.values.put(name, List.copyOf(Arrays.asList(entered)));
                }
            });
        }
        return form;
    }

    private static String token(HttpServletRequest request) {
        return request.getAttribute(CsrfGuard.ATTRIBUTE) instanceof String token ? token : null;
    }

    Messages messages() {
        return messages;
    }

    /** The first value of the field, or {@code null}. */
    String value(String name) {
        List<String> entered = values.get(name);
        return entered == null || entered.isEmpty() ? null : entered.get(0);
    }

    /** The first value, trimmed; {@code null} when blank. */
    String text(String name) {
        String value = value(name);
        return value == null || value.isBlank() ? null : value;
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    Form set(String name, List<String> entered) {
        values.put(name, List.copyOf(entered));
        return this;
    }

    void error(String anchor, String label, String message) {
        problems.add(new Problem(anchor, label, message));
    }

    /** The errors of an invalid input, each on the field {@code locate} names (anchor id and label). */
    void errors(InvalidInputException invalid, java.util.function.Function<String, Problem> locate) {
        for (InvalidInputException.FieldError error : invalid.errors()) {
            Problem where = locate.apply(error.field());
            error(where.anchor(), where.label(), InvalidInputMapper.message(error, messages));
        }
    }

    boolean hasErrors() {
        return !problems.isEmpty();
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The error summary: a heading and a link to each field in error; empty without errors. */
    String summary() {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(512)
                .append("<div class=\"error-summary\" id=\"")
                .append(SUMMARY_ID)
                .append("\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">\n")
                .append("<h2 id=\"error-summary-title\">")
                .append(escape(messages.get("form.errors.title")))
                .append("</h2>\n<ul>\n");
        for (Problem problem : problems) {
            html.append("<li><a href=\"#")
                    .append(escape(problem.anchor()))
                    .append("\">")
                    .append(escape(
                            problem.label().isEmpty()
                                    ? problem.message()
                                    : messages.get("form.errors.item", problem.label(), problem.message())))
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n</div>\n").toString();
    }

    /** Opens a form posting to the action, with the CSRF token. */
    String open(String action, String id) {
        return "<form method=\"post\" action=\"" + escape(action) + "\" id=\"" + escape(id)
                + "\" novalidate>\n<input type=\"hidden\" name=\"" + CsrfGuard.FIELD + "\" value=\""
                + escape(token) + "\">\n";
    }

    String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    String submit(String id, String label) {
        return "<button type=\"submit\" class=\"button\" id=\"" + escape(id) + "\">" + escape(label) + "</button>\n";
    }

    /** A one-line text field. */
    String input(String name, String id, String label, String hint, String extraClass) {
        StringBuilder html = field(id);
        label(html, id, label);
        hint(html, id, hint);
        errorMessages(html, id);
        html.append("<input type=\"text\" class=\"input")
                .append(extraClass == null ? "" : " " + extraClass)
                .append("\" id=\"")
                .append(escape(id))
                .append("\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value(name)))
                .append('"');
        described(html, id, hint);
        return html.append(">\n</div>\n").toString();
    }

    /** A one-line text field showing the given value (one of several with the same name). */
    String input(String name, String id, String label, String hint, String extraClass, String shown) {
        Form single = new Form(messages, token);
        single.values.put(name, shown == null ? List.of() : List.of(shown));
        single.problems.addAll(problems);
        return single.input(name, id, label, hint, extraClass);
    }

    /** A text area. */
    String textarea(String name, String id, String label, String hint, int rows) {
        return textarea(name, id, label, hint, rows, value(name));
    }

    String textarea(String name, String id, String label, String hint, int rows, String shown) {
        StringBuilder html = field(id);
        label(html, id, label);
        hint(html, id, hint);
        errorMessages(html, id);
        html.append("<textarea class=\"textarea\" id=\"")
                .append(escape(id))
                .append("\" name=\"")
                .append(escape(name))
                .append("\" rows=\"")
                .append(rows)
                .append('"');
        described(html, id, hint);
        return html.append('>')
                .append(escape(shown))
                .append("</textarea>\n</div>\n")
                .toString();
    }

    /** A select; with {@code choose}, a first empty option asking to choose. */
    String select(String name, String id, String label, String hint, List<Option> options, String choose) {
        StringBuilder html = field(id);
        label(html, id, label);
        hint(html, id, hint);
        errorMessages(html, id);
        html.append("<select class=\"select\" id=\"")
                .append(escape(id))
                .append("\" name=\"")
                .append(escape(name))
                .append('"');
        described(html, id, hint);
        html.append(">\n");
        String selected = value(name);
        if (choose != null) {
            html.append("<option value=\"\">").append(escape(choose)).append("</option>\n");
        }
        for (Option option : options) {
            html.append("<option value=\"")
                    .append(escape(option.value()))
                    .append('"')
                    .append(option.value().equals(selected) ? " selected" : "")
                    .append('>')
                    .append(escape(option.label()))
                    .append("</option>\n");
        }
        return html.append("</select>\n</div>\n").toString();
    }

    /** A group of checkboxes (several answers) in a fieldset; the first box has the id, the others id-1, id-2... */
    String checkboxes(String name, String id, String legend, String hint, List<Option> options) {
        return group("checkbox", name, id, legend, hint, options);
    }

    /** A group of radio buttons (one answer) in a fieldset. */
    String radios(String name, String id, String legend, String hint, List<Option> options) {
        return group("radio", name, id, legend, hint, options);
    }

    /** One checkbox with its own label, e.g. "De vraag is al beantwoord". */
    String checkbox(String name, String id, String label, String value) {
        StringBuilder html = field(id);
        errorMessages(html, id);
        html.append("<div class=\"choice\"><input type=\"checkbox\" id=\"")
                .append(escape(id))
                .append("\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append('"')
                .append(values(name).contains(value) ? " checked" : "");
        described(html, id, null);
        return html.append("> <label for=\"")
                .append(escape(id))
                .append("\">")
                .append(escape(label))
                .append("</label></div>\n</div>\n")
                .toString();
    }

    private String group(String type, String name, String id, String legend, String hint, List<Option> options) {
        boolean invalid = problems.stream().anyMatch(p -> p.anchor().equals(id));
        StringBuilder html = new StringBuilder(512)
                .append("<div class=\"field")
                .append(invalid ? " field--error" : "")
                .append("\">\n<fieldset class=\"fieldset\"");
        String describedBy = describedBy(id, hint);
        if (!describedBy.isEmpty()) {
            html.append(" aria-describedby=\"").append(escape(describedBy)).append('"');
        }
        html.append(">\n<legend>").append(escape(legend)).append("</legend>\n");
        hint(html, id, hint);
        errorMessages(html, id);
        List<String> chosen = values(name);
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            String optionId = i == 0 ? id : id + "-" + i;
            html.append("<div class=\"choice\"><input type=\"")
                    .append(type)
                    .append("\" id=\"")
                    .append(escape(optionId))
                    .append("\" name=\"")
                    .append(escape(name))
                    .append("\" value=\"")
                    .append(escape(option.value()))
                    .append('"')
                    .append(chosen.contains(option.value()) ? " checked" : "")
                    .append(invalid ? " aria-invalid=\"true\"" : "")
                    .append("> <label for=\"")
                    .append(escape(optionId))
                    .append("\">")
                    .append(escape(option.label()))
                    .append("</label></div>\n");
        }
        return html.append("</fieldset>\n</div>\n").toString();
    }

    /** A fieldset of its own (legend, hint, errors) around controls the caller renders. */
    String fieldset(String id, String legend, String hint, String controls) {
        boolean invalid = problems.stream().anyMatch(p -> p.anchor().equals(id));
        StringBuilder html = new StringBuilder(512)
                .append("<div class=\"field")
                .append(invalid ? " field--error" : "")
                .append("\">\n<fieldset class=\"fieldset\"");
        String describedBy = describedBy(id, hint);
        if (!describedBy.isEmpty()) {
            html.append(" aria-describedby=\"").append(escape(describedBy)).append('"');
        }
        html.append(">\n<legend>").append(escape(legend)).append("</legend>\n");
        hint(html, id, hint);
        errorMessages(html, id);
        return html.append(controls).append("</fieldset>\n</div>\n").toString();
    }

    private StringBuilder field(String id) {
        boolean invalid = problems.stream().anyMatch(p -> p.anchor().equals(id));
        return new StringBuilder(256)
                .append("<div class=\"field")
                .append(invalid ? " field--error" : "")
                .append("\">\n");
    }

    private static void label(StringBuilder html, String id, String label) {
        html.append("<label class=\"label\" for=\"")
                .append(escape(id))
                .append("\">")
                .append(escape(label))
                .append("</label>\n");
    }

    private static void hint(StringBuilder html, String id, String hint) {
        if (hint != null && !hint.isEmpty()) {
            html.append("<p class=\"hint\" id=\"")
                    .append(escape(id))
                    .append("-hint\">")
                    .append(escape(hint))
                    .append("</p>\n");
        }
    }

    private void errorMessages(StringBuilder html, String id) {
        List<String> messagesHere = problems.stream()
                .filter(p -> p.anchor().equals(id))
                .map(Problem::message)
                .distinct()
                .toList();
        if (messagesHere.isEmpty()) {
            return;
        }
        html.append("<p class=\"field-error\" id=\"")
                .append(escape(id))
                .append("-error\"><span class=\"field-error__prefix\">")
                .append(escape(messages.get("form.errors.prefix")))
                .append("</span> ")
                .append(escape(String.join(" ", messagesHere)))
                .append("</p>\n");
    }

    /** {@code aria-describedby} and {@code aria-invalid} of a single control. */
    private void described(StringBuilder html, String id, String hint) {
        String describedBy = describedBy(id, hint);
        if (!describedBy.isEmpty()) {
            html.append(" aria-describedby=\"").append(escape(describedBy)).append('"');
        }
        if (problems.stream().anyMatch(p -> p.anchor().equals(id))) {
            html.append(" aria-invalid=\"true\"");
        }
    }

    private String describedBy(String id, String hint) {
        List<String> ids = new ArrayList<>();
        if (hint != null && !hint.isEmpty()) {
            ids.add(id + "-hint");
        }
        if (problems.stream().anyMatch(p -> p.anchor().equals(id))) {
            ids.add(id + "-error");
        }
        return ids.stream().filter(Objects::nonNull).collect(Collectors.joining(" "));
    }
}
