package nl.meerwaarde.api.questionnaire;

import java.util.List;
import java.util.Objects;

/** A versioned questionnaire definition. */
public record Questionnaire(QuestionnaireRef ref, String title, List<Item> items) {
    public Questionnaire {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
    }
}
