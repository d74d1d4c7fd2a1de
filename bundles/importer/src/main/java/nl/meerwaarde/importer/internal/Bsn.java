package nl.meerwaarde.importer.internal;

import java.util.Locale;

/** Field names that may carry a citizen service number (BSN), which Meerwaarde never accepts. */
final class Bsn {
    private Bsn() {}

    /** Whether the name mentions a BSN, e.g. {@code bsn}, {@code residentBSN}, {@code burgerservicenummer}. */
    static boolean looksLike(String fieldName) {
        String letters = fieldName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.contains("bsn") || letters.contains("burgerservicenummer") || letters.contains("sofinummer");
    }
}
