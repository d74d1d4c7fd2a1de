package nl.meerwaarde.host.reference.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework in order (every bundle stopped, the databases shut down) when the JVM is asked to stop,
 * e.g. by Ctrl-C. The runnable reference host asks for this with the framework property {@value #PROPERTY}; the
 * bnd launcher it runs on has no such hook of its own. Karaf and vendor runtimes stop their frameworks
 * themselves and do not set the property.
 */
@Component(name = "nl.meerwaarde.host.reference.shutdown")
public class OrderlyShutdown {
    /** Framework property that switches the hook on. */
    public static final String PROPERTY = "meerwaarde.shutdown.hook";

    static final long STOP_TIMEOUT_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyShutdown.class);

    private final Thread hook;

    @Activate
    public OrderlyShutdown(BundleContext context) {
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
            hook = new Thread(() -> stop(framework), "meerwaarde-orderly-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // we are being stopped by the hook itself: nothing to remove
        }
    }

    static void stop(Framework framework) {
        LOG.info("Stopping Meerwaarde reference host");
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException e) {
            LOG.error("The framework could not be stopped in order", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
