package nl.meerwaarde.forms;

import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every questionnaire definition known to this runtime, at every version.
 *
 * <p>Definitions come from JSON files inside any bundle whose manifest names a folder in the header
 * {@value #HEADER} (they disappear when that bundle stops), and from the organisation's definitions folder
 * (configuration {@code nl.meerwaarde.forms.catalog}, attribute {@code definitionsDirectory}), and from the
 * versions an organisation published into the {@link nl.meerwaarde.api.store.DefinitionStore} (REST upload),
 * where shipped and folder definitions win when both hold an id and version. A definition is
 * never changed once known: publishing version 2 leaves version 1 findable, so every stored response can still
 * be shown and validated against the version it was given under. When two sources offer the same id and version
 * with different content, the one that arrived first wins and the conflict is logged.
 */
@ProviderType
public interface QuestionnaireCatalog {
    /** The manifest header naming the folder (inside the bundle) with a bundle's {@code *.json} definitions. */
    String HEADER = "Meerwaarde-Questionnaires";

    /** Every known definition, every version, ordered by id and then version. */
    List<Questionnaire> all();

    /** The highest version of every known definition, ordered by id. */
    List<Questionnaire> latestVersions();

    /** The definition at exactly this id and version. */
    Optional<Questionnaire> find(QuestionnaireRef ref);

    /** The highest known version of the definition with this id. */
    Optional<Questionnaire> latest(String id);
}
