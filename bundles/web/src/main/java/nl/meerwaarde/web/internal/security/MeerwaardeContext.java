package nl.meerwaarde.web.internal.security;

import java.io.IOException;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Subjects;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;

/**
 * The HTTP Whiteboard context {@value WebConstants#CONTEXT_NAME} at {@value WebConstants#CONTEXT_PATH}: every
 * servlet, resource and the REST application of Meerwaarde live in it, so every request into it is authenticated
 * through the host's {@link Subjects} service first.
 *
 * <p>Bundle-scoped, as the whiteboard specification recommends: each bundle that registers a servlet or resource in
 * this context gets its own instance, whose {@link #getResource(String)} reads that bundle's entries.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = WebConstants.CONTEXT_NAME, path = WebConstants.CONTEXT_PATH)
public final class MeerwaardeContext extends ServletContextHelper {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Subjects subjects;

    private final Authenticator authenticator;

    @Activate
    public MeerwaardeContext(ComponentContext context) {
        super(context.getUsingBundle());
        this.authenticator = new Authenticator(() -> subjects, Json.newMapper());
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return authenticator.authenticate(request, response);
    }

    @Override
    public String getMimeType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".css")) {
            return "text/css";
        }
        if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return "text/javascript";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (lower.endsWith(".woff2")) {
            return "font/woff2";
        }
        return null;
    }
}
