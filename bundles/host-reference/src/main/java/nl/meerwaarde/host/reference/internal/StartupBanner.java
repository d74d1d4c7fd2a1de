package nl.meerwaarde.host.reference.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever started the reference host where to open it and, with demo data, how to log in — once the HTTP
 * runtime reports the login page as served (its runtime DTO, re-read whenever the runtime's change count moves).
 */
@Component(name = "nl.meerwaarde.host.reference.banner", configurationPid = HostReferenceConfig.PID)
public class StartupBanner {
    static final String LOGIN_SERVLET = "meerwaarde-host-login";

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final HostReferenceConfig config;
    private final AtomicBoolean announced = new AtomicBoolean();

    @Activate
    public StartupBanner(HostReferenceConfig config) {
        this.config = config;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, updated = "runtimeChanged")
    void bindRuntime(HttpServiceRuntime runtime, Map<String, Object> properties) {
        runtimeChanged(runtime, properties);
    }

    void runtimeChanged(HttpServiceRuntime runtime, Map<String, Object> properties) {
        if (!announced.get() && servesLogin(runtime.getRuntimeDTO()) && announced.compareAndSet(false, true)) {
            LOG.info(message(localAddress(properties.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)), config));
        }
    }

    void unbindRuntime(HttpServiceRuntime runtime) {
        // nothing to release; a new runtime announces itself again only if this one never did
    }

    /** Shows that a stop (Ctrl-C) went through the framework's orderly shutdown. */
    @Deactivate
    void stopped() {
        LOG.info("Meerwaarde reference host stopped");
    }

    static boolean servesLogin(RuntimeDTO runtime) {
        return runtime != null
                && runtime.servletContextDTOs != null
                && Arrays.stream(runtime.servletContextDTOs)
                        .filter(context -> context.servletDTOs != null)
                        .flatMap(context -> Arrays.stream(context.servletDTOs))
                        .anyMatch(servlet -> LOGIN_SERVLET.equals(servlet.name));
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
