package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Screen;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import org.junit.jupiter.api.Test;

class ScreenMenuTest {
    private long nextServiceId = 100;

    /** A screen of some other bundle. */
    private record Other(String id, String path, Role role) implements Screen {
        @Override
        public String title(Locale locale) {
            return Languages.ENGLISH.equals(locale) ? id + " (en)" : id + " (nl)";
        }

        @Override
        public String icon() {
            return "list";
        }

        @Override
        public Optional<Role> requiredRole() {
            return Optional.ofNullable(role);
        }
    }

    /** A screen whose bundle lost its resource bundle. */
    private static final class Broken implements Screen {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public String title(Locale locale) {
            throw new IllegalStateException("missing resource bundle");
        }

        @Override
        public String path() {
            return "/meerwaarde/broken";
        }

        @Override
        public String icon() {
            return "list";
        }

        @Override
        public Optional<Role> requiredRole() {
            return Optional.empty();
        }
    }

    private Map<String, Object> properties(Object order) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", nextServiceId++);
        if (order != null) {
            properties.put(Screen.ORDER, order);
        }
        return properties;
    }

    @Test
    void sortsByOrderAndLeavesUnorderedScreensLast() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new Other("kpi", "/meerwaarde/kpi", null), properties(40));
        menu.addScreen(new Other("late", "/meerwaarde/late", null), properties(null));
        menu.addScreen(new OverviewScreen(), properties(10));
        menu.addScreen(new Other("text-order", "/meerwaarde/t", null), properties("15"));
        menu.addScreen(new ActivitiesScreen(), properties(30L));
        menu.addScreen(new SignalsScreen(), properties(20));

        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("overview", "text-order", "signals", "activities", "kpi", "late");
    }

    @Test
    void titlesAreInTheRequestedLanguage() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new OverviewScreen(), properties(10));
        menu.addScreen(new ActivitiesScreen(), properties(30));

        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::title)
                .containsExactly("Overzicht", "Collectieve activiteiten");
        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.ENGLISH))
                .extracting(MenuItem::title)
                .containsExactly("Overview", "Collective activities");
    }

    @Test
    void aScreenNeedingARoleIsShownOnlyToWorkersWithIt() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new OverviewScreen(), properties(10));
        menu.addScreen(new Other("export-log", "/meerwaarde/export", Role.MANAGER), properties(50));
        menu.addScreen(new Other("settings", "/meerwaarde/settings", Role.ADMINISTRATOR), properties(60));

        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("overview");
        assertThat(menu.visibleTo(
                        Fixtures.worker("Manon", Set.of(Fixtures.NOORD), Role.WORKER, Role.MANAGER), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("overview", "export-log");
        assertThat(menu.visibleTo(Fixtures.worker("Ad", Set.of(), Role.ADMINISTRATOR), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("overview", "settings");
    }

    @Test
    void aResidentSeesNoMenu() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new OverviewScreen(), properties(10));

        assertThat(menu.visibleTo(Fixtures.resident(), Languages.DUTCH)).isEmpty();
    }

    @Test
    void followsScreensAsTheyComeChangeAndGo() {
        ScreenMenu menu = new ScreenMenu();
        Map<String, Object> signals = properties(20);
        Map<String, Object> activities = properties(30);
        menu.addScreen(new SignalsScreen(), signals);
        menu.addScreen(new ActivitiesScreen(), activities);

        Map<String, Object> moved = new HashMap<>(activities);
        moved.put(Screen.ORDER, 5);
        menu.updatedScreen(new ActivitiesScreen(), moved);
        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("activities", "signals");

        menu.removeScreen(new SignalsScreen(), signals);
        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("activities");
    }

    @Test
    void aFaultyScreenOrOneLeadingElsewhereIsLeftOut() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new OverviewScreen(), properties(10));
        menu.addScreen(new Other("elsewhere", "https://evil.example/", null), properties(20));
        menu.addScreen(new Other("scheme-relative", "//evil.example/", null), properties(21));
        menu.addScreen(new Other("script", "javascript:alert(1)", null), properties(22));
        menu.addScreen(new Broken(), properties(23));

        assertThat(menu.visibleTo(Fixtures.fatima(), Languages.DUTCH))
                .extracting(MenuItem::id)
                .containsExactly("overview");
    }
}
