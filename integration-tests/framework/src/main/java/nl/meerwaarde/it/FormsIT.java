package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.ResponseValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 3: the questionnaire catalog in the running framework picks up the definitions shipped in bundles and an
 * organisation's own folder (configured through ConfigAdmin), keeps every version, and validates answers.
 */
class FormsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    QuestionnaireCatalog catalog;

    @InjectService(timeout = 30_000)
    ResponseValidator validator;

    @InjectService(timeout = 30_000)
    ConfigurationAdmin configurationAdmin;

    @Test
    void theShippedDefinitionsAreInTheCatalog() throws InterruptedException {
        boolean loaded =
                Await.until(context, TIMEOUT, () -> catalog.latest("zrm-2017").isPresent());

        assertThat(loaded).isTrue();
        assertThat(catalog.latestVersions())
                .extracting(q -> q.ref().id())
                .contains(
                        "activiteit-registratie",
                        "impactmeting",
                        "zrm-2017",
                        "positieve-gezondheid-demo",
                        "effectenmonitor");
    }

    @Test
    void anOrganisationFolderAddsANewVersionAndKeepsTheOldOne(@TempDir Path folder) throws Exception {
        Questionnaire shipped = catalog.latest("effectenmonitor").orElseThrow();
        int next = shipped.ref().version() + 1;
        Files.writeString(folder.resolve("effectenmonitor-eigen.json"), """
                {"resourceType": "Questionnaire", "id": "effectenmonitor", "version": "%d",
                 "title": "Effectenmonitor (eigen domeinen)",
                 "item": [{"linkId": "buurt", "type": "choice", "text": "Buurt", "required": true,
                           "answerOption": [{"valueCoding": {"code": "doen", "display": "Doen"}},
                                            {"valueCoding": {"code": "volhouden", "display": "Volhouden"}}]}]}
                """.formatted(next), StandardCharsets.UTF_8);
        Configuration configuration = configurationAdmin.getConfiguration("nl.meerwaarde.forms.catalog", "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("definitionsDirectory", folder.toString());
            configuration.update(properties);

            boolean published = Await.until(context, TIMEOUT, () -> catalog.latest("effectenmonitor")
                    .map(q -> q.ref().version() == next)
                    .orElse(false));

            assertThat(published).isTrue();
            assertThat(catalog.find(shipped.ref())).contains(shipped);
            Questionnaire own =
                    catalog.find(new QuestionnaireRef("effectenmonitor", next)).orElseThrow();
            assertThat(validator.validate(own, List.of(answer("buurt", new Coding("doen")))))
                    .isEmpty();
            assertThat(validator.validate(own, List.of(answer("buurt", new Coding("zweven")))))
                    .extracting(error -> error.field() + " " + error.code())
                    .containsExactly("buurt field.option");
            assertThat(validator.validate(own, List.of()))
                    .extracting(error -> error.field() + " " + error.code())
                    .containsExactly("buurt field.required");
        } finally {
            configuration.delete();
        }
    }

    private static QuestionnaireResponse.Answer answer(String linkId, Object value) {
        return new QuestionnaireResponse.Answer(linkId, List.of(value));
    }
}
