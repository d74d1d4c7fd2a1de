package nl.meerwaarde.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the screens and messages are written in, and how a request picks one. */
public final class Languages {
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** Query parameter that picks the language explicitly, e.g. {@code ?lang=en}. */
    public static final String PARAMETER = "lang";

    private static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);

    private Languages() {}

    /**
     * The language to answer in: the {@code lang} parameter when it names a supported language, otherwise the best
     * supported match of the {@code Accept-Language} header, otherwise Dutch.
     *
     * @param parameter value of the {@code lang} query parameter, or {@code null}
     * @param acceptLanguage the {@code Accept-Language} header, or {@code null}
     */
    public static Locale choose(String parameter, String acceptLanguage) {
        Optional<Locale> explicit = explicit(parameter);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DUTCH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale match = Locale.lookup(ranges, SUPPORTED);
            return match == null ? DUTCH : supported(match);
        } catch (IllegalArgumentException malformed) {
            return DUTCH;
        }
    }

    /** The supported language the parameter names ({@code nl} or {@code en}, case-insensitive), if any. */
    public static Optional<Locale> explicit(String parameter) {
        if (parameter == null) {
            return Optional.empty();
        }
        String tag = parameter.trim();
        for (Locale locale : SUPPORTED) {
            if (locale.getLanguage().equalsIgnoreCase(tag)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }

    /** English for any English locale, Dutch for everything else. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : DUTCH;
    }
}
