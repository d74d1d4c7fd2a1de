package nl.meerwaarde.importer.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import nl.meerwaarde.store.internal.JdbcAuditTrail;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;

/**
 * A timed harness, not a test: imports 100 000 measured participations (in 1 000 activities) into a fresh H2 file
 * database through the real store and audit trail, then the same file again, and prints the times. With argument
 * {@code postgresql} it uses the test PostgreSQL (see {@code test-support}). Run after {@code mvn install}:
 *
 * <pre>
 * cd bundles/importer
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) nl.meerwaarde.importer.internal.ImportTiming [postgresql]
 * </pre>
 */
public final class ImportTiming {
    private static final int ACTIVITIES = 1_000;
    private static final int PARTICIPATIONS = 100_000;
    private static final TeamId TEAM = new TeamId("team-noord");

    private ImportTiming() {}

    public static void main(String[] args) throws IOException {
        boolean postgres = args.length > 0 && args[0].equals("postgresql");
        Path dir = Files.createTempDirectory("meerwaarde-import-timing");
        DataSource dataSource =
                postgres ? PostgresServer.shared().createDatabase().dataSource() : H2Databases.newFileDatabase(dir);
        SchemaMigration.migrate(dataSource);
        MigratedDatabase database = new MigratedDatabase(dataSource);
        EveryoneKnown host = new EveryoneKnown();
        TimedAudit audit = new TimedAudit(new JdbcAuditTrail(database));
        RegistrationImporter importer = new RegistrationImporter(
                new JdbcRegistrationBatch(database), host, host, audit, Limits.DEFAULT, Clock.systemUTC());
        byte[] file = document();
        System.out.printf(
                "%s: %d activities and %d participations, %.1f MiB of JSON%n",
                postgres ? "PostgreSQL" : "H2 (file)", ACTIVITIES, PARTICIPATIONS, file.length / 1048576.0);
        ImportOptions options = ImportOptions.allTeams("command:timing");
        time("dry run", () -> importer.importJson(new ByteArrayInputStream(file), options.asDryRun()));
        time("first import", () -> importer.importJson(new ByteArrayInputStream(file), options));
        time("same file again", () -> importer.importJson(new ByteArrayInputStream(file), options));
        System.out.printf("of which auditing %d events: %d ms%n", audit.events, audit.nanos / 1_000_000);
        System.exit(0);
    }

    private static void time(String what, java.util.function.Supplier<ImportReport> run) {
        long started = System.nanoTime();
        ImportReport report = run.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "%-16s %6d ms  committed=%s created=%d updated=%d unchanged=%d errors=%d%n",
                what,
                millis,
                report.committed(),
                report.created(),
                report.updated(),
                report.unchanged(),
                report.errorCount());
    }

    private static byte[] document() {
        StringBuilder json = new StringBuilder(PARTICIPATIONS * 400);
        json.append("{\"format\": \"meerwaarde-registrations\", \"version\": 1, \"activities\": [\n");
        for (int a = 0; a < ACTIVITIES; a++) {
            json.append(a == 0 ? "" : ",\n")
                    .append("{\"key\": \"A")
                    .append(a)
                    .append("\", \"team\": \"team-noord\", \"title\": \"Activiteit ")
                    .append(a)
                    .append("\", \"startsOn\": \"2023-01-01\", \"targetGroups\": [\"ouderen\"],")
                    .append(" \"budget\": {\"hours\": 40.5, \"euros\": 1000}, \"goals\": [{\"description\":")
                    .append(" \"Doel\", \"realisation\": \"ACHIEVED\"}]}");
        }
        json.append("],\n\"participations\": [\n");
        for (int p = 0; p < PARTICIPATIONS; p++) {
            json.append(p == 0 ? "" : ",\n")
                    .append("{\"key\": \"P")
                    .append(p)
                    .append("\", \"activityKey\": \"A")
                    .append(p % ACTIVITIES)
                    .append("\", \"resident\": \"inw-")
                    .append(p)
                    .append("\", \"measurement\": {\"helped\": true, \"helpedReason\": \"Meer contact\",")
                    .append(" \"grade\": 8, \"dimensions\": [\"erkend\", \"verbonden\"],")
                    .append(" \"quotes\": [\"Ik kom weer buiten.\"]}, \"referrals\": [\"Buurtkamer\"]}");
        }
        return json.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Counts the audit events and the time spent recording them. */
    private static final class TimedAudit implements nl.meerwaarde.api.store.AuditTrail {
        private final nl.meerwaarde.api.store.AuditTrail trail;
        long nanos;
        int events;

        TimedAudit(nl.meerwaarde.api.store.AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void record(nl.meerwaarde.host.spi.AuditEvent event) {
            long started = System.nanoTime();
            trail.record(event);
            nanos += System.nanoTime() - started;
            events++;
        }

        @Override
        public void recordAll(List<nl.meerwaarde.host.spi.AuditEvent> all) {
            long started = System.nanoTime();
            trail.recordAll(all);
            nanos += System.nanoTime() - started;
            events += all.size();
        }

        @Override
        public List<nl.meerwaarde.host.spi.AuditEvent> about(ResidentId resident) {
            return trail.about(resident);
        }
    }

    /** A host that knows every resident and has one team. */
    private static final class EveryoneKnown implements Organisation, Residents {
        @Override
        public String name() {
            return "Timing";
        }

        @Override
        public List<Team> teams() {
            return List.of(new Team(TEAM, "Team Noord"));
        }

        @Override
        public List<Worker> workers() {
            return List.of();
        }

        @Override
        public Optional<Worker> worker(WorkerId id) {
            return Optional.empty();
        }

        @Override
        public List<Funder> funders() {
            return List.of();
        }

        @Override
        public Optional<Resident> find(ResidentId id) {
            return Optional.of(new Resident(id, id.value(), null, null, null, null));
        }

        @Override
        public List<Resident> search(String text, WorkerId asWorker, int limit) {
            return List.of();
        }
    }
}
