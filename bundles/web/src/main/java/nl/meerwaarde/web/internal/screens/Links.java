package nl.meerwaarde.web.internal.screens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.meerwaarde.web.internal.Languages;

/**
 * Builds the links of a page. A language the user picked explicitly ({@code ?lang=en}) is carried on to every link,
 * so that it stays chosen without cookies or scripts.
 *
 * @param contextPath the path of the Meerwaarde context as the request sees it, e.g. {@code /meerwaarde}
 * @param requestUri the path of the current page, e.g. {@code /meerwaarde/signals}
 * @param query the current query string, or {@code null}
 * @param explicitLanguage the language picked with {@code ?lang=}, if any
 */
record Links(String contextPath, String requestUri, String query, Optional<Locale> explicitLanguage) {

    /** The path with the explicitly picked language added, e.g. {@code /meerwaarde/signals?lang=en}. */
    String href(String path) {
        return explicitLanguage
                .map(language ->
                        path + (path.contains("?") ? "&" : "?") + Languages.PARAMETER + "=" + language.getLanguage())
                .orElse(path);
    }

    /** A path inside the context, e.g. {@code static/meerwaarde.css}, with the language carried on. */
    String inContext(String relative) {
        return href(contextPath + "/" + relative);
    }

    /** The current page with another query parameter value, keeping the rest of the query (and language). */
    String current(String parameter, String value) {
        String kept = queryWithout(parameter, Languages.PARAMETER);
        String pair = encode(parameter) + "=" + encode(value);
        return href(requestUri + "?" + (kept.isEmpty() ? pair : kept + "&" + pair));
    }

    /** The current page in the given language. */
    String inLanguage(Locale language) {
        String kept = queryWithout(Languages.PARAMETER);
        String pair = Languages.PARAMETER + "=" + language.getLanguage();
        return requestUri + "?" + (kept.isEmpty() ? pair : kept + "&" + pair);
    }

    private String queryWithout(String... names) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty())
                .filter(pair -> {
                    String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    return Arrays.stream(names).noneMatch(key::equals);
                })
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
