package nl.meerwaarde.importer.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RecordError;
import nl.meerwaarde.host.spi.TeamId;

/** An importer over the fakes, fed from strings. */
final class Importing {
    static final String ACTOR = "command:tester";

    final Fakes.Batch batch = new Fakes.Batch();
    final Fakes.Audit audit = new Fakes.Audit();
    final Fakes.Host host;
    final RegistrationImporter importer;

    Importing(String... residents) {
        this(Limits.DEFAULT, residents);
    }

    Importing(Limits limits, String... residents) {
        host = new Fakes.Host(residents);
        importer = new RegistrationImporter(batch, host, host, audit, limits, Fakes.CLOCK);
    }

    ImportReport json(String text) {
        return json(text, ImportOptions.allTeams(ACTOR));
    }

    ImportReport json(String text, ImportOptions options) {
        return importer.importJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
    }

    ImportReport csv(String text, CsvKind kind) {
        return csv(text.getBytes(StandardCharsets.UTF_8), kind);
    }

    ImportReport csv(byte[] bytes, CsvKind kind) {
        return importer.importCsv(new ByteArrayInputStream(bytes), kind, ImportOptions.allTeams(ACTOR));
    }

    static ImportOptions only(TeamId... teams) {
        return new ImportOptions(ACTOR, Optional.of(Set.of(teams)), false);
    }

    /** An error as the tests compare them: line, key, field and code. */
    record Found(int line, String key, String field, String code) {
        static Found of(RecordError error) {
            return new Found(error.line(), error.key(), error.field(), error.code());
        }
    }

    /** A JSON document of the import format holding these arrays (each a JSON text, may be null). */
    static String document(String signals, String activities, String participations) {
        StringBuilder json = new StringBuilder("{\"format\": \"meerwaarde-registrations\", \"version\": 1");
        if (signals != null) {
            json.append(",\n\"signals\": ").append(signals);
        }
        if (activities != null) {
            json.append(",\n\"activities\": ").append(activities);
        }
        if (participations != null) {
            json.append(",\n\"participations\": ").append(participations);
        }
        return json.append("\n}").toString();
    }
}
