package nl.meerwaarde.forms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition;
import nl.meerwaarde.forms.QuestionnaireParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions an organisation published into the {@link DefinitionStore}, parsed once per id, version and
 * text: a published version never changes, so its parse is kept. One the parser refuses (it was checked when
 * published; a later parser may be stricter) is left out and logged once.
 */
final class PublishedDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedDefinitions.class);

    /** A parse of one published text; empty when the parser refused it. */
    private record Parsed(String json, Optional<Questionnaire> definition) {}

    private final QuestionnaireParser parser;
    private final Map<QuestionnaireRef, Parsed> parsed = new ConcurrentHashMap<>();

    PublishedDefinitions(QuestionnaireParser parser) {
        this.parser = parser;
    }

    /** Every published definition the store holds now; none without a store. */
    List<Questionnaire> current(DefinitionStore store) {
        if (store == null) {
            return List.of();
        }
        List<Questionnaire> result = new ArrayList<>();
        for (PublishedDefinition published : store.all()) {
            Parsed known = parsed.get(published.ref());
            if (known == null || !known.json().equals(published.json())) {
                known = new Parsed(published.json(), parse(published));
                parsed.put(published.ref(), known);
            }
            known.definition().ifPresent(result::add);
        }
        return result;
    }

    private Optional<Questionnaire> parse(PublishedDefinition published) {
        try {
            Questionnaire definition = parser.parse(published.json());
            if (!definition.ref().equals(published.ref())) {
                LOG.warn("Published definition {} parses as {}; left out", published.ref(), definition.ref());
                return Optional.empty();
            }
            return Optional.of(definition);
        } catch (InvalidInputException refused) {
            LOG.warn(
                    "Published definition {} is refused by the parser now; left out: {}",
                    published.ref(),
                    refused.errors());
            return Optional.empty();
        }
    }
}
