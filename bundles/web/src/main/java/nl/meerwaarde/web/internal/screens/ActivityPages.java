package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.forms.ActivityWorkflow;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.ResponseValidator;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;
import nl.meerwaarde.web.internal.rest.ActivityRegistration;
import nl.meerwaarde.web.internal.rest.ImpactMeasurements;
import nl.meerwaarde.web.internal.rest.Participants;
import nl.meerwaarde.web.internal.rest.SignalClustering;
import nl.meerwaarde.web.internal.rest.StageMoves;
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
 * The pages of one collective activity, below {@code /meerwaarde/activities/}:
 *
 * <ul>
 *   <li>{@code GET} and {@code POST new}: "Nieuwe activiteit" ({@link NewActivityForm}, the code path of {@code POST
 *       /api/v1/activities});
 *   <li>{@code POST {id}/update}: "Gegevens bijwerken" on the detail (the code path of {@code PATCH
 *       /api/v1/activities/{id}});
 *   <li>{@code GET {id}}: the detail ({@link ActivityDetail}); {@code POST {id}/stage} moves it to the next stage
 *       and {@code POST {id}/participants} adds a participant by host id;
 *   <li>{@code GET} and {@code POST {id}/participants/{residentId}/impact}: the impact form ({@link ImpactForm}).
 * </ul>
 *
 * Everything goes through the same services as the REST API ({@link StageMoves}, {@link Participants}, {@link
 * ImpactMeasurements}). An activity of another team, or any other path, answers 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/activities/*")
@HttpWhiteboardServletName("meerwaarde-activity")
public final class ActivityPages extends PageServlet {
    private static final long serialVersionUID = 1L;

    /** The services the pages use; any may be {@code null} while it is not there (the page then answers 503). */
    record Services(
            ActivityStore activities,
            SignalStore signals,
            Organisation organisation,
            ActivityWorkflow workflow,
            Residents residents,
            ResponseStore responses,
            AuditTrail audit,
            QuestionnaireCatalog catalog,
            ResponseValidator validator,
            Clock clock) {
        StageMoves moves() {
            return new StageMoves(activities, workflow, clock);
        }

        Participants participants() {
            return new Participants(activities, residents);
        }

        ImpactMeasurements measurements() {
            return new ImpactMeasurements(activities, responses, audit, residents, catalog, validator, clock);
        }

        ActivityRegistration registration() {
            return new ActivityRegistration(activities, organisation, instrumentOptions());
        }

        List<AnswerOption> instrumentOptions() {
            return ActivityRegistration.instrumentOptions(catalog);
        }

        SignalClustering clustering() {
            return new SignalClustering(signals, activities);
        }

        TeamNames teamNames() {
            return TeamNames.of(organisation);
        }
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore activities;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalStore signals;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityWorkflow workflow;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Residents residents;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResponseStore responses;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResponseValidator validator;

    private final transient Services fixed;

    @Activate
    public ActivityPages(@Reference(name = "menu") ScreenMenu menu, @Reference(name = "csrf") CsrfGuard csrf) {
        super(menu, csrf);
        this.fixed = null;
    }

    /** For tests: the services given. */
    ActivityPages(ScreenMenu menu, CsrfGuard csrf, Services services) {
        super(menu, csrf);
        this.fixed = services;
    }

    private Services services() {
        if (fixed != null) {
            return fixed;
        }
        return new Services(
                activities,
                signals,
                organisation,
                workflow,
                residents,
                responses,
                audit,
                catalog,
                validator,
                Clock.systemUTC());
    }

    /** The path of an activity's detail page. */
    static String detailPath(ActivityId id) {
        return ActivitiesScreen.PATH + "/" + id;
    }

    /** The path of a participant's impact form. */
    static String impactPath(String activityId, String residentId) {
        return ActivitiesScreen.PATH + "/" + activityId + "/participants" + "/"
                + URLEncoder.encode(residentId, StandardCharsets.UTF_8).replace("+", "%20") + "/impact";
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        List<String> path = segments(request);
        if (path.equals(List.of("new"))) {
            return new NewActivityForm(services(), worker, messages, links, request).show();
        }
        if (path.size() == 1) {
            return new ActivityDetail(services(), worker, messages, links, request)
                    .show(Form.empty(request, messages), Form.empty(request, messages));
        }
        if (path.size() == 4
                && path.get(1).equals("participants")
                && path.get(3).equals("impact")) {
            return new ImpactForm(services(), worker, messages, links, request, path.get(0), path.get(2)).show();
        }
        return status(HttpServletResponse.SC_NOT_FOUND, messages);
    }

    @Override
    PageContent post(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        List<String> path = segments(request);
        if (path.equals(List.of("new"))) {
            return new NewActivityForm(services(), worker, messages, links, request).save();
        }
        if (path.size() == 2 && path.get(1).equals("update")) {
            return new ActivityDetail(services(), worker, messages, links, request).update(path.get(0));
        }
        if (path.size() == 2 && path.get(1).equals("stage")) {
            return new ActivityDetail(services(), worker, messages, links, request).move(path.get(0));
        }
        if (path.size() == 2 && path.get(1).equals("participants")) {
            return new ActivityDetail(services(), worker, messages, links, request).addParticipant(path.get(0));
        }
        if (path.size() == 2 && path.get(1).equals("signals")) {
            return new ActivityDetail(services(), worker, messages, links, request).clusterSignal(path.get(0));
        }
        if (path.size() == 4
                && path.get(1).equals("participants")
                && path.get(3).equals("impact")) {
            return new ImpactForm(services(), worker, messages, links, request, path.get(0), path.get(2)).save();
        }
        return status(HttpServletResponse.SC_NOT_FOUND, messages);
    }

    /** The decoded path segments below {@code /activities/}, e.g. {@code [id, participants, r-1, impact]}. */
    static List<String> segments(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/activities/";
        if (uri == null || !uri.startsWith(prefix)) {
            return List.of();
        }
        String rest = uri.substring(prefix.length());
        if (rest.isEmpty() || rest.endsWith("/")) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(rest.split("/", -1))
                    .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    /** A link back to the activities list. */
    static String backToList(Messages messages, Links links) {
        return "<p><a href=\"" + escape(links.href(ActivitiesScreen.PATH)) + "\">"
                + escape(messages.get("activity.backToList")) + "</a></p>\n";
    }
}
