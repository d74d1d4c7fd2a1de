package nl.meerwaarde.api.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.host.spi.ResidentId;

/**
 * Answers given to one version of a questionnaire.
 *
 * @param resident whose answers these are, when they are a resident's (not for activity registrations)
 */
public record QuestionnaireResponse(
        UUID id,
        QuestionnaireRef questionnaire,
        Optional<ResidentId> resident,
        Instant authored,
        List<Answer> answers) {
    public QuestionnaireResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(authored, "authored");
        answers = List.copyOf(answers);
    }

    /** The answer(s) to one item; values are typed as the item's type says (Boolean, BigDecimal, String...). */
    public record Answer(String linkId, List<Object> values) {
        public Answer {
            Objects.requireNonNull(linkId, "linkId");
            values = List.copyOf(values);
        }
    }
}
