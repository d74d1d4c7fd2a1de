package nl.meerwaarde.web.internal.screens;

import java.util.List;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Html;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.QueryString;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** "Signalen" at {@code /meerwaarde/signals}: the signals of the worker's own teams, newest first, 50 a page. */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/signals")
@HttpWhiteboardServletName("meerwaarde-signals")
public final class SignalsPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalStore store;

    @Activate
    public SignalsPage(@Reference(name = "menu") ScreenMenu menu) {
        super(menu);
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        return render(store, request, worker, messages, links);
    }

    /** The page, read from the given store ({@code null} while there is none: 503). */
    static PageContent render(
            SignalStore signals,
            HttpServletRequest request,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links) {
        String title = messages.get("screen.signals.title");
        if (signals == null) {
            return PageContent.message(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, messages.get("page.unavailable.text"));
        }
        Set<TeamId> teams = worker.teams();
        long total = teams.isEmpty() ? 0 : signals.count(teams);
        Pager pager = Pager.of(
                QueryString.first(request.getQueryString(), Pager.PARAMETER).orElse(null), PAGE_SIZE, total);
        List<Signal> page = teams.isEmpty()
                ? List.of()
                : signals.list(teams, pager.offset(), pager.size()).stream()
                        .filter(signal -> teams.contains(signal.team()))
                        .toList();
        String actions = "<p class=\"actions\"><a class=\"button\" id=\"signal-new\" href=\""
                + Html.escape(links.href(SignalFormPage.PATH)) + "\">" + Html.escape(messages.get("signal.new"))
                + "</a></p>\n";
        return PageContent.page(
                title,
                SignalsScreen.PATH,
                Notices.saved(request, messages)
                        + actions
                        + Tables.signals(page, messages)
                        + pager.render(messages, links));
    }
}
