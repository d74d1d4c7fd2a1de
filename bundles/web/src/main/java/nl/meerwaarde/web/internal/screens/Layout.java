package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;

/**
 * The frame around every page of the shell: skip link, header with the user and a logout button, the menu, and the
 * main content. Plain HTML that works without scripts; every value is escaped here or by the caller of {@link
 * Model#body()}.
 */
final class Layout {
    private Layout() {}

    /**
     * What a page shows.
     *
     * @param title the page's heading, plain text
     * @param currentPath path of the page's menu entry, marked as the current page
     * @param userName name of the logged-in worker, if any
     * @param logoutPath where the host's logout form posts to, if a user is logged in
     * @param body the content under the heading, as HTML whose values are escaped
     */
    record Model(
            Messages messages,
            String title,
            String currentPath,
            Optional<String> userName,
            Optional<String> logoutPath,
            List<MenuItem> menu,
            Links links,
            String body) {}

    static String render(Model model) {
        Messages messages = model.messages();
        Locale language = messages.locale();
        Locale other = Languages.ENGLISH.equals(language) ? Languages.DUTCH : Languages.ENGLISH;
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language.toLanguageTag()))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(messages.get("layout.title", model.title())))
                .append("</title>\n<link rel=\"stylesheet\" href=\"")
                .append(escape(model.links().contextPath() + "/static/meerwaarde.css"))
                .append("\">\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">")
                .append(escape(messages.get("layout.skip")))
                .append("</a>\n<header class=\"site-header\">\n<div class=\"site-header__inner\">\n")
                .append("<a class=\"site-name\" href=\"")
                .append(escape(model.links().inContext("")))
                .append("\">")
                .append(escape(messages.get("app.name")))
                .append("</a>\n<div class=\"site-user\">\n");
        model.userName().ifPresent(name -> html.append("<p class=\"site-user__name\">")
                .append(escape(messages.get("layout.loggedInAs")))
                .append(" <strong>")
                .append(escape(name))
                .append("</strong></p>\n"));
        model.logoutPath().ifPresent(logout -> html.append("<form class=\"logout\" method=\"post\" action=\"")
                .append(escape(logout))
                .append("\"><button type=\"submit\">")
                .append(escape(messages.get("layout.logout")))
                .append("</button></form>\n"));
        html.append("<a class=\"language\" href=\"")
                .append(escape(model.links().inLanguage(other)))
                .append("\" lang=\"")
                .append(other.toLanguageTag())
                .append("\" hreflang=\"")
                .append(other.toLanguageTag())
                .append("\">")
                .append(escape(messages.get("layout.otherLanguage")))
                .append("</a>\n</div>\n</div>\n</header>\n");
        if (!model.menu().isEmpty()) {
            html.append("<nav class=\"site-nav\" aria-label=\"")
                    .append(escape(messages.get("layout.menu")))
                    .append("\">\n<ul>\n");
            for (MenuItem item : model.menu()) {
                html.append("<li><a href=\"")
                        .append(escape(model.links().href(item.path())))
                        .append('"');
                if (item.path().equals(model.currentPath())) {
                    html.append(" aria-current=\"page\"");
                }
                html.append('>').append(escape(item.title())).append("</a></li>\n");
            }
            html.append("</ul>\n</nav>\n");
        }
        html.append("<main id=\"main\" tabindex=\"-1\">\n<h1>")
                .append(escape(model.title()))
                .append("</h1>\n")
                .append(model.body())
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A paragraph of plain text. */
    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }
}
