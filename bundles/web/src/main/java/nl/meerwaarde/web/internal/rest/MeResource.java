package nl.meerwaarde.web.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.TeamNames;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /meerwaarde/api/v1/me}: who the caller is, with roles and teams. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/me")
public final class MeResource {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Views.Me get(@Context HttpServletRequest request) {
        return Views.Me.of(Caller.subject(request), TeamNames.of(organisation));
    }
}
