package nl.meerwaarde.api.questionnaire;

import java.util.Objects;

/** One allowed answer of a choice item: a code and its Dutch display text. */
public record AnswerOption(String code, String display) {
    public AnswerOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
    }
}
