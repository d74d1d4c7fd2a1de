package nl.meerwaarde.host.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Meerwaarde may know about a resident: enough to show a name on a screen and to break figures down by
 * age, gender and area. Never a BSN, address or date of birth.
 *
 * @param id the host's id
 * @param displayName name for screens only; never stored by Meerwaarde, never exported
 * @param birthYear year of birth, when known
 * @param genderCode gender code as in the Dutch iStandaarden ({@code 1} man, {@code 2} vrouw, {@code 3}
 *     onbekend/anders), when known
 * @param municipalityCode CBS gemeentecode of residence (four digits, e.g. {@code 0114} Emmen), when known
 * @param postcodeArea the four digits of the postcode, when known
 */
public record Resident(
        ResidentId id,
        String displayName,
        Integer birthYear,
        String genderCode,
        String municipalityCode,
        String postcodeArea) {
    public Resident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        if (municipalityCode != null && !municipalityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("municipalityCode must be a four-digit CBS gemeentecode");
        }
        if (postcodeArea != null && !postcodeArea.matches("[1-9]\\d{3}")) {
            throw new IllegalArgumentException("postcodeArea must be the four digits of a Dutch postcode");
        }
    }

    public OptionalInt birthYearIfKnown() {
        return birthYear == null ? OptionalInt.empty() : OptionalInt.of(birthYear);
    }

    public Optional<String> municipality() {
        return Optional.ofNullable(municipalityCode);
    }
}
