package nl.meerwaarde.forms;

import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a questionnaire definition in Meerwaarde's JSON format, a subset of HL7 FHIR R4 {@code Questionnaire}
 * (described in the forms bundle's README), and checks it completely before anyone may use it.
 */
@ProviderType
public interface QuestionnaireParser {
    /** The largest definition accepted, in characters. */
    int MAX_DEFINITION_LENGTH = 1_000_000;

    /** How deep items may be nested: a top-level item is at depth 1. */
    int MAX_DEPTH = 5;

    /**
     * Parses and checks one definition.
     *
     * @param json the definition's JSON text
     * @return the definition, with every rule of the format satisfied
     * @throws InvalidInputException listing every problem found; a field is a path into the JSON such as {@code
     *     item[2].item[0].linkId}, a code one of {@link MessageCodes}
     */
    Questionnaire parse(String json);
}
