package nl.meerwaarde.api.questionnaire;

import java.util.Objects;

/** A questionnaire definition at one version; a response always names the one it was given under. */
public record QuestionnaireRef(String id, int version) {
    public QuestionnaireRef {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
            throw new IllegalArgumentException("a questionnaire id is lower case letters, digits, '.' and '-'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a questionnaire version starts at 1");
        }
    }
}
