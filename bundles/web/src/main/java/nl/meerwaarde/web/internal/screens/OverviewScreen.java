package nl.meerwaarde.web.internal.screens;

import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;

/** "Overzicht": the shell's home page, first in the menu. */
@Component(service = Screen.class, property = Screen.ORDER + ":Integer=" + OverviewScreen.ORDER)
public final class OverviewScreen extends BundleScreen {
    static final int ORDER = 10;
    static final String PATH = WebConstants.CONTEXT_PATH + "/";

    public OverviewScreen() {
        super("overview", "screen.overview.title", PATH, "home");
    }
}
