package nl.meerwaarde.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of {@code docs/import.md}: the JSON example is valid against the documented JSON Schema and imports
 * into a real (H2) store; importing it again, or the same records as the CSV examples, changes nothing.
 */
class DocsExamplesTest {
    static final Path DOCS = Path.of("../../docs");

    @TempDir
    Path dir;

    private static Schema schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        return registry.getSchema(Files.readString(DOCS.resolve("import-registrations.schema.json")), InputFormat.JSON);
    }

    @Test
    void theExampleIsValidAgainstTheSchema() throws IOException {
        List<Error> errors =
                schema().validate(Files.readString(DOCS.resolve("examples/registrations.json")), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheImporterRefuses() throws IOException {
        String example = Files.readString(DOCS.resolve("examples/registrations.json"));
        Schema schema = schema();

        assertThat(schema.validate(
                        example.replace("\"resident\": \"inw-0002\"", "\"bsn\": \"123456782\""), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(example.replace("\"grade\": 9", "\"grade\": 11"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(example.replace("\"euros\": 1200", "\"euros\": 12.005"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(
                        example.replace("\"otherName\": \"Eigen evaluatieformulier\"", "\"extra\": 1"),
                        InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(new ObjectMapper().readTree("{\"format\": \"meerwaarde-registrations\"}")))
                .isNotEmpty();
        // issue 3 (review): a blank otherName of anders, an otherName of another code, NUL in a text
        assertThat(schema.validate(
                        example.replace("\"otherName\": \"Eigen evaluatieformulier\"", "\"otherName\": \"  \""),
                        InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(example.replace("\"code\": \"anders\"", "\"code\": \"zrm-2017\""), InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema.validate(example.replace("\"code\": \"anders\"", "\"code\": \"Anders\""), InputFormat.JSON))
                .isEmpty();
        assertThat(schema.validate(
                        example.replace("Eigen evaluatieformulier", "Eigen\\u0000formulier"), InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void theExamplesImportIntoARealStoreAndAgainWithoutChange() throws IOException {
        DataSource dataSource = H2Databases.newFileDatabase(dir);
        SchemaMigration.migrate(dataSource);
        Fakes.Host host = Fakes.Host.demo();
        Fakes.Audit audit = new Fakes.Audit();
        RegistrationImporter importer = new RegistrationImporter(
                new JdbcRegistrationBatch(new MigratedDatabase(dataSource)),
                host,
                host,
                audit,
                Limits.DEFAULT,
                Fakes.CLOCK);
        ImportOptions options = ImportOptions.allTeams("command:docs");

        ImportReport first = importJson(importer, options);
        ImportReport again = importJson(importer, options);

        assertThat(first).isEqualTo(new ImportReport(true, 6, 6, 0, 0, List.of(), 0));
        assertThat(again).isEqualTo(new ImportReport(true, 6, 0, 0, 6, List.of(), 0));
        assertThat(audit.events).hasSize(2);
        for (CsvKind kind : List.of(CsvKind.ACTIVITIES, CsvKind.SIGNALS, CsvKind.PARTICIPATIONS)) {
            try (InputStream csv = Files.newInputStream(
                    DOCS.resolve("examples/" + kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv"))) {
                ImportReport report = importer.importCsv(csv, kind, options);
                assertThat(report.errors()).as(kind.name()).isEmpty();
                assertThat(report.unchanged()).as(kind.name()).isEqualTo(2);
                assertThat(report.created() + report.updated()).as(kind.name()).isZero();
            }
        }
    }

    private static ImportReport importJson(RegistrationImporter importer, ImportOptions options) throws IOException {
        try (InputStream json = Files.newInputStream(DOCS.resolve("examples/registrations.json"))) {
            return importer.importJson(json, options);
        }
    }
}
