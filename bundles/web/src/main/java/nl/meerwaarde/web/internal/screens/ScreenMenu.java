package nl.meerwaarde.web.internal.screens;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.host.spi.Subject;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menu: every {@link Screen} service any bundle registers, as they come and go, ordered by the {@value
 * Screen#ORDER} service property and shown to each user as far as his or her roles allow.
 */
@Component(service = ScreenMenu.class)
public final class ScreenMenu {
    /** Menu position of a screen registered without (or with an unreadable) {@value Screen#ORDER}: last. */
    static final int UNORDERED = Integer.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(ScreenMenu.class);

    private final ConcurrentMap<Long, Registered> screens = new ConcurrentHashMap<>();

    @Reference(
            name = "screens",
            service = Screen.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeScreen",
            updated = "updatedScreen")
    void addScreen(Screen screen, Map<String, Object> properties) {
        screens.put(serviceId(properties), new Registered(screen, order(properties), serviceId(properties)));
    }

    void updatedScreen(Screen screen, Map<String, Object> properties) {
        addScreen(screen, properties);
    }

    void removeScreen(Screen screen, Map<String, Object> properties) {
        screens.remove(serviceId(properties));
    }

    /**
     * The screens the subject may see, in menu order (then by id), titled in the given language; screens of equal order in the order they were
     * registered. A worker sees the
     * screens that need no role and those whose role he or she has; a resident sees none. A screen that fails to
     * describe itself, or names a path that is not on this server, is left out (and logged), so that one faulty bundle
     * cannot break the menu.
     */
    public List<MenuItem> visibleTo(Subject subject, Locale locale) {
        if (!(subject instanceof Subject.WorkerSubject worker)) {
            return List.of();
        }
        return screens.values().stream()
                .sorted(Comparator.comparingInt(Registered::order).thenComparingLong(Registered::serviceId))
                .map(registered -> describe(registered, worker, locale))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<MenuItem> describe(Registered registered, Subject.WorkerSubject worker, Locale locale) {
        Screen screen = registered.screen();
        try {
            Optional<Role> required = screen.requiredRole();
            if (required.isPresent() && !worker.hasRole(required.get())) {
                return Optional.empty();
            }
            String path = screen.path();
            if (!isLocalPath(path)) {
                LOG.warn(
                        "Screen service {} has path {}, which is not on this server: left out of the menu",
                        registered.serviceId(),
                        path);
                return Optional.empty();
            }
            return Optional.of(new MenuItem(
                    Objects.requireNonNull(screen.id(), "id"),
                    Objects.requireNonNull(screen.title(locale), "title"),
                    path,
                    Objects.requireNonNullElse(screen.icon(), ""),
                    registered.order()));
        } catch (RuntimeException e) {
            LOG.warn("Screen service {} failed to describe itself: left out of the menu", registered.serviceId(), e);
            return Optional.empty();
        }
    }

    /** A path on this server: starts with one slash, and no browser could read it as another host. */
    static boolean isLocalPath(String path) {
        return path != null
                && path.startsWith("/")
                && !path.startsWith("//")
                && path.indexOf('\\') < 0
                && path.chars().noneMatch(Character::isISOControl);
    }

    static int order(Map<String, Object> properties) {
        Object value = properties.get(Screen.ORDER);
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                LOG.warn(
                        "Screen service {} has {}={}, not a number: listed last",
                        properties.get(Constants.SERVICE_ID),
                        Screen.ORDER,
                        text);
            }
        }
        return UNORDERED;
    }

    private static long serviceId(Map<String, Object> properties) {
        Object id = properties.get(Constants.SERVICE_ID);
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException("A Screen service without " + Constants.SERVICE_ID);
    }

    private record Registered(Screen screen, int order, long serviceId) {}
}
