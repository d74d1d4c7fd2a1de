package nl.meerwaarde.web.internal.screens;

import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;

/** "Signalen": the signals of the worker's teams. */
@Component(service = Screen.class, property = Screen.ORDER + ":Integer=" + SignalsScreen.ORDER)
public final class SignalsScreen extends BundleScreen {
    static final int ORDER = 20;
    static final String PATH = WebConstants.CONTEXT_PATH + "/signals";

    public SignalsScreen() {
        super("signals", "screen.signals.title", PATH, "signal");
    }
}
