package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.util.Comparator;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;
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
 * The shell's home page ("Overzicht") at {@code /meerwaarde/} and {@code /meerwaarde/index.html}. As the context's
 * default servlet it also answers every other path no servlet claims, with a 404 page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern({"/", "/index.html"})
@HttpWhiteboardServletName("meerwaarde-overview")
public final class OverviewPage extends PageServlet {
    private static final long serialVersionUID = 1L;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    @Activate
    public OverviewPage(@Reference(name = "menu") ScreenMenu menu) {
        super(menu);
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        String path = pathInContext(request);
        if (path.isEmpty()) {
            return PageContent.redirect(links.inContext(""));
        }
        if (!path.equals("/") && !path.equals("/index.html")) {
            return PageContent.message(
                    HttpServletResponse.SC_NOT_FOUND,
                    messages.get("page.notFound.title"),
                    messages.get("page.notFound.text"));
        }
        TeamNames teamNames = TeamNames.of(organisation);
        StringBuilder body = new StringBuilder(1024)
                .append(Layout.paragraph(
                        messages.get("overview.welcome", worker.worker().name())))
                .append(Layout.paragraph(messages.get("overview.intro")))
                .append("<h2>")
                .append(escape(messages.get("overview.teams")))
                .append("</h2>\n");
        List<String> teams = worker.teams().stream()
                .map(teamNames::label)
                .sorted(Comparator.naturalOrder())
                .toList();
        if (teams.isEmpty()) {
            body.append(Layout.paragraph(messages.get("overview.noTeams")));
        } else {
            body.append("<ul>\n");
            teams.forEach(team -> body.append("<li>").append(escape(team)).append("</li>\n"));
            body.append("</ul>\n");
        }
        return PageContent.page(messages.get("screen.overview.title"), OverviewScreen.PATH, body.toString());
    }

    /** The path below the context, e.g. {@code /index.html}; empty for the context itself without a slash. */
    private static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
