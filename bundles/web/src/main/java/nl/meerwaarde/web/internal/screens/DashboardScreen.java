package nl.meerwaarde.web.internal.screens;

import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;

/** "KPI-dashboard": the figures of a KPI set for a scope and period, with charts; for workers and managers. */
@Component(service = Screen.class, property = Screen.ORDER + ":Integer=" + DashboardScreen.ORDER)
public final class DashboardScreen extends BundleScreen {
    static final int ORDER = 40;
    static final String PATH = WebConstants.CONTEXT_PATH + "/dashboard";

    public DashboardScreen() {
        super("dashboard", "screen.dashboard.title", PATH, "chart");
    }
}
