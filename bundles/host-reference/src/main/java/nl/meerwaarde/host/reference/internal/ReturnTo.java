package nl.meerwaarde.host.reference.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a browser goes after logging in. Only a path on this server is accepted (never a URL with a scheme or
 * host, nor {@code //host}, which browsers read as one), so the login page cannot be used as an open redirect.
 */
final class ReturnTo {
    /** Where a worker lands when there is no (acceptable) place to return to. */
    static final String DEFAULT = "/meerwaarde/";

    static final String LOGIN_PATH = "/login";
    static final String LOGOUT_PATH = "/logout";
    static final String PARAMETER = "returnTo";
    static final int MAX_LENGTH = 2000;

    private ReturnTo() {}

    /** The path when it is a same-server path, else empty. */
    static Optional<String> safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // Browsers treat '\' as '/', and strip tabs and line breaks: "/\host" and "/\t/host" lead elsewhere.
            if (c == '\\' || c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//") || path.equals(LOGIN_PATH) || path.equals(LOGOUT_PATH)) {
                // Returning to the login or logout page itself would go round in circles.
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** The path when it is a same-server path, else {@link #DEFAULT}. */
    static String orDefault(String candidate) {
        return safe(candidate).orElse(DEFAULT);
    }

    /** The login page that returns to the path afterwards; without the path when it is not acceptable. */
    static String loginLocation(String returnTo) {
        return safe(returnTo)
                .map(path -> LOGIN_PATH + "?" + PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .orElse(LOGIN_PATH);
    }
}
