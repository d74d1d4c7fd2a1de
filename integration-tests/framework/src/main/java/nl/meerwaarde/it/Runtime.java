package nl.meerwaarde.it;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;

/** Facts about the running framework the tests assert on. */
final class Runtime {
    static final String OUR_PREFIX = "nl.meerwaarde.";
    static final String TEST_BUNDLE = "nl.meerwaarde.integration-tests";

    private Runtime() {}

    /** Our bundles, without the test bundle. */
    static List<Bundle> ourBundles(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith(OUR_PREFIX))
                .filter(b -> !b.getSymbolicName().equals(TEST_BUNDLE))
                .collect(Collectors.toList());
    }

    /**
     * Components that should be running but are not: every component of every bundle that is enabled and
     * either has a configuration that is not ACTIVE/SATISFIED, or (configuration not required) has none at all.
     */
    static Map<String, String> unsatisfiedComponents(ServiceComponentRuntime scr) {
        Map<String, String> problems = new java.util.TreeMap<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                if (!"require".equals(description.configurationPolicy)) {
                    problems.put(description.name, "no configuration created (not enabled?)");
                }
                continue;
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.put(
                            description.name + " [" + description.bundle.symbolicName + "]", describe(configuration));
                }
            }
        }
        return problems;
    }

    private static String describe(ComponentConfigurationDTO configuration) {
        String unsatisfied = Arrays.stream(configuration.unsatisfiedReferences)
                .map(r -> r.name + " " + r.target)
                .collect(Collectors.joining(", "));
        return "state " + configuration.state + (unsatisfied.isEmpty() ? "" : ", unsatisfied: " + unsatisfied)
                + (configuration.failure == null ? "" : ", failure: " + configuration.failure);
    }

    /** The HTTP endpoint Jetty listens on (the tests ask for a free port). */
    static URI httpEndpoint(BundleContext context, Duration timeout) throws InterruptedException {
        String[] endpoint = new String[1];
        boolean found = Await.until(context, timeout, () -> {
            ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
            if (ref == null) {
                return false;
            }
            Object value = ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
            List<String> endpoints = value instanceof String[] array
                    ? List.of(array)
                    : value instanceof Collection<?> c
                            ? c.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(value));
            endpoint[0] = endpoints.stream()
                    .filter(e -> e.startsWith("http://") && !e.contains(":0/"))
                    .findFirst()
                    .orElse(null);
            return endpoint[0] != null;
        });
        if (!found) {
            throw new AssertionError("No HTTP endpoint registered within " + timeout.toSeconds() + " s");
        }
        // Jetty listens on every interface; the endpoint may name any of them. Talk to it over loopback.
        return URI.create("http://127.0.0.1:" + URI.create(endpoint[0]).getPort() + "/");
    }

    static Set<Integer> runningStates() {
        return Set.of(Bundle.ACTIVE, Bundle.STARTING);
    }
}
