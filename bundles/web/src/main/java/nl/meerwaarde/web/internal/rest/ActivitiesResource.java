package nl.meerwaarde.web.internal.rest;

import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.api.store.ActivityStore;
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
 * {@code GET /meerwaarde/api/v1/activities?offset&limit}: the collective activities of the caller's own teams, newest
 * start first. Workers only; 503 while no {@link ActivityStore} is there.
 */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/activities")
public final class ActivitiesResource {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore store;

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
}
