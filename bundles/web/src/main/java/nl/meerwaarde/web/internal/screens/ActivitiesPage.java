package nl.meerwaarde.web.internal.screens;

import java.util.List;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.QueryString;
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
 * "Collectieve activiteiten" at {@code /meerwaarde/activities}: the activities of the worker's own teams, newest
 * start first, 50 a page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/activities")
@HttpWhiteboardServletName("meerwaarde-activities")
public final class ActivitiesPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore store;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    @Activate
    public ActivitiesPage(@Reference(name = "menu") ScreenMenu menu) {
        super(menu);
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        return render(store, TeamNames.of(organisation), request, worker, messages, links);
    }

    /** The page, read from the given store ({@code null} while there is none: 503). */
    static PageContent render(
            ActivityStore activities,
            TeamNames teamNames,
            HttpServletRequest request,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links) {
        String title = messages.get("screen.activities.title");
        if (activities == null) {
            return PageContent.message(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, messages.get("page.unavailable.text"));
        }
        Set<TeamId> teams = worker.teams();
        long total = teams.isEmpty() ? 0 : activities.count(teams);
        Pager pager = Pager.of(
                QueryString.first(request.getQueryString(), Pager.PARAMETER).orElse(null), PAGE_SIZE, total);
        List<CollectiveActivity> page = teams.isEmpty()
                ? List.of()
                : activities.list(teams, pager.offset(), pager.size()).stream()
                        .filter(activity -> teams.contains(activity.team()))
                        .toList();
        return PageContent.page(
                title,
                ActivitiesScreen.PATH,
                "<p class=\"actions\"><a class=\"button\" id=\"activity-new\" href=\""
                        + nl.meerwaarde.web.internal.Html.escape(links.href(NewActivityForm.PATH)) + "\">"
                        + nl.meerwaarde.web.internal.Html.escape(messages.get("activity.new")) + "</a></p>\n"
                        + Tables.activities(page, messages, teamNames, links)
                        + pager.render(messages, links));
    }
}
