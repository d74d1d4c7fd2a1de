package nl.meerwaarde.web.internal.rest;

import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Requests;

/** What an exception mapper needs to know of the request it answers. */
record RequestInfo(String method, String path, Locale locale) {

    /** The info of a request; for {@code null} (outside a request) an unknown request in Dutch. */
    static RequestInfo of(HttpServletRequest request) {
        if (request == null) {
            return new RequestInfo("?", "?", Languages.DUTCH);
        }
        return new RequestInfo(request.getMethod(), request.getRequestURI(), Requests.locale(request));
    }
}
