package nl.meerwaarde.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition;
import org.junit.jupiter.api.Test;

/** Issue 3: what an organisation published through REST is part of the one catalog every bundle reads. */
class PublishedDefinitionsTest {
    private final JsonQuestionnaireParser parser = new JsonQuestionnaireParser();
    private final Store store = new Store();
    private final DefinitionRegistry registry = new DefinitionRegistry();
    private final PublishedDefinitions published = new PublishedDefinitions(parser);
    private final CatalogView catalog = new CatalogView(registry, () -> published.current(store));

    /** A definition store in memory that counts how often it is read. */
    private static final class Store implements DefinitionStore {
        final List<PublishedDefinition> definitions = new ArrayList<>();

        @Override
        public void publish(PublishedDefinition definition) {
            definitions.add(definition);
        }

        @Override
        public List<PublishedDefinition> all() {
            return List.copyOf(definitions);
        }
    }

    private static String definition(String id, int version, String title) {
        return """
                {"resourceType": "Questionnaire", "id": "%s", "version": "%d", "title": "%s",
                 "item": [{"linkId": "vraag", "type": "boolean", "text": "Vraag?"}]}
                """.formatted(id, version, title);
    }

    private void publish(String id, int version, String title) {
        store.publish(new PublishedDefinition(
                new QuestionnaireRef(id, version),
                definition(id, version, title),
                Instant.parse("2026-11-23T10:00:00Z"),
                "worker:w-joost"));
    }

    @Test
    void publishedVersionsJoinTheShippedOnesInOrderAndTheShippedOneWinsATie() {
        registry.add("shipped", List.of(parser.parse(definition("impactmeting", 1, "Verscheept"))));
        publish("impactmeting", 2, "Gepubliceerd 2");
        publish("impactmeting", 1, "Gepubliceerd 1");
        publish("buurtscan", 1, "Buurtscan");

        assertThat(catalog.all())
                .extracting(q -> q.ref().id() + "@" + q.ref().version() + " " + q.title())
                .containsExactly("buurtscan@1 Buurtscan", "impactmeting@1 Verscheept", "impactmeting@2 Gepubliceerd 2");
        assertThat(catalog.latest("impactmeting")).map(Questionnaire::title).contains("Gepubliceerd 2");
        assertThat(catalog.latestVersions())
                .extracting(q -> q.ref().id() + "@" + q.ref().version())
                .containsExactly("buurtscan@1", "impactmeting@2");
        assertThat(catalog.find(new QuestionnaireRef("impactmeting", 1)))
                .map(Questionnaire::title)
                .contains("Verscheept");
        assertThat(catalog.find(new QuestionnaireRef("buurtscan", 1))).isPresent();
        assertThat(catalog.find(new QuestionnaireRef("buurtscan", 2))).isEmpty();
    }

    @Test
    void aNewPublicationIsSeenAtOnceAndParsedOnlyOnce() {
        assertThat(catalog.latest("buurtscan")).isEmpty();
        publish("buurtscan", 1, "Buurtscan");

        Questionnaire first = catalog.latest("buurtscan").orElseThrow();
        assertThat(catalog.latest("buurtscan").orElseThrow()).isSameAs(first);
    }

    @Test
    void aPublishedTextTheParserNowRefusesIsLeftOut() {
        store.publish(new PublishedDefinition(
                new QuestionnaireRef("kapot", 1), "{ niet af", Instant.parse("2026-11-23T10:00:00Z"), "worker:w-1"));
        store.publish(new PublishedDefinition(
                new QuestionnaireRef("anders", 1),
                definition("iets-anders", 1, "Verkeerde id"),
                Instant.parse("2026-11-23T10:00:00Z"),
                "worker:w-1"));
        publish("buurtscan", 1, "Buurtscan");

        assertThat(catalog.all()).extracting(q -> q.ref().id()).containsExactly("buurtscan");
    }

    @Test
    void withoutAStoreOnlyTheRegistryCounts() {
        registry.add("shipped", List.of(parser.parse(definition("impactmeting", 1, "Verscheept"))));

        assertThat(new CatalogView(registry, () -> published.current(null)).all())
                .hasSize(1);
    }
}
