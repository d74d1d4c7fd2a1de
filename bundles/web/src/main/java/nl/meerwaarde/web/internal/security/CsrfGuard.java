package nl.meerwaarde.web.internal.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;

/**
 * Protection of every form POST of the screens against cross-site request forgery: a <em>signed double-submit
 * token</em> plus an origin check.
 *
 * <ul>
 *   <li>The browser gets a random value (256 bits) in the cookie {@value #COOKIE} ({@code HttpOnly}, {@code
 *       SameSite=Strict}, path {@code /meerwaarde}, {@code Secure} over HTTPS) the first time it is shown a form.
 *   <li>Every form carries the hidden field {@value #FIELD}: the HMAC-SHA256 of that cookie value and the user's
 *       audit name, under a key of 256 random bits that this component makes when it starts and keeps in memory
 *       only. The host's own session cookie is not needed (and not known to this bundle: hosts differ).
 *   <li>A POST is accepted only when the cookie is there, the field equals the HMAC for it and for the logged-in
 *       user (compared in constant time), and the request is not cross-origin: an {@code Origin} (or, without it, a
 *       {@code Referer}) must name the same host and port as the {@code Host} header, and {@code Sec-Fetch-Site}
 *       must not be {@code cross-site} or {@code same-site}.
 * </ul>
 *
 * An attacker's page can neither read the cookie nor compute the HMAC without the key; a token stolen from another
 * user or browser does not fit the victim's cookie. A restart makes a new key: an open form then answers 403 with
 * the advice to reload it.
 */
@Component(service = CsrfGuard.class)
public final class CsrfGuard {
    /** The cookie holding the browser's random value. */
    public static final String COOKIE = "meerwaarde-csrf";

    /** The hidden form field holding the token. */
    public static final String FIELD = "csrf";

    /** Request attribute where the page finds the token for its forms. */
    public static final String ATTRIBUTE = "nl.meerwaarde.web.csrf";

    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public CsrfGuard() {
        this(random(32));
    }

    /** For tests: the given key. */
    public CsrfGuard(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The token for the forms of this page, also put in the request attribute {@value #ATTRIBUTE}; sets the cookie
     * when the browser has none (or a malformed one).
     */
    public String issue(HttpServletRequest request, HttpServletResponse response, Subject subject) {
        String value = cookie(request).orElse(null);
        if (value == null) {
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
            response.addHeader(
                    "Set-Cookie",
                    COOKIE + "=" + value + "; Path=" + WebConstants.CONTEXT_PATH + "; HttpOnly; SameSite=Strict"
                            + (request.isSecure() ? "; Secure" : ""));
        }
        String token = token(value, subject);
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether a POST carrying this token may go on. */
    public boolean accepts(HttpServletRequest request, String token, Subject subject) {
        if (token == null || !sameOrigin(request)) {
            return false;
        }
        Optional<String> value = cookie(request);
        if (value.isEmpty()) {
            return false;
        }
        byte[] expected = token(value.get(), subject).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    String token(String cookieValue, Subject subject) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(cookieValue.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(subject.auditName().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The browser's random value, when it sent a well-formed one. */
    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie != null
                    && COOKIE.equals(cookie.getName())
                    && cookie.getValue() != null
                    && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Not sent from another site: Fetch metadata, then {@code Origin}, else {@code Referer}, against {@code Host}. */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null) {
            return true; // an old browser or a privacy setting: the token alone decides
        }
        String host = request.getHeader("Host");
        if (host == null || source.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(source.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return withoutDefaultPort(authority, uri.getScheme())
                    .equalsIgnoreCase(withoutDefaultPort(host.trim(), uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String lower = authority.toLowerCase(Locale.ROOT);
        String port = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
        return lower.endsWith(port) ? lower.substring(0, lower.length() - port.length()) : lower;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
