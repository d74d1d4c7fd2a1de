package nl.meerwaarde.api.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.host.spi.ResidentId;

/**
 * Answers given to one version of a questionnaire. The version is kept with the answers: publishing a new
 * version of the questionnaire never changes what an old response means.
 *
 * @param resident whose answers these are, when they are a resident's (not for activity registrations)
 * @param activity the collective activity they were given in or for, when any
 * @param authoredBy {@code Subject.auditName()} of who entered them (a worker, or the resident in a self-scan)
 */
public record QuestionnaireResponse(
        UUID id,
        QuestionnaireRef questionnaire,
        Optional<ResidentId> resident,
        Optional<ActivityId> activity,
        Instant authored,
        String authoredBy,
        List<Answer> answers) {
    public QuestionnaireResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(authoredBy, "authoredBy");
        Objects.requireNonNull(authored, "authored");
        answers = List.copyOf(answers);
    }

    /**
     * The answer(s) to one item; values are typed as the item's type says: {@link Boolean} for boolean, a {@link
     * Number} for integer and decimal, {@link java.time.LocalDate} (or its ISO {@code yyyy-MM-dd} text) for date,
     * {@link String} (free text) for string and text, and {@link Coding} for choice, never the code as a plain
     * {@link String}.
     */
    public record Answer(String linkId, List<Object> values) {
        public Answer {
            Objects.requireNonNull(linkId, "linkId");
            values = List.copyOf(values);
        }
    }
}
