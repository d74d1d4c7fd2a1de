package nl.meerwaarde.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RecordError;
import nl.meerwaarde.api.importing.RegistrationImport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell command {@code meerwaarde:import} (Felix Gogo, Apache Karaf): imports a JSON or CSV file from the local
 * file system for every team of the organisation, prints a summary and the errors in English, and returns the
 * report.
 *
 * <pre>
 * meerwaarde:import /data/migration/registrations.json
 * meerwaarde:import /data/migration/activiteiten.csv activities
 * meerwaarde:import /data/migration/deelnames.csv participations --dry-run
 * </pre>
 *
 * A CSV file's kind is an argument ({@code signals}, {@code activities}, {@code participations}) or, without one,
 * the start of the file name ({@code signals*.csv}, {@code activities*.csv}, {@code participations*.csv}). {@code
 * --dry-run} checks and counts only. Registered as a plain service with the Gogo properties, so no shell API is
 * needed; {@code import} is a Java keyword, hence the method name {@code _import} (Gogo's convention).
 */
@Component(
        service = ImportCommand.class,
        property = {"osgi.command.scope=meerwaarde", "osgi.command.function=import"})
public final class ImportCommand {
    static final String DRY_RUN = "--dry-run";

    private final RegistrationImport importer;
    private final Supplier<PrintStream> out;

    /** Prints to {@code System.out} as it is at each call: the shell directs it to the session that runs the command. */
    @Activate
    public ImportCommand(@Reference(name = "importer") RegistrationImport importer) {
        this(importer, () -> System.out);
    }

    ImportCommand(RegistrationImport importer, Supplier<PrintStream> out) {
        this.importer = importer;
        this.out = out;
    }

    public ImportReport _import(String path) {
        return _import(path, new String[0]);
    }

    public ImportReport _import(String path, String... kindOrDryRun) {
        boolean dryRun = false;
        Optional<CsvKind> kind = Optional.empty();
        for (String argument : kindOrDryRun) {
            if (DRY_RUN.equals(argument)) {
                dryRun = true;
            } else {
                kind = Optional.of(kind(argument)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown argument '" + argument
                                + "': expected signals, activities, participations or " + DRY_RUN)));
            }
        }
        Path file = Path.of(path);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ImportOptions options =
                new ImportOptions("command:" + System.getProperty("user.name", "unknown"), Optional.empty(), dryRun);
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".json")) {
                report = importer.importJson(in, options);
            } else {
                CsvKind csvKind = kind.or(() -> kind(name))
                        .orElseThrow(() -> new IllegalArgumentException("Which kind of records does " + file
                                + " hold? Add signals, activities or participations"));
                report = importer.importCsv(in, csvKind, options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        print(file, report, dryRun);
        return report;
    }

    /** The kind an argument or a file name starts with. */
    static Optional<CsvKind> kind(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (CsvKind kind : CsvKind.values()) {
            if (lower.startsWith(kind.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private void print(Path file, ImportReport report, boolean dryRun) {
        PrintStream out = this.out.get();
        if (report.valid()) {
            out.printf(
                    "%s %s: %d records, %d created, %d updated, %d unchanged%n",
                    dryRun ? "Checked (dry run, nothing written)" : "Imported",
                    file,
                    report.records(),
                    report.created(),
                    report.updated(),
                    report.unchanged());
            return;
        }
        out.printf(
                "Not imported %s: %d records read, %d errors; nothing was written%n",
                file, report.records(), report.errorCount());
        for (RecordError error : report.errors()) {
            out.println("  " + describe(error));
        }
        if (report.errorCount() > report.errors().size()) {
            out.printf(
                    "  ... and %d more errors%n",
                    report.errorCount() - report.errors().size());
        }
    }

    static String describe(RecordError error) {
        StringBuilder text = new StringBuilder();
        text.append(error.line() == 0 ? "file" : "line " + error.line());
        if (error.key() != null) {
            text.append(", key ").append(error.key());
        }
        if (error.field() != null) {
            text.append(", ").append(error.field());
        }
        text.append(": ").append(Messages.english(error.code(), error.arguments()));
        return text.toString();
    }
}
