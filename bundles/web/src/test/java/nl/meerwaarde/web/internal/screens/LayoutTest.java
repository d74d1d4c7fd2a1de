package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private static final List<MenuItem> MENU = List.of(
            new MenuItem("overview", "Overzicht", "/meerwaarde/", "home", 10),
            new MenuItem("signals", "Signalen", "/meerwaarde/signals", "signal", 20));

    private static String render(Messages messages, Optional<String> user, Links links) {
        return Layout.render(new Layout.Model(
                messages,
                "Signalen",
                "/meerwaarde/signals",
                user,
                user.map(name -> "/logout"),
                MENU,
                links,
                "<p>inhoud</p>\n"));
    }

    private static Links plain(String uri, String query) {
        return new Links("/meerwaarde", uri, query, Optional.empty());
    }

    @Test
    void aDutchPageWithSkipLinkLandmarksAndTheCurrentScreenMarked() {
        String html =
                render(Messages.of(Languages.DUTCH), Optional.of("Fatima Yilmaz"), plain("/meerwaarde/signals", null));

        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"nl\">")
                .contains("<title>Signalen – Meerwaarde</title>")
                .contains("<a class=\"skip-link\" href=\"#main\">Naar de inhoud</a>")
                .contains("<header class=\"site-header\">")
                .contains("<nav class=\"site-nav\" aria-label=\"Hoofdmenu\">")
                .contains("<main id=\"main\" tabindex=\"-1\">\n<h1>Signalen</h1>")
                .contains("<a href=\"/meerwaarde/signals\" aria-current=\"page\">Signalen</a>")
                .contains("<a href=\"/meerwaarde/\">Overzicht</a>")
                .contains("Ingelogd als <strong>Fatima Yilmaz</strong>")
                .contains("<form class=\"logout\" method=\"post\" action=\"/logout\">"
                        + "<button type=\"submit\">Uitloggen</button></form>")
                .contains("<link rel=\"stylesheet\" href=\"/meerwaarde/static/meerwaarde.css\">")
                .contains("href=\"/meerwaarde/signals?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")
                .doesNotContain("<script");
        assertThat(html.indexOf("skip-link")).isLessThan(html.indexOf("<header"));
    }

    @Test
    void theWorkersNameIsEscaped() {
        String html = render(
                Messages.of(Languages.DUTCH),
                Optional.of("<img src=x onerror=alert(1)>"),
                plain("/meerwaarde/signals", null));

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void anExplicitlyChosenLanguageIsCarriedOnToEveryLink() {
        Links english =
                new Links("/meerwaarde", "/meerwaarde/signals", "page=2&lang=en", Optional.of(Languages.ENGLISH));

        String html = render(Messages.of(Languages.ENGLISH), Optional.of("Fatima"), english);

        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<a href=\"/meerwaarde/signals?lang=en\" aria-current=\"page\">")
                .contains("<a href=\"/meerwaarde/?lang=en\">Overzicht</a>")
                .contains("Skip to content")
                .contains("href=\"/meerwaarde/signals?page=2&amp;lang=nl\" lang=\"nl\" hreflang=\"nl\">Nederlands</a>");
    }

    @Test
    void withoutAMenuThereIsNoEmptyNavigation() {
        String html = Layout.render(new Layout.Model(
                Messages.of(Languages.DUTCH),
                "Geen toegang",
                "",
                Optional.empty(),
                Optional.empty(),
                List.of(),
                plain("/meerwaarde/", null),
                "<p>x</p>\n"));

        assertThat(html).doesNotContain("<nav").doesNotContain("Ingelogd als").doesNotContain("Uitloggen");
    }

    @Test
    void thePagerLinksKeepTheQueryAndTheLanguage() {
        Links links = new Links("/meerwaarde", "/meerwaarde/signals", "page=2&lang=en", Optional.of(Languages.ENGLISH));

        String html = Pager.of("2", 50, 120).render(Messages.of(Languages.ENGLISH), links);

        assertThat(html)
                .contains("<nav class=\"pager\" aria-label=\"Pagination\">")
                .contains("<p>51–100 of 120</p>")
                .contains("<a rel=\"prev\" href=\"/meerwaarde/signals?page=1&amp;lang=en\">Previous page</a>")
                .contains("<a rel=\"next\" href=\"/meerwaarde/signals?page=3&amp;lang=en\">Next page</a>");
    }

    @Test
    void aPageNumberOutOfRangeShowsTheNearestPage() {
        assertThat(Pager.of("9", 50, 120).page()).isEqualTo(3);
        assertThat(Pager.of("-4", 50, 120).page()).isEqualTo(1);
        assertThat(Pager.of("two", 50, 120).page()).isEqualTo(1);
        assertThat(Pager.of(null, 50, 0).offset()).isZero();
        assertThat(Pager.of("3", 50, 120).offset()).isEqualTo(100);
        assertThat(Pager.of("1", 50, 20).render(Messages.of(Languages.DUTCH), plain("/meerwaarde/signals", null)))
                .isEmpty();
    }
}
