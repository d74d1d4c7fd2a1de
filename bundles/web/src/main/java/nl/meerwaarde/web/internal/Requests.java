package nl.meerwaarde.web.internal;

import java.util.Locale;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;

/** Reads what the Meerwaarde context put on a request: who is asking, and in which language to answer. */
public final class Requests {
    private Requests() {}

    /** The subject the host resolved; empty only if the request did not pass the Meerwaarde context. */
    public static Optional<Subject> subject(HttpServletRequest request) {
        return request.getAttribute(WebConstants.SUBJECT_ATTRIBUTE) instanceof Subject subject
                ? Optional.of(subject)
                : Optional.empty();
    }

    /** Where the host's logout form posts to, as the context recorded it with the subject. */
    public static Optional<String> logoutLocation(HttpServletRequest request) {
        return request.getAttribute(WebConstants.LOGOUT_ATTRIBUTE) instanceof String logout
                ? Optional.of(logout)
                : Optional.empty();
    }

    /** The language to answer in, as the context chose it (or, failing that, as the request asks). */
    public static Locale locale(HttpServletRequest request) {
        if (request.getAttribute(WebConstants.LOCALE_ATTRIBUTE) instanceof Locale locale) {
            return Languages.supported(locale);
        }
        return Languages.choose(
                QueryString.first(request.getQueryString(), Languages.PARAMETER).orElse(null),
                request.getHeader("Accept-Language"));
    }

    /** The language the {@code lang} query parameter asks for explicitly, if any (links then carry it on). */
    public static Optional<Locale> explicitLanguage(HttpServletRequest request) {
        return QueryString.first(request.getQueryString(), Languages.PARAMETER).flatMap(Languages::explicit);
    }
}
