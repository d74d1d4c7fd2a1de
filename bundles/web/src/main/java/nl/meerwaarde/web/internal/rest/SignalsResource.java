package nl.meerwaarde.web.internal.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Signals of the caller's own teams, under {@code /meerwaarde/api/v1/signals}:
 *
 * <ul>
 *   <li>{@code GET ?offset&limit}: the page, newest first, without question or resident;
 *   <li>{@code POST}: registers a signal ({@link Bodies.NewSignal}), 201 with its location;
 *   <li>{@code GET /{id}}: one signal in full;
 *   <li>{@code PUT /{id}/activity}: clusters it onto an activity of the caller's teams ({@link Bodies.Cluster}).
 * </ul>
 *
 * Workers only (a resident: 403); writing needs the role WORKER. A signal of another team is answered 404, as if it
 * did not exist. 503 while a service the answer needs is not there.
 */
@Component(service = SignalsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/signals")
public final class SignalsResource {
    static final long RETRY_AFTER_SECONDS = 30;

    /** Longest referrer (aanmeldende partij): the column's size. */
    static final int REFERRER_LENGTH = 200;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalStore store;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore activities;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Residents residents;

    private final Clock clock;

    public SignalsResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and the clock given. */
    SignalsResource(SignalStore store, ActivityStore activities, Residents residents, Clock clock) {
        this.store = store;
        this.activities = activities;
        this.residents = residents;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Views.PageView<Views.SignalView> list(
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit,
            @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        return read(store, worker, Paging.parse(offset, limit));
    }

    /** The page of the worker's signals, read from the given store ({@code null} while there is none: 503). */
    static Views.PageView<Views.SignalView> read(SignalStore signals, Subject.WorkerSubject worker, Paging paging) {
        if (signals == null) {
            throw new ServiceUnavailableException(RETRY_AFTER_SECONDS);
        }
        Set<TeamId> teams = worker.teams();
        if (teams.isEmpty()) {
            return Views.PageView.empty(paging);
        }
        List<Views.SignalView> items = signals.list(teams, paging.offset(), paging.limit()).stream()
                .filter(signal -> teams.contains(signal.team()))
                .map(Views.SignalView::of)
                .toList();
        return new Views.PageView<>(paging.offset(), paging.limit(), signals.count(teams), items);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(Bodies.NewSignal body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        Signal signal = new SignalRegistration(store, residents, clock).register(body, worker);
        return Response.created(URI.create("v1/signals/" + signal.id()))
                .entity(Views.SignalDetailView.of(signal))
                .build();
    }

    /** The team named in a body, which must be one of the worker's; adds an error otherwise. */
    static TeamId ownTeam(Check check, String field, String value, Subject.WorkerSubject worker) {
        String id = check.required(field, value, Check.HOST_ID_LENGTH);
        if (id == null) {
            return null;
        }
        TeamId team = new TeamId(id);
        if (!worker.memberOf(team)) {
            check.add(field, Codes.TEAM_NOT_MEMBER);
            return null;
        }
        return team;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Views.SignalDetailView get(@PathParam("id") String id, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        return Views.SignalDetailView.of(own(id, worker));
    }

    @PUT
    @Path("{id}/activity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Views.SignalDetailView cluster(
            @PathParam("id") String id, Bodies.Cluster body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        Signal clustered =
                new SignalClustering(store, activities).cluster(id, body == null ? null : body.activityId(), worker);
        return Views.SignalDetailView.of(clustered);
    }

    /** The signal with this id if it belongs to one of the worker's teams; 404 otherwise (also for a bad id). */
    private Signal own(String id, Subject.WorkerSubject worker) {
        return SignalClustering.own(Problems.require(store), id, worker);
    }
}
