package nl.meerwaarde.api.questionnaire;

import java.util.Objects;

/**
 * A coded answer value (FHIR {@code valueCoding}): the code of one of a choice item's {@link AnswerOption}s. A
 * separate type, not a plain {@link String}, so that a code is never mistaken for free text: codes are counted
 * data and survive the erasure of a resident's free texts.
 *
 * @param code the option's code; never blank
 */
public record Coding(String code) {
    public Coding {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A code must not be blank");
        }
    }
}
