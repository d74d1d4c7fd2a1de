package nl.meerwaarde.web.internal.screens;

import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the bundle's {@code /static} folder (style sheet, scripts) at {@code /meerwaarde/static/*} through the
 * whiteboard's resource servlet, inside the Meerwaarde context (so behind its login too).
 */
@Component(service = StaticAssets.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
public final class StaticAssets {}
