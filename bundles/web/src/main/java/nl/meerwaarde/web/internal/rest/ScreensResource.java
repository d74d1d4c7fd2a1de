package nl.meerwaarde.web.internal.rest;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Requests;
import nl.meerwaarde.web.internal.screens.ScreenMenu;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /meerwaarde/api/v1/screens}: the menu of the caller, in order, titled in the request's language. */
@Component(service = ScreensResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/screens")
public final class ScreensResource {
    private final ScreenMenu menu;

    @Activate
    public ScreensResource(@Reference(name = "menu") ScreenMenu menu) {
        this.menu = menu;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Views.ScreenView> get(@Context HttpServletRequest request) {
        return menu.visibleTo(Caller.subject(request), Requests.locale(request)).stream()
                .map(item -> new Views.ScreenView(item.id(), item.title(), item.path(), item.icon(), item.order()))
                .toList();
    }
}
