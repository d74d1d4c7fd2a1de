package nl.meerwaarde.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private final Importing importing = new Importing("inw-0001", "inw-0002");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ImportCommand command = new ImportCommand(importing.importer, () -> out);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void importsAJsonFileAndPrintsASummary() throws IOException {
        Path json = file("export-2023.json", JsonImportTest.FULL);

        ImportReport report = command._import(json.toString());

        assertThat(report.created()).isEqualTo(3);
        assertThat(printed()).isEqualTo("Imported " + json + ": 3 records, 3 created, 0 updated, 0 unchanged\n");
        assertThat(importing.audit.events).allSatisfy(e -> assertThat(e.actor()).startsWith("command:"));
    }

    @Test
    void takesTheKindOfACsvFileFromItsNameOrAnArgument() throws IOException {
        Path named = file("Activities-2023.csv", CsvImportTest.ACTIVITIES);
        Path unnamed = file("deelnames.csv", CsvImportTest.PARTICIPATIONS);

        assertThat(command._import(named.toString()).created()).isEqualTo(2);
        assertThat(command._import(unnamed.toString(), "participations").created())
                .isEqualTo(2);
        assertThatThrownBy(() -> command._import(unnamed.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signals, activities or participations");
        assertThat(ImportCommand.kind("SIGNALS.csv")).contains(CsvKind.SIGNALS);
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        Path named = file("activities.csv", CsvImportTest.ACTIVITIES);

        ImportReport report = command._import(named.toString(), "--dry-run");

        assertThat(report.committed()).isFalse();
        assertThat(report.created()).isEqualTo(2);
        assertThat(importing.batch.saves).isZero();
        assertThat(printed()).startsWith("Checked (dry run, nothing written) ");
    }

    @Test
    void printsTheErrorsInEnglish() throws IOException {
        Path bad = file("signals.csv", "key,team,registeredOn,type,bsn\nS1,team-west,2024-01-01,x,1\n");

        ImportReport report = command._import(bad.toString());

        assertThat(report.committed()).isFalse();
        assertThat(printed())
                .isEqualTo("Not imported " + bad + ": 1 records read, 2 errors; nothing was written\n"
                        + "  line 1, bsn: may hold a citizen service number (BSN), which is never imported\n"
                        + "  line 2, key S1, team: no team of the organisation has this id\n");
    }

    @Test
    void refusesAnUnknownArgument() throws IOException {
        Path named = file("activities.csv", CsvImportTest.ACTIVITIES);

        assertThatThrownBy(() -> command._import(named.toString(), "--force"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--force");
    }

    @Test
    void describesEveryCodeOfTheImport() {
        for (java.lang.reflect.Field field : Codes.class.getDeclaredFields()) {
            if (field.getType() == String.class) {
                String code;
                try {
                    code = (String) field.get(null);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                assertThat(Messages.english(code, java.util.List.of(1, 2, "x")))
                        .as(code)
                        .doesNotStartWith(code);
            }
        }
    }
}
