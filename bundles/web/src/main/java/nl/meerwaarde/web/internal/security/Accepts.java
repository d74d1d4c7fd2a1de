package nl.meerwaarde.web.internal.security;

import java.util.Locale;

/** Reads an {@code Accept} header just far enough to tell a browser's page request from an API call. */
final class Accepts {
    private Accepts() {}

    /**
     * Whether the header explicitly accepts an HTML page ({@code text/html} or {@code application/xhtml+xml} with a
     * quality above zero), as browsers send when they navigate. A bare wildcard does not count: that is what scripts
     * and API clients send.
     */
    static boolean html(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((type.equals("text/html") || type.equals("application/xhtml+xml")) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
