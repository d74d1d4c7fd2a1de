package nl.meerwaarde.host.reference.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the login and logout pages do, apart from the servlet API: {@link LoginServlet} and {@link LogoutServlet}
 * only copy requests in and answers out.
 */
final class LoginController {
    static final String TOO_MANY_TRIES = "Te veel mislukte pogingen. Probeer het over %d minuten opnieuw.";

    private final Authenticator authenticator;
    private final Supplier<String> organisationName;
    private final boolean secureCookie;

    LoginController(Authenticator authenticator, Supplier<String> organisationName, boolean secureCookie) {
        this.authenticator = authenticator;
        this.organisationName = organisationName;
        this.secureCookie = secureCookie;
    }

    /** GET /login: the empty form. */
    WebAnswer showLogin(String returnTo) {
        return WebAnswer.page(
                200, LoginPage.login(organisationName.get(), ReturnTo.orDefault(returnTo), "", null), Map.of());
    }

    /**
     * POST /login.
     *
     * @param origin the request's {@code Origin} header, or {@code null}
     * @param host the request's {@code Host} header, or {@code null}
     */
    WebAnswer login(String username, String password, String returnTo, String origin, String host) {
        if (!sameOrigin(origin, host)) {
            return crossSite();
        }
        String target = ReturnTo.orDefault(returnTo);
        Authenticator.Outcome outcome = authenticator.login(username, password);
        if (outcome instanceof Authenticator.LoggedIn loggedIn) {
            return WebAnswer.seeOther(target, Map.of("Set-Cookie", SessionCookie.set(loggedIn.token(), secureCookie)));
        }
        String shownName = username == null ? "" : username.strip();
        if (shownName.length() > Authenticator.MAX_LOGIN_LENGTH) {
            shownName = "";
        }
        if (outcome instanceof Authenticator.Throttled throttled) {
            Duration wait = throttled.retryAfter();
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            String message = String.format(Locale.ROOT, TOO_MANY_TRIES, minutes);
            return WebAnswer.page(
                    429,
                    LoginPage.login(organisationName.get(), target, shownName, message),
                    Map.of("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
        }
        return WebAnswer.page(
                200,
                LoginPage.login(organisationName.get(), target, shownName, LoginPage.UNKNOWN_CREDENTIALS),
                Map.of());
    }

    /** GET /logout: asks to confirm. */
    WebAnswer showLogout() {
        return WebAnswer.page(200, LoginPage.logout(organisationName.get()), Map.of());
    }

    /** POST /logout: ends the session, clears the cookie and goes to the login page. */
    WebAnswer logout(Optional<String> token, String origin, String host) {
        if (!sameOrigin(origin, host)) {
            return crossSite();
        }
        token.ifPresent(authenticator::logout);
        return WebAnswer.seeOther(ReturnTo.LOGIN_PATH, Map.of("Set-Cookie", SessionCookie.clear(secureCookie)));
    }

    /** The answer when something broke: a plain page, the details only in the log. */
    static WebAnswer failure() {
        return WebAnswer.page(
                500,
                LoginPage.problem("Er ging iets mis", "Er ging iets mis bij het inloggen. Probeer het later opnieuw."),
                Map.of());
    }

    private static WebAnswer crossSite() {
        return WebAnswer.page(
                403,
                LoginPage.problem(
                        "Niet toegestaan", "Dit formulier kan alleen vanaf de eigen pagina's worden verstuurd."),
                Map.of());
    }

    /**
     * Whether a form post comes from a page of this server. Browsers send {@code Origin} with every POST; a
     * request without one (not a browser, or a very old one) passes, SameSite=Lax guards the cookie there.
     */
    static boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            String authority = uri.getRawAuthority();
            return uri.getScheme() != null && authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
