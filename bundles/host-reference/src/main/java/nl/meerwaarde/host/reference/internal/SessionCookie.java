package nl.meerwaarde.host.reference.internal;

/**
 * The session cookie: {@value #NAME}, HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * posts), Path=/ and, when configured, Secure. It lives as long as the browser session; the server ends the
 * session itself after the idle timeout.
 */
final class SessionCookie {
    static final String NAME = "MW_SESSION";

    private SessionCookie() {}

    /** The {@code Set-Cookie} header value that hands the token to the browser. */
    static String set(String token, boolean secure) {
        if (!SessionService.wellFormed(token)) {
            throw new IllegalArgumentException("not a session token");
        }
        return NAME + "=" + token + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} header value that makes the browser forget the cookie. */
    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
