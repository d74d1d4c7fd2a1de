package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** Issue 2: every bundle resolves and starts, every Declarative Services component is satisfied. */
class FrameworkIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @Test
    void everyBundleIsActive() {
        String notRunning = Arrays.stream(context.getBundles())
                .filter(b -> b.getBundleId() != 0)
                // Lazy bundles (e.g. cxf-rt-security) stay STARTING until first use (DESIGN pitfall 8).
                .filter(b -> !Runtime.runningStates().contains(b.getState()))
                .map(b -> b.getSymbolicName() + " state " + b.getState())
                .collect(Collectors.joining(", "));
        assertThat(notRunning).as("bundles not active").isEmpty();
    }

    @Test
    void ourBundlesAreAllInstalledAndActive() {
        assertThat(Runtime.ourBundles(context))
                .extracting(Bundle::getSymbolicName)
                .contains(
                        "nl.meerwaarde.api",
                        "nl.meerwaarde.store",
                        "nl.meerwaarde.web",
                        "nl.meerwaarde.host.reference");
        assertThat(Runtime.ourBundles(context))
                .allSatisfy(
                        b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
    }

    @Test
    void everyComponentIsSatisfied() throws InterruptedException {
        // Components activate asynchronously as their references arrive; give them a bounded moment.
        Await.until(context, Duration.ofSeconds(30), () -> Runtime.unsatisfiedComponents(scr)
                .isEmpty());
        assertThat(Runtime.unsatisfiedComponents(scr)).isEmpty();
    }
}
