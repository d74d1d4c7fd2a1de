package nl.meerwaarde.api.questionnaire;

import java.util.Objects;

/** Shows an item only when another item's answer equals (or, with {@code exists}, is present). */
public record EnableWhen(String question, Operator operator, String answer) {
    public EnableWhen {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(operator, "operator");
    }

    public enum Operator {
        EXISTS,
        EQUALS,
        NOT_EQUALS
    }
}
