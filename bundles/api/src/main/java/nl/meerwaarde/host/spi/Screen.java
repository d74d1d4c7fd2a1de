package nl.meerwaarde.host.spi;

import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A screen a bundle adds, registered as an OSGi service (whiteboard). The Meerwaarde shell lists every
 * registered screen in its menu; a host may track the same services to put the screens in its own menu.
 */
@ConsumerType
public interface Screen {
    /** Service property with the menu position; lower comes first. */
    String ORDER = "meerwaarde.screen.order";

    /** Stable id, e.g. {@code activities}. */
    String id();

    /** Menu title in the given language (Dutch when the language is not available). */
    String title(Locale locale);

    /** Path of the screen below the server root, e.g. {@code /meerwaarde/activities}. */
    String path();

    /** Name of an icon from the shell's icon set, e.g. {@code list}. */
    String icon();

    /** The role a worker needs to see the screen, or empty when every worker may. */
    Optional<Role> requiredRole();
}
