package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.QueryString;

/**
 * The confirmation after a form saved: the redirect names what was saved ({@code ?saved=signal}), the page it lands
 * on says so in a status message (read out by screen readers without taking the focus).
 */
final class Notices {
    static final String PARAMETER = "saved";

    private Notices() {}

    /** The confirmation for {@code ?saved=...}, or nothing; only known codes are shown. */
    static String saved(HttpServletRequest request, Messages messages) {
        return QueryString.first(request.getQueryString(), PARAMETER)
                .filter(code -> code.matches("[a-z]{1,20}"))
                .flatMap(code -> messages.find("saved." + code))
                .map(text -> "<p class=\"notice\" role=\"status\" id=\"notice\">" + escape(text) + "</p>\n")
                .orElse("");
    }
}
