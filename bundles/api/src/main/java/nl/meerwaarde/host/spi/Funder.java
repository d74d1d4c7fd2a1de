package nl.meerwaarde.host.spi;

import java.util.Objects;

/**
 * A funder (opdrachtgever) the organisation works for.
 *
 * @param municipalityCode CBS gemeentecode when the funder is a municipality, otherwise {@code null}
 */
public record Funder(FunderId id, String name, String municipalityCode) {
    public Funder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (municipalityCode != null && !municipalityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("municipalityCode must be a four-digit CBS gemeentecode");
        }
    }
}
