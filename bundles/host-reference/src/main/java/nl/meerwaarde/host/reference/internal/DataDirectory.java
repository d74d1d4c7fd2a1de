package nl.meerwaarde.host.reference.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where the host keeps its database: the configured directory, or one derived from the framework's properties. */
final class DataDirectory {
    /** Framework property naming Meerwaarde's data directory. */
    static final String MEERWAARDE_DATA = "meerwaarde.data";
    /** Karaf's data directory; we use a {@code meerwaarde} folder in it. */
    static final String KARAF_DATA = "karaf.data";

    private DataDirectory() {}

    /**
     * Resolves the data directory.
     *
     * @param configured the {@code dataDirectory} attribute; blank means "derive it"
     * @param frameworkProperty reads a framework property, {@code null} when unset
     * @return an absolute, normalised path
     */
    static Path resolve(String configured, UnaryOperator<String> frameworkProperty) {
        Path directory;
        if (configured != null && !configured.isBlank()) {
            directory = Path.of(configured.trim());
        } else if (isSet(frameworkProperty.apply(MEERWAARDE_DATA))) {
            directory = Path.of(frameworkProperty.apply(MEERWAARDE_DATA).trim());
        } else if (isSet(frameworkProperty.apply(KARAF_DATA))) {
            directory = Path.of(frameworkProperty.apply(KARAF_DATA).trim(), "meerwaarde");
        } else {
            directory = Path.of("data");
        }
        return directory.toAbsolutePath().normalize();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
