package nl.meerwaarde.store.internal;

import static nl.meerwaarde.store.internal.Jdbc.Columns.instant;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Questionnaire definitions the organisation published ({@code mw_definition}), kept as the JSON text that was
 * published. A version is only ever inserted: publishing an id and version that is already stored fails with an
 * {@link IllegalStateException} and changes nothing (the primary key also guards against two nodes publishing the
 * same version at once). Publication times are stored to the microsecond.
 */
@Component(name = "nl.meerwaarde.store.definitions", service = DefinitionStore.class)
public final class JdbcDefinitionStore implements DefinitionStore {
    private final Jdbc jdbc;

    @Activate
    public JdbcDefinitionStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public void publish(PublishedDefinition definition) {
        QuestionnaireRef ref = definition.ref();
        String what = "publish questionnaire " + ref.id() + " version " + ref.version();
        boolean published;
        try {
            published = jdbc.transaction(what, connection -> {
                if (Jdbc.queryOne(
                                connection,
                                "SELECT 1 FROM mw_definition WHERE questionnaire_id = ? AND questionnaire_version = ?",
                                p -> p.string(ref.id()).integer(ref.version()),
                                row -> row.getInt(1))
                        .isPresent()) {
                    return false;
                }
                Jdbc.update(
                        connection,
                        "INSERT INTO mw_definition (questionnaire_id, questionnaire_version, definition_json,"
                                + " published_at, published_by) VALUES (?, ?, ?, ?, ?)",
                        p -> p.string(ref.id())
                                .integer(ref.version())
                                .string(definition.json())
                                .timestamp(definition.publishedAt())
                                .string(definition.publishedBy()));
                return true;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException cause && Jdbc.UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                // another node published the same version between our check and our insert
                published = false;
            } else {
                throw e;
            }
        }
        if (!published) {
            throw new IllegalStateException(
                    "Questionnaire " + ref.id() + " version " + ref.version() + " is already published");
        }
    }

    @Override
    public List<PublishedDefinition> all() {
        // sorted here: the databases' collations may order '-' and '.' differently
        return jdbc
                .read(
                        "list the published questionnaire definitions",
                        connection -> Jdbc.query(
                                connection,
                                "SELECT questionnaire_id, questionnaire_version, definition_json, published_at, published_by"
                                        + " FROM mw_definition",
                                p -> {},
                                row -> new PublishedDefinition(
                                        new QuestionnaireRef(
                                                row.getString("questionnaire_id"), row.getInt("questionnaire_version")),
                                        row.getString("definition_json"),
                                        instant(row, "published_at"),
                                        row.getString("published_by"))))
                .stream()
                .sorted(Comparator.comparing((PublishedDefinition d) -> d.ref().id())
                        .thenComparingInt(d -> d.ref().version()))
                .toList();
    }
}
