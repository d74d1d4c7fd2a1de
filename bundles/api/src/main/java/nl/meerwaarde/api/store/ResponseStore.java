package nl.meerwaarde.api.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Questionnaire responses (instrument measurements, self-scans, registrations), each kept with the questionnaire
 * id and version it was given under. Callers validate before saving; the store keeps what it is given whole or
 * not at all.
 */
@ProviderType
public interface ResponseStore {
    /** Inserts the response, or replaces the one with the same id (answers included), in one transaction. */
    void save(QuestionnaireResponse response);

    Optional<QuestionnaireResponse> find(UUID id);

    /** The resident's responses to one questionnaire (all versions), oldest first. */
    List<QuestionnaireResponse> ofResident(ResidentId resident, String questionnaireId);

    /** The responses given in or for an activity, oldest first. */
    List<QuestionnaireResponse> ofActivity(ActivityId activity);
}
