package nl.meerwaarde.web.internal.rest;

import javax.ws.rs.core.Application;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The JAX-RS Whiteboard application of the REST API, {@value WebConstants#APPLICATION_NAME} at {@value
 * WebConstants#APPLICATION_BASE}. Bound to the HTTP context {@value WebConstants#CONTEXT_NAME} by {@code
 * osgi.http.whiteboard.context.select}: the Aries whiteboard then registers the application's servlet in that context
 * (pattern {@code /api/*}), so the API answers under {@code /meerwaarde/api} and every call passes the context's
 * authentication. It only starts once this bundle's JSON provider and problem-details mappers are there, so no answer
 * is ever written without them. (Its JSON provider is its own, {@link JsonProvider}: the Aries Jackson provider serves
 * only the default application unless configured otherwise.)
 */
@Component(service = Application.class)
@JaxrsName(WebConstants.APPLICATION_NAME)
@JaxrsApplicationBase(WebConstants.APPLICATION_BASE)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@JaxrsExtensionSelect({
    "(osgi.jaxrs.name=" + Extensions.JSON + ")",
    "(osgi.jaxrs.name=" + Extensions.INVALID_INPUT + ")",
    "(osgi.jaxrs.name=" + Extensions.WEB_APPLICATION + ")",
    "(osgi.jaxrs.name=" + Extensions.UNEXPECTED + ")"
})
public final class MeerwaardeApplication extends Application {}
