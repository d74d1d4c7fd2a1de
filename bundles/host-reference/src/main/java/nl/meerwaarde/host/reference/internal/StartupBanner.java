package nl.meerwaarde.host.reference.internal;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever started the reference host where to open it and, with demo data, how to log in. It runs once
 * the HTTP runtime announces its endpoint and the login page is registered.
 */
@Component(name = "nl.meerwaarde.host.reference.banner", configurationPid = HostReferenceConfig.PID)
public class StartupBanner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @Activate
    public StartupBanner(
            @Reference(service = HttpServiceRuntime.class) Map<String, Object> httpRuntime,
            @Reference(target = "(component.name=nl.meerwaarde.host.reference.login)") Servlet loginPage,
            HostReferenceConfig config) {
        LOG.info(message(localAddress(httpRuntime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)), config));
    }

    /** Shows that a stop (Ctrl-C) went through the framework's orderly shutdown. */
    @Deactivate
    void stopped() {
        LOG.info("Meerwaarde reference host stopped");
    }

    static String message(Optional<URI> address, HostReferenceConfig config) {
        String where = address.map(uri -> "Meerwaarde reference host is running: open " + uri)
                .orElse("Meerwaarde reference host is running (no HTTP endpoint announced)");
        return config.demoData()
                ? where + " and log in with a demo account, e.g. sanne / demo-sanne-2026 (see README)."
                : where + ".";
    }

    /** The announced endpoint's port on localhost: Jetty listens on every interface, the browser is local. */
    static Optional<URI> localAddress(Object endpoints) {
        List<String> all = endpoints instanceof String[] array
                ? List.of(array)
                : endpoints instanceof Collection<?> collection
                        ? collection.stream().map(String::valueOf).toList()
                        : endpoints == null ? List.of() : List.of(String.valueOf(endpoints));
        return all.stream()
                .map(URI::create)
                .filter(uri -> uri.getPort() > 0)
                .findFirst()
                .map(uri -> URI.create("http://localhost:" + uri.getPort() + "/"));
    }
}
