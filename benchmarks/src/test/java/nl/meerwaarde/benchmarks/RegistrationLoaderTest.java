package nl.meerwaarde.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.meerwaarde.store.internal.JdbcRegistrationBatch;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import nl.meerwaarde.testsupport.H2Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small load into H2 through the real store: the tables hold what the generator made, and a reload changes none. */
class RegistrationLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aSmallLoadStoresExactlyWhatWasGeneratedAndAReloadChangesNothing() throws Exception {
        DataSource dataSource = H2Databases.newFileDatabase(dir);
        SchemaMigration.migrate(dataSource);
        RegistrationLoader loader = new RegistrationLoader(
                new JdbcRegistrationBatch(new MigratedDatabase(dataSource)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        GeneratorConfig config = GeneratorConfig.scaled(7, 200).withSliceSize(60);

        RegistrationLoader.LoadResult result = loader.load("H2", new RegistrationGenerator(config));
        Map<String, Long> counts = counts(dataSource);
        RegistrationLoader.LoadResult again = loader.load("H2 again", new RegistrationGenerator(config));

        Map<String, Long> expected = expected(config);
        assertThat(counts).isEqualTo(expected);
        assertThat(counts(dataSource)).isEqualTo(expected);
        assertThat(result.activities()).isEqualTo(200);
        assertThat(result.participations()).isEqualTo(2_000);
        assertThat(result.signals()).isEqualTo(400);
        assertThat(result.rows())
                .isEqualTo(again.rows())
                .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Rows per table, counted from the generated records. */
    private static Map<String, Long> expected(GeneratorConfig config) {
        Map<String, Long> counts = zero();
        new RegistrationGenerator(config).forEachRemaining(slice -> {
            slice.activities().forEach(a -> {
                counts.merge("mw_activity", 1L, Long::sum);
                counts.merge("mw_activity_target_group", (long) a.targetGroups().size(), Long::sum);
                counts.merge("mw_activity_goal", (long) a.goals().size(), Long::sum);
                counts.merge("mw_activity_partner", (long) a.partners().size(), Long::sum);
            });
            slice.participations().forEach(p -> {
                counts.merge("mw_participation", 1L, Long::sum);
                counts.merge("mw_participation_referral", (long) p.referrals().size(), Long::sum);
                p.measurement().ifPresent(m -> {
                    counts.merge(
                            "mw_participation_dimension", (long) m.dimensions().size(), Long::sum);
                    counts.merge("mw_participation_quote", (long) m.quotes().size(), Long::sum);
                });
            });
            slice.signals().forEach(s -> {
                counts.merge("mw_signal", 1L, Long::sum);
                counts.merge("mw_signal_target_group", (long) s.targetGroups().size(), Long::sum);
            });
        });
        return counts;
    }

    private static Map<String, Long> zero() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {
            "mw_activity",
            "mw_activity_target_group",
            "mw_activity_goal",
            "mw_activity_partner",
            "mw_participation",
            "mw_participation_referral",
            "mw_participation_dimension",
            "mw_participation_quote",
            "mw_signal",
            "mw_signal_target_group"
        }) {
            counts.put(table, 0L);
        }
        return counts;
    }

    private static Map<String, Long> counts(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = zero();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : counts.keySet()) {
                try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        return counts;
    }
}
