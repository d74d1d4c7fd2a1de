package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition;
import org.junit.jupiter.api.io.TempDir;

class JdbcDefinitionStoreTest {
    private static final Instant AT = Instant.parse("2025-06-01T08:00:00.654321Z");

    @TempDir
    Path dir;

    static PublishedDefinition definition(String id, int version, String json) {
        return new PublishedDefinition(new QuestionnaireRef(id, version), json, AT.plusSeconds(version), "worker:w-1");
    }

    @OnBothDatabases
    void publishesAndListsByIdThenVersion(Engine engine) {
        JdbcDefinitionStore store = new JdbcDefinitionStore(engine.migrated(dir));
        String big = "{\"resourceType\":\"Questionnaire\",\"text\":\"" + "é".repeat(100_000) + "\"}";
        PublishedDefinition zrm2 = definition("zrm", 2, "{\"v\":2}");
        PublishedDefinition zrm1 = definition("zrm", 1, "{\"v\":1}");
        PublishedDefinition dashed = definition("a-b", 1, big);
        PublishedDefinition dotted = definition("a.b", 10, "{}");
        PublishedDefinition dotted9 = definition("a.b", 9, "{}");

        assertThat(store.all()).isEmpty();
        for (PublishedDefinition d : new PublishedDefinition[] {zrm2, dashed, zrm1, dotted, dotted9}) {
            store.publish(d);
        }

        // '-' (0x2d) sorts before '.' (0x2e), whatever the database's collation
        assertThat(store.all()).containsExactly(dashed, dotted9, dotted, zrm1, zrm2);
    }

    @OnBothDatabases
    void refusesToPublishAVersionTwiceAndChangesNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcDefinitionStore store = new JdbcDefinitionStore(database);
        PublishedDefinition original = definition("zrm", 1, "{\"v\":1}");
        store.publish(original);

        PublishedDefinition again =
                new PublishedDefinition(original.ref(), "{\"v\":\"changed\"}", AT.plusSeconds(3600), "worker:w-2");
        assertThatThrownBy(() -> store.publish(again))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zrm version 1 is already published");

        assertThat(store.all()).containsExactly(original);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_definition"))
                .isEqualTo(1);
    }
}
