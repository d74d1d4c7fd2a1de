package nl.meerwaarde.forms;

import java.util.List;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one validation engine for answers to any questionnaire, used by REST resources, screens, imports and
 * connectors alike. Pure: no I/O, no state, safe from any thread.
 *
 * <p>An answer's {@code linkId} is an <em>answer path</em>: the linkIds from the top of the questionnaire down to
 * the question, joined by {@code .}; a repeating group carries the 0-based index of its instance in brackets,
 * e.g. {@code plan.doelen[1].omschrijving}; a non-repeating group never does. The values of a repeating question
 * are the answer's value list. Value types: {@link Boolean} for boolean, any integral {@link Number} for integer,
 * any finite {@link Number} for decimal, {@link java.time.LocalDate} or an ISO {@code yyyy-MM-dd} string for
 * date, a {@link Coding} of one of the options for choice, {@link String} for string and text. A choice given as a
 * plain {@link String} is of the wrong type: {@link #fromJson} turns the codes a client sends into {@link Coding}s.
 * An empty value list is no answer. The error's field is the answer path.
 */
@ProviderType
public interface ResponseValidator {
    /** Longest answer to a {@code string} item, in characters. */
    int STRING_MAX_LENGTH = 2_000;

    /** Longest answer to a {@code text} item, in characters. */
    int TEXT_MAX_LENGTH = 10_000;

    /** Most values of one repeating question, and most instances of one repeating group. */
    int MAX_REPEATS = 100;

    /** Most errors reported for one response; a hostile payload does not produce a huge error list. */
    int MAX_ERRORS = 100;

    /**
     * Checks answers against a questionnaire.
     *
     * @return every problem found (at most {@link #MAX_ERRORS}), in answer order and then questionnaire order;
     *     empty when the answers may be stored
     */
    List<FieldError> validate(Questionnaire questionnaire, List<Answer> answers);

    /**
     * The answers with each value a client sent as plain JSON (string, number, boolean) in the type {@link
     * #validate} expects where JSON has none of its own: the code of a choice becomes a {@link Coding}, an ISO
     * date a {@link java.time.LocalDate} (so that it is stored as a date, not as free text). Anything else,
     * including an answer path that names no question, a blank code and a malformed date, is left as it is for
     * {@link #validate} to report.
     */
    List<Answer> fromJson(Questionnaire questionnaire, List<Answer> answers);

    /**
     * Checks answers and throws when any is invalid.
     *
     * @throws InvalidInputException with the errors {@link #validate} finds
     */
    default void requireValid(Questionnaire questionnaire, List<Answer> answers) {
        List<FieldError> errors = validate(questionnaire, answers);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
