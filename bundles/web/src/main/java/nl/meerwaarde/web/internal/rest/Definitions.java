package nl.meerwaarde.web.internal.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.QuestionnaireParser;

/**
 * The questionnaire definitions the API knows: the forms bundle's catalog (shipped and folder definitions) plus the
 * ones published through {@code POST /v1/questionnaires} into the {@link DefinitionStore} (parsed again on use). The
 * catalog wins when both have an id and version.
 */
record Definitions(QuestionnaireCatalog catalog, DefinitionStore published, QuestionnaireParser parser) {

    Definitions {
        Problems.require(catalog);
    }

    Optional<Questionnaire> find(QuestionnaireRef ref) {
        Optional<Questionnaire> shipped = catalog.find(ref);
        if (shipped.isPresent()) {
            return shipped;
        }
        return publishedOnes().stream().filter(q -> q.ref().equals(ref)).findFirst();
    }

    Optional<Questionnaire> latest(String id) {
        return all().stream().filter(q -> q.ref().id().equals(id)).max(Comparator.comparingInt(q -> q.ref()
                .version()));
    }

    /** The highest version of every definition, by id. */
    List<Questionnaire> latestVersions() {
        Map<String, Questionnaire> latest = new TreeMap<>();
        for (Questionnaire q : all()) {
            latest.merge(q.ref().id(), q, (a, b) -> a.ref().version() >= b.ref().version() ? a : b);
        }
        return List.copyOf(latest.values());
    }

    private List<Questionnaire> all() {
        List<Questionnaire> all = new ArrayList<>(catalog.all());
        for (Questionnaire q : publishedOnes()) {
            if (all.stream().noneMatch(known -> known.ref().equals(q.ref()))) {
                all.add(q);
            }
        }
        return all;
    }

    private List<Questionnaire> publishedOnes() {
        if (published == null || parser == null) {
            return List.of();
        }
        List<Questionnaire> result = new ArrayList<>();
        for (DefinitionStore.PublishedDefinition definition : published.all()) {
            try {
                result.add(parser.parse(definition.json()));
            } catch (InvalidInputException e) {
                // validated when published; a definition the parser now refuses is left out rather than served
            }
        }
        return result;
    }
}
