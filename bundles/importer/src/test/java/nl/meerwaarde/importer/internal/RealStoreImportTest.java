package nl.meerwaarde.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.store.internal.JdbcAuditTrail;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Importing through the real store and audit trail, on H2 and PostgreSQL: the second import changes no row. */
class RealStoreImportTest {
    private static final List<String> TABLES = List.of(
            "mw_signal",
            "mw_signal_target_group",
            "mw_activity",
            "mw_activity_target_group",
            "mw_activity_goal",
            "mw_activity_partner",
            "mw_participation",
            "mw_participation_dimension",
            "mw_participation_quote",
            "mw_participation_referral",
            "mw_audit_event");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRESQL"})
    void importingTheSameFileTwiceLeavesEveryRowAsItWas(String engine) throws Exception {
        DataSource dataSource = engine.equals("H2")
                ? H2Databases.newFileDatabase(dir)
                : PostgresServer.shared().createDatabase().dataSource();
        SchemaMigration.migrate(dataSource);
        MigratedDatabase database = new MigratedDatabase(dataSource);
        Fakes.Host host = Fakes.Host.demo();
        RegistrationImporter importer = new RegistrationImporter(
                new JdbcRegistrationBatch(database),
                host,
                host,
                new JdbcAuditTrail(database),
                Limits.DEFAULT,
                Fakes.CLOCK);

        ImportReport first = importExample(importer);
        List<String> rows = rows(dataSource);
        ImportReport again = importExample(importer);

        assertThat(first.created()).isEqualTo(6);
        assertThat(again).isEqualTo(new ImportReport(true, 6, 0, 0, 6, List.of(), 0));
        assertThat(rows(dataSource)).isEqualTo(rows);
        assertThat(rows).filteredOn(row -> row.startsWith("mw_audit_event")).hasSize(2);
    }

    private static ImportReport importExample(RegistrationImporter importer) throws IOException {
        try (InputStream json = Files.newInputStream(DocsExamplesTest.DOCS.resolve("examples/registrations.json"))) {
            return importer.importJson(json, ImportOptions.allTeams("command:test"));
        }
    }

    /** Every row of Meerwaarde's tables as text, sorted. */
    private static List<String> rows(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int c = 1; c <= columns; c++) {
                            row.append('|').append(rs.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
