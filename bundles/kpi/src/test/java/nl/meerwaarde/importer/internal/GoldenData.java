package nl.meerwaarde.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
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

/**
 * Loads a data set in the import format into a real store the way the product does: through the importer (this
 * class lives in the importer's package to reach its constructor for a host of its own). For the KPI engine's tests.
 */
public final class GoldenData {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    private GoldenData() {}

    /** Migrates the schema and imports the file; fails when the import reports any error. */
    public static void load(DataSource dataSource, Path file) throws IOException {
        SchemaMigration.migrate(dataSource);
        MigratedDatabase database = new MigratedDatabase(dataSource);
        DemoHost host = new DemoHost();
        RegistrationImporter importer = new RegistrationImporter(
                new JdbcRegistrationBatch(database), host, host, new JdbcAuditTrail(database), Limits.DEFAULT, CLOCK);
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = importer.importJson(in, ImportOptions.allTeams("test:kpi"));
        }
        if (!report.valid() || !report.errors().isEmpty()) {
            throw new IllegalStateException("import of " + file + " failed: " + report.errors());
        }
    }

    /** The reference host's demo organisation: two teams, funder Emmen, any resident {@code inw-…}. */
    private static final class DemoHost implements Organisation, Residents {
        @Override
        public String name() {
            return "Welzijn Emmen";
        }

        @Override
        public List<Team> teams() {
            return List.of(
                    new Team(new TeamId("team-emmer-compascuum"), "Team Emmer-Compascuum"),
                    new Team(new TeamId("team-emmen-centrum"), "Team Emmen Centrum"));
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
            return List.of(new Funder(new FunderId("gemeente-emmen"), "Gemeente Emmen", "0114"));
        }

        @Override
        public Optional<Resident> find(ResidentId id) {
            return id.value().startsWith("inw-")
                    ? Optional.of(new Resident(id, "Inwoner " + id.value(), 1990, "2", "0114", "7811"))
                    : Optional.empty();
        }

        @Override
        public List<Resident> search(String text, WorkerId asWorker, int limit) {
            return List.of();
        }
    }
}
