package nl.meerwaarde.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Questionnaire definitions an organisation published through the REST API, kept as the JSON text it sent
 * (validated before). A published version is never changed or deleted.
 */
@ProviderType
public interface DefinitionStore {
    /**
     * Stores a new definition version.
     *
     * @throws IllegalStateException when that id and version is already stored (nothing is changed)
     */
    void publish(PublishedDefinition definition);

    /** Every stored definition, by id then version. */
    List<PublishedDefinition> all();

    /** A definition as it was published. */
    record PublishedDefinition(QuestionnaireRef ref, String json, Instant publishedAt, String publishedBy) {
        public PublishedDefinition {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(publishedAt, "publishedAt");
            Objects.requireNonNull(publishedBy, "publishedBy");
        }
    }
}
