package nl.meerwaarde.web.internal.screens;

import java.util.Objects;

/**
 * What a page servlet answers: a status and the page inside the shell's layout, or a redirect.
 *
 * @param title the heading, plain text
 * @param currentPath path of the menu entry to mark as current
 * @param body HTML under the heading, every value escaped
 * @param location where a redirect (3xx) sends the browser, else {@code null}
 */
record PageContent(int status, String title, String currentPath, String body, String location) {

    static PageContent page(String title, String currentPath, String body) {
        return new PageContent(200, Objects.requireNonNull(title), currentPath, Objects.requireNonNull(body), null);
    }

    /** A page that only says something, e.g. "not found" with status 404. */
    static PageContent message(int status, String title, String text) {
        return new PageContent(status, title, "", Layout.paragraph(text), null);
    }

    /** After a form saved: the browser goes to the location with GET (redirect-after-post). */
    static PageContent seeOther(String location) {
        return new PageContent(303, "", "", "", Objects.requireNonNull(location));
    }

    /** The page with another status, e.g. 400 when a form is shown again with its errors. */
    PageContent withStatus(int newStatus) {
        return new PageContent(newStatus, title, currentPath, body, location);
    }

    static PageContent redirect(String location) {
        return new PageContent(302, "", "", "", Objects.requireNonNull(location));
    }
}
