package nl.meerwaarde.store.internal;

import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.LoggerFactory;

/**
 * Registers a service on behalf of a component that decides at activation whether to register one (the
 * embedded DataSource when enabled, the migrated database when migration succeeded). Tests pass their own.
 */
@FunctionalInterface
interface ServiceRegistrar<S> {

    /** Registers the service; the returned action unregisters it. */
    Runnable register(S service, Map<String, Object> properties);

    static <S> ServiceRegistrar<S> of(BundleContext context, Class<S> type) {
        return (service, properties) -> {
            ServiceRegistration<S> registration =
                    context.registerService(type, service, FrameworkUtil.asDictionary(properties));
            return () -> unregister(registration);
        };
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework already unregistered it (the bundle is stopping): nothing left to do
            LoggerFactory.getLogger(ServiceRegistrar.class)
                    .debug("Service was already unregistered", alreadyUnregistered);
        }
    }
}
