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
import nl.meerwaarde.api.store.SignalStore;
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
 * {@code GET /meerwaarde/api/v1/signals?offset&limit}: the signals of the caller's own teams, newest first. Workers
 * only; 503 while no {@link SignalStore} is there.
 */
@Component(service = SignalsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/signals")
public final class SignalsResource {
    static final long RETRY_AFTER_SECONDS = 30;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalStore store;

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
}
