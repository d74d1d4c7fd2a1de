package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Stage;
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
 * start first, 50 a page; {@code ?stage=} shows those in one stage of the reference model, with the number in each
 * stage on the filter links.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/activities")
@HttpWhiteboardServletName("meerwaarde-activities")
public final class ActivitiesPage extends PageServlet {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;
    static final String STAGE_PARAMETER = "stage";

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
        Optional<Stage> stage =
                QueryString.first(request.getQueryString(), STAGE_PARAMETER).flatMap(ActivitiesPage::stage);
        Map<Stage, Long> perStage = teams.isEmpty() ? Map.of() : activities.countByStage(teams);
        long total = stage.map(s -> perStage.getOrDefault(s, 0L))
                .orElse(perStage.values().stream().mapToLong(Long::longValue).sum());
        Pager pager = Pager.of(
                QueryString.first(request.getQueryString(), Pager.PARAMETER).orElse(null), PAGE_SIZE, total);
        List<CollectiveActivity> page = teams.isEmpty()
                ? List.of()
                : activities.list(teams, stage.map(Set::of).orElse(Set.of()), pager.offset(), pager.size()).stream()
                        .filter(activity -> teams.contains(activity.team()))
                        .toList();
        return PageContent.page(
                title,
                ActivitiesScreen.PATH,
                "<p class=\"actions\"><a class=\"button\" id=\"activity-new\" href=\""
                        + escape(links.href(NewActivityForm.PATH)) + "\">"
                        + escape(messages.get("activity.new")) + "</a></p>\n"
                        + stageFilter(stage, perStage, messages, links)
                        + Tables.activities(page, messages, teamNames, links)
                        + pager.render(messages, links));
    }

    private static Optional<Stage> stage(String name) {
        return Arrays.stream(Stage.values())
                .filter(stage -> stage.name().equals(name))
                .findFirst();
    }

    /** Links to every stage with its number of activities, and to all; the one shown is the current page. */
    private static String stageFilter(
            Optional<Stage> shown, Map<Stage, Long> perStage, Messages messages, Links links) {
        StringBuilder html = new StringBuilder(1024)
                .append("<nav class=\"stage-filter\" aria-label=\"")
                .append(escape(messages.get("activities.filter")))
                .append("\">\n<ul>\n");
        long all = perStage.values().stream().mapToLong(Long::longValue).sum();
        filterLink(html, ActivitiesScreen.PATH, messages.get("activities.filter.all", all), shown.isEmpty(), links);
        for (Stage stage : Stage.values()) {
            filterLink(
                    html,
                    ActivitiesScreen.PATH + "?" + STAGE_PARAMETER + "=" + stage.name(),
                    messages.get(
                            "activities.filter.stage",
                            messages.get("stage." + stage.name()),
                            perStage.getOrDefault(stage, 0L)),
                    shown.equals(Optional.of(stage)),
                    links);
        }
        return html.append("</ul>\n</nav>\n").toString();
    }

    private static void filterLink(StringBuilder html, String path, String label, boolean current, Links links) {
        html.append("<li><a href=\"").append(escape(links.href(path))).append('"');
        if (current) {
            html.append(" aria-current=\"page\"");
        }
        html.append('>').append(escape(label)).append("</a></li>\n");
    }
}
