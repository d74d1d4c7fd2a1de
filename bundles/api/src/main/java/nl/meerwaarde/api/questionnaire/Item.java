package nl.meerwaarde.api.questionnaire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a questionnaire (FHIR {@code Questionnaire.item}), with min/max for numbers and scales.
 *
 * @param linkId unique within the questionnaire
 */
public record Item(
        String linkId,
        ItemType type,
        String text,
        boolean required,
        boolean repeats,
        List<AnswerOption> options,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        List<EnableWhen> enableWhen,
        List<Item> items) {
    public Item {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        enableWhen = List.copyOf(enableWhen);
        items = List.copyOf(items);
    }
}
