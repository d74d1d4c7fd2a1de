package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.forms.ActivityWorkflow;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Requests;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Collective activities of the caller's own teams, under {@code /meerwaarde/api/v1/activities}:
 *
 * <ul>
 *   <li>{@code GET ?offset&limit}: the page, newest start first;
 *   <li>{@code POST}: creates one in stage SIGNAL or PLAN ({@link Bodies.NewActivity}, through {@link
 *       ActivityRegistration}), 201 with its location;
 *   <li>{@code GET /{id}}: one in full, with participation counts, goals, the stages it may move to and its stage
 *       history;
 *   <li>{@code PATCH /{id}}: changes its registered fields ({@link Bodies.ActivityUpdate}; left out: unchanged)
 *       through {@link ActivityRegistration}, never its stage;
 *   <li>{@code POST /{id}/stage}: moves it ({@link Bodies.StageMove}) under the reference-model rules ({@link
 *       ActivityWorkflow}, facts from {@link StageFacts}); 409 when someone else moved it at the same time.
 * </ul>
 *
 * Workers only (a resident: 403); writing needs the role WORKER. An activity of another team is answered 404.
 */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/activities")
public final class ActivitiesResource {
    /** Longest title: the column's size. */
    static final int TITLE_LENGTH = 500;

    static final BigDecimal MAX_HOURS = new BigDecimal("1000000");
    static final BigDecimal MAX_EUROS = new BigDecimal("100000000");

    /** The field of the target stage in a move's body. */
    static final String FIELD_TO = StageMoves.FIELD_TO;

    /** The field of the skip reason in a move's body. */
    static final String FIELD_SKIP_REASON = StageMoves.FIELD_SKIP_REASON;

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

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityWorkflow workflow;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    private final Clock clock;

    public ActivitiesResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and clock given. */
    ActivitiesResource(
            ActivityStore store,
            Organisation organisation,
            ActivityWorkflow workflow,
            QuestionnaireCatalog catalog,
            Clock clock) {
        this.store = store;
        this.organisation = organisation;
        this.workflow = workflow;
        this.catalog = catalog;
        this.clock = clock;
    }

    private ActivityRegistration registration() {
        return new ActivityRegistration(store, organisation, ActivityRegistration.instrumentOptions(catalog));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Views.PageView<Views.ActivityView> list(
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit,
            @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        return read(store, worker, Paging.parse(offset, limit), Messages.of(Requests.locale(request)));
    }

    /** The page of the worker's activities, read from the given store ({@code null} while there is none: 503). */
    static Views.PageView<Views.ActivityView> read(
            ActivityStore activities, Subject.WorkerSubject worker, Paging paging, Messages messages) {
        if (activities == null) {
            throw new ServiceUnavailableException(SignalsResource.RETRY_AFTER_SECONDS);
        }
        Set<TeamId> teams = worker.teams();
        if (teams.isEmpty()) {
            return Views.PageView.empty(paging);
        }
        List<Views.ActivityView> items = activities.list(teams, paging.offset(), paging.limit()).stream()
                .filter(activity -> teams.contains(activity.team()))
                .map(activity -> Views.ActivityView.of(activity, messages))
                .toList();
        return new Views.PageView<>(paging.offset(), paging.limit(), activities.count(teams), items);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Bodies.NewActivity body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        CollectiveActivity activity = registration().create(body, worker, List.of());
        return Response.created(URI.create("v1/activities/" + activity.id()))
                .entity(detail(activity, List.of(), List.of(), Messages.of(Requests.locale(request))))
                .build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Views.ActivityDetailView get(@PathParam("id") String id, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        CollectiveActivity activity = own(Problems.require(store), id, worker);
        return detail(
                activity,
                store.participations(activity.id()),
                store.stageChanges(activity.id()),
                Messages.of(Requests.locale(request)));
    }

    private Views.ActivityDetailView detail(
            CollectiveActivity activity,
            List<Participation> participations,
            List<StageChange> history,
            Messages messages) {
        List<Views.NextStageView> next =
                new StageMoves(store, workflow, clock).nextStages(activity, participations, history, messages);
        return new Views.ActivityDetailView(
                activity.id().toString(),
                activity.team().value(),
                activity.title(),
                Views.StageView.of(activity.stage(), messages),
                Views.sorted(activity.targetGroups()),
                activity.funder().map(FunderId::value),
                activity.startsOn(),
                Views.InvestmentView.of(activity.budget()),
                Views.InvestmentView.of(activity.actual()),
                activity.anonymous(),
                activity.individualQuestionsAnswered(),
                activity.referrerSatisfaction(),
                activity.goals().stream()
                        .map(g -> new Views.GoalView(
                                g.description(), g.realisation().map(Enum::name)))
                        .toList(),
                activity.analysis(),
                Views.InstrumentView.of(activity.instrument()),
                Views.sorted(activity.partners()),
                activity.sessions(),
                activity.lessonsLearned(),
                participations.size(),
                (int) participations.stream()
                        .filter(p -> p.measurement().isPresent())
                        .count(),
                Views.ReferralCount.of(participations),
                next,
                history.stream()
                        .map(change -> Views.StageChangeView.of(change, messages))
                        .toList());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Views.ActivityDetailView update(
            @PathParam("id") String id, Bodies.ActivityUpdate body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        registration().update(id, body, worker, List.of());
        return get(id, request);
    }

    @POST
    @Path("{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Views.ActivityDetailView move(
            @PathParam("id") String id, Bodies.StageMove body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        StageMoves moves = new StageMoves(store, workflow, clock);
        CollectiveActivity activity = moves.own(id, worker);
        try {
            moves.move(activity, body, worker);
        } catch (StageMoves.ConflictException concurrent) {
            throw Problems.withDetail(request, 409, "problem.stageConflict.detail");
        }
        return get(id, request);
    }

    /** The activity with this id if it belongs to one of the worker's teams; 404 otherwise. */
    static CollectiveActivity own(ActivityStore activities, String id, Subject.WorkerSubject worker) {
        return activities
                .find(new ActivityId(Problems.uuid(id)))
                .filter(activity -> worker.memberOf(activity.team()))
                .orElseThrow(Problems::notFound);
    }
}
