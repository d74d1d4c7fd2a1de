package nl.meerwaarde.web.internal.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Subjects;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Problem;
import nl.meerwaarde.web.internal.ProblemPage;
import nl.meerwaarde.web.internal.QueryString;
import org.osgi.service.http.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for every request into the Meerwaarde context, whether it may go on: only when the host's {@link Subjects}
 * service names who is asking. Otherwise a browser asking for a page is sent to the host's login (303), and anything
 * else gets 401 with problem details. Without a {@code Subjects} service, or when it fails, nothing gets through.
 */
public final class Authenticator {
    /** Challenge sent with 401: a scheme browsers do not know, so they never show a password dialog. */
    public static final String CHALLENGE = "Session realm=\"" + WebConstants.CONTEXT_NAME + "\"";

    /** Seconds a client is asked to wait when the host's login is not there (yet). */
    static final int RETRY_AFTER_SECONDS = 30;

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; object-src 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final Supplier<Subjects> subjects;
    private final ObjectMapper json;

    /**
     * @param subjects gives the host's current {@code Subjects} service, or {@code null} while there is none
     * @param json writes the problem details
     */
    public Authenticator(Supplier<Subjects> subjects, ObjectMapper json) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Authenticates the request; when it may go on, sets the request attributes {@link
     * WebConstants#SUBJECT_ATTRIBUTE}, {@link WebConstants#LOCALE_ATTRIBUTE} and {@link
     * ServletContextHelper#REMOTE_USER}.
     *
     * @return {@code true} when the request may go on; {@code false} when the response has been written
     */
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Languages.choose(
                QueryString.first(request.getQueryString(), Languages.PARAMETER).orElse(null),
                request.getHeader("Accept-Language"));
        request.setAttribute(WebConstants.LOCALE_ATTRIBUTE, locale);
        String path = pathInContext(request);
        protect(response, path);
        Messages messages = Messages.of(locale);

        Subjects host = subjects.get();
        if (host == null) {
            LOG.debug("No host Subjects service: refusing {} {}", request.getMethod(), request.getRequestURI());
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            refuse(
                    request,
                    response,
                    wantsPage(request, path),
                    Problem.ofStatus(503, messages).withDetail(messages.get("problem.hostUnavailable.detail")),
                    messages);
            return false;
        }
        try {
            Optional<Subject> subject = host.resolve(new ServletHostRequest(request));
            if (subject.isPresent()) {
                request.setAttribute(WebConstants.LOGOUT_ATTRIBUTE, host.logoutLocation());
                request.setAttribute(WebConstants.SUBJECT_ATTRIBUTE, subject.get());
                request.setAttribute(
                        ServletContextHelper.REMOTE_USER, subject.get().auditName());
                return true;
            }
            if (wantsPage(request, path)) {
                String login = host.loginLocation(returnTo(request));
                if (login == null || login.isBlank()) {
                    throw new IllegalStateException("The host's Subjects service gave no login location");
                }
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", login);
                response.setContentLength(0);
                return false;
            }
            response.setHeader("WWW-Authenticate", CHALLENGE);
            refuse(
                    request,
                    response,
                    false,
                    Problem.ofStatus(401, messages).withDetail(messages.get("problem.unauthorized.detail")),
                    messages);
            return false;
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error(
                    "The host's Subjects service failed on {} {} (incident {})",
                    request.getMethod(),
                    request.getRequestURI(),
                    incident,
                    e);
            refuse(request, response, wantsPage(request, path), Problem.unexpected(incident, messages), messages);
            return false;
        }
    }

    /** A browser navigating to a page (not the REST API) that accepts HTML is better served by the login page. */
    static boolean wantsPage(HttpServletRequest request, String pathInContext) {
        boolean api = pathInContext.equals(WebConstants.APPLICATION_BASE)
                || pathInContext.startsWith(WebConstants.APPLICATION_BASE + "/");
        return !api && Accepts.html(request.getHeader("Accept"));
    }

    /**
     * Where the host returns to after login: the original path and query. Only a path on this server is passed on;
     * anything that a browser could read as another server ({@code //host}, backslashes, control characters) becomes
     * the shell's home page.
     */
    static String returnTo(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        String target = query == null ? uri : uri + "?" + query;
        boolean local = target != null
                && target.startsWith("/")
                && !target.startsWith("//")
                && target.indexOf('\\') < 0
                && target.chars().noneMatch(Character::isISOControl);
        return local ? target : WebConstants.CONTEXT_PATH + "/";
    }

    /** The request's path inside the context, e.g. {@code /api/v1/me}. */
    static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Headers on every answer: no sniffing, no framing by others, no caching of personal data (static files aside). */
    private static void protect(HttpServletResponse response, String path) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (!path.startsWith("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** The problem as problem details, or as a small HTML page for a browser asking for a page. */
    private void refuse(
            HttpServletRequest request, HttpServletResponse response, boolean page, Problem problem, Messages messages)
            throws IOException {
        byte[] body = (page ? ProblemPage.html(problem, messages, request.getContextPath()) : problem.toJson(json))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(page ? "text/html;charset=UTF-8" : WebConstants.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
