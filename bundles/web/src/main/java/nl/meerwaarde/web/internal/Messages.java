package nl.meerwaarde.web.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The user-interface texts of this bundle in one language, from {@code OSGI-INF/l10n/messages.properties} (Dutch,
 * the default) and {@code messages_en.properties}. Looked up through this bundle's class loader; caching is left to
 * {@link ResourceBundle}.
 */
public final class Messages {
    /** Base name of the resource bundles, relative to the bundle root. */
    public static final String BASE_NAME = "OSGI-INF/l10n/messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The texts for the given language; Dutch for any language but English. Never falls back to the JVM's default
     * locale (which would make an English server answer Dutch users in English).
     */
    public static Messages of(Locale locale) {
        Locale language = Languages.supported(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(
                BASE_NAME,
                language,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, language);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for the key with the arguments filled in; the key itself when there is no such text. */
    public String get(String key, Object... arguments) {
        return find(key, arguments).orElse(key);
    }

    /** The text for the key with the arguments filled in, when there is one. */
    public Optional<String> find(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
        return Optional.of(new MessageFormat(pattern, locale).format(arguments));
    }
}
