package nl.meerwaarde.web.internal.screens;

import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;

/** "Collectieve activiteiten": the collective activities of the worker's teams. */
@Component(service = Screen.class, property = Screen.ORDER + ":Integer=" + ActivitiesScreen.ORDER)
public final class ActivitiesScreen extends BundleScreen {
    static final int ORDER = 30;
    static final String PATH = WebConstants.CONTEXT_PATH + "/activities";

    public ActivitiesScreen() {
        super("activities", "screen.activities.title", PATH, "group");
    }
}
