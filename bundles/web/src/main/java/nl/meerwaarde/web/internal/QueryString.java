package nl.meerwaarde.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one parameter from a raw query string without touching the request body (unlike
 * {@code ServletRequest.getParameter}, which would consume a posted form).
 */
public final class QueryString {
    private QueryString() {}

    /** The first value of the named parameter in the query string, decoded; empty when absent (badly encoded pairs count as absent). */
    public static Optional<String> first(String query, String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                    return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                // a badly encoded pair is skipped, as if it were absent
            }
        }
        return Optional.empty();
    }
}
