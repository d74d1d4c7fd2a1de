package nl.meerwaarde.web.internal.screens;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;
import nl.meerwaarde.web.internal.rest.Bodies;
import nl.meerwaarde.web.internal.rest.SignalRegistration;
import nl.meerwaarde.web.internal.security.CsrfGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * "Signaal registreren" at {@code /meerwaarde/signals/new}: team, type, target groups, referrer, question, answered
 * and (optionally) the resident by host id. Saved through {@link SignalRegistration}, the code path of {@code POST
 * /api/v1/signals}: the same checks, the same messages. Saved: 303 to the signals list; invalid: 400 with the form
 * as entered and its errors, nothing saved.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern(SignalFormPage.PATTERN)
@HttpWhiteboardServletName("meerwaarde-signal-new")
public final class SignalFormPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    static final String PATTERN = "/signals/new";
    static final String PATH = WebConstants.CONTEXT_PATH + PATTERN;

    /** The target groups offered (the demo organisation's codes); their names are in the messages. */
    static final List<String> TARGET_GROUPS =
            List.of("jonge-moeders", "ouderen", "mantelzorgers", "nieuwkomers", "jongeren");

    /** Form field → id of its (first) control. */
    private static final Map<String, String> IDS = Map.of(
            "team", "signal-team",
            "type", "signal-type",
            "targetGroups", "signal-targetGroups",
            "referrer", "signal-referrer",
            "question", "signal-question",
            "answered", "signal-answered",
            "resident", "signal-resident");

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalStore store;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Residents residents;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    private final transient Clock clock;

    @Activate
    public SignalFormPage(@Reference(name = "menu") ScreenMenu menu, @Reference(name = "csrf") CsrfGuard csrf) {
        this(menu, csrf, null, null, null, Clock.systemUTC());
    }

    /** For tests: the services given. */
    SignalFormPage(
            ScreenMenu menu,
            CsrfGuard csrf,
            SignalStore store,
            Residents residents,
            Organisation organisation,
            Clock clock) {
        super(menu, csrf);
        this.store = store;
        this.residents = residents;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        Form form = Form.empty(request, messages);
        if (worker.teams().size() == 1) {
            form.set("team", List.of(worker.teams().iterator().next().value()));
        }
        return page(form, worker, links);
    }

    @Override
    PageContent post(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        Form form = Form.posted(request, messages);
        Bodies.NewSignal body = new Bodies.NewSignal(
                form.text("team"),
                null,
                form.text("type"),
                form.values("targetGroups").stream().filter(v -> !v.isBlank()).toList(),
                form.text("referrer"),
                form.text("question"),
                form.values("answered").contains("true"),
                form.text("resident"));
        try {
            new SignalRegistration(store, residents, clock).register(body, worker);
        } catch (InvalidInputException invalid) {
            form.errors(invalid, field -> locate(field, messages));
            return page(form, worker, links).withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return PageContent.seeOther(links.href(SignalsScreen.PATH + "?saved=signal"));
    }

    /** The control and label an error of the registration is about. */
    static Form.Problem locate(String field, Messages messages) {
        String name = field.replaceAll("\\[.*$", "");
        String id = IDS.getOrDefault(name, "signal-type");
        String label = IDS.containsKey(name) ? messages.get("signal.field." + name) : "";
        return new Form.Problem(id, label, "");
    }

    private PageContent page(Form form, Subject.WorkerSubject worker, Links links) {
        Messages messages = form.messages();
        TeamNames names = TeamNames.of(organisation);
        List<Form.Option> teams = worker.teams().stream()
                .map(team -> new Form.Option(team.value(), names.label(team)))
                .sorted(Comparator.comparing(Form.Option::label))
                .toList();
        List<Form.Option> groups = TARGET_GROUPS.stream()
                .map(code -> new Form.Option(
                        code, messages.find("targetGroup." + code).orElse(code)))
                .toList();
        StringBuilder body = new StringBuilder(4096)
                .append(form.summary())
                .append(Layout.paragraph(messages.get("signal.intro")))
                .append(form.open(links.href(PATH), "signal-form"))
                .append(form.select(
                        "team",
                        "signal-team",
                        messages.get("signal.field.team"),
                        null,
                        teams,
                        teams.size() == 1 ? null : messages.get("form.choose")))
                .append(form.input(
                        "type",
                        "signal-type",
                        messages.get("signal.field.type"),
                        messages.get("signal.hint.type"),
                        null))
                .append(form.checkboxes(
                        "targetGroups",
                        "signal-targetGroups",
                        messages.get("signal.field.targetGroups"),
                        messages.get("signal.hint.targetGroups"),
                        groups))
                .append(form.input(
                        "referrer",
                        "signal-referrer",
                        messages.get("signal.field.referrer"),
                        messages.get("signal.hint.referrer"),
                        null))
                .append(form.textarea("question", "signal-question", messages.get("signal.field.question"), null, 5))
                .append(form.checkbox("answered", "signal-answered", messages.get("signal.field.answered"), "true"))
                .append(form.input(
                        "resident",
                        "signal-resident",
                        messages.get("signal.field.resident"),
                        messages.get("signal.hint.resident"),
                        "input--short"))
                .append(form.submit("signal-submit", messages.get("signal.submit")))
                .append("</form>\n")
                .append("<p><a href=\"")
                .append(nl.meerwaarde.web.internal.Html.escape(links.href(SignalsScreen.PATH)))
                .append("\">")
                .append(nl.meerwaarde.web.internal.Html.escape(messages.get("signal.back")))
                .append("</a></p>\n");
        return PageContent.page(messages.get("signal.title"), SignalsScreen.PATH, body.toString());
    }
}
