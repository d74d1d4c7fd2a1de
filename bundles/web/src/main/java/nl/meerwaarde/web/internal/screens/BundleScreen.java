package nl.meerwaarde.web.internal.screens;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.internal.Messages;

/** A screen this bundle serves itself, titled from its messages. */
abstract class BundleScreen implements Screen {
    private final String id;
    private final String titleKey;
    private final String path;
    private final String icon;

    BundleScreen(String id, String titleKey, String path, String icon) {
        this.id = Objects.requireNonNull(id, "id");
        this.titleKey = Objects.requireNonNull(titleKey, "titleKey");
        this.path = Objects.requireNonNull(path, "path");
        this.icon = Objects.requireNonNull(icon, "icon");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title(Locale locale) {
        return Messages.of(locale).get(titleKey);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String icon() {
        return icon;
    }

    /** Every screen of this bundle is for every worker; what each shows is limited to his or her own teams. */
    @Override
    public Optional<Role> requiredRole() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Screen[" + id + " " + path + "]";
    }
}
