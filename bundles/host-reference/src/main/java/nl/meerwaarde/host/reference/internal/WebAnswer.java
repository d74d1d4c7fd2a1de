package nl.meerwaarde.host.reference.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the host's pages answer, free of any servlet API so the logic can be tested without a container: a status,
 * headers (one value each) and an HTML body (empty for redirects).
 */
record WebAnswer(int status, Map<String, String> headers, String body) {
    WebAnswer {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** An HTML page with the headers every page of the host carries. */
    static WebAnswer page(int status, String html, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders());
        headers.put("Content-Type", "text/html; charset=UTF-8");
        headers.putAll(extraHeaders);
        return new WebAnswer(status, headers, html);
    }

    /** A 303 See Other to the location (a path on this server). */
    static WebAnswer seeOther(String location, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders());
        headers.put("Location", location);
        headers.putAll(extraHeaders);
        return new WebAnswer(303, headers, "");
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", LoginPage.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        return headers;
    }

    String header(String name) {
        return headers.get(name);
    }
}
