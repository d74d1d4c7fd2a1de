package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.store.internal.JdbcActivityStore;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KPI 15's quotes: per dimension at most 50, the newest activities first, found across the windows that go back from
 * the end of the period; a participation with two dimensions brings its quote under each, once; scopes respected.
 */
class QuoteSqlTest {
    private static final TeamId NOORD = new TeamId("team-noord");
    private static final TeamId ZUID = new TeamId("team-zuid");
    private static final Libraries LIBRARIES = KpiEngineComponent.shipped();
    private static final List<String> DIMENSIONS = List.of("erkend", "opgelucht", "verbonden");

    /** A quote and the day of its activity, to sort the expectation by. */
    record Quote(LocalDate day, TeamId team, Set<String> dimensions, String text) {}

    @ParameterizedTest
    @EnumSource(Databases.class)
    void theNewestFiftyPerDimensionOnceEachWithinTheScope(Databases kind) throws Exception {
        DataSource dataSource = kind.create();
        SchemaMigration.migrate(dataSource);
        JdbcActivityStore store = new JdbcActivityStore(new MigratedDatabase(dataSource));
        List<Quote> quotes = new ArrayList<>();
        // 70 "erkend" quotes of team noord, one every five days of 2025 (the newest months hold fewer than 50)
        for (int i = 0; i < 70; i++) {
            quotes.add(new Quote(
                    LocalDate.of(2025, 1, 1).plusDays(5L * i), NOORD, Set.of("erkend"), "noord %02d".formatted(i)));
        }
        quotes.add(new Quote(LocalDate.of(2025, 12, 20), NOORD, Set.of("erkend", "verbonden"), "beide"));
        quotes.add(new Quote(LocalDate.of(2025, 12, 30), ZUID, Set.of("erkend"), "zuid"));
        quotes.add(new Quote(LocalDate.of(2026, 1, 1), NOORD, Set.of("erkend"), "volgend jaar"));
        quotes.add(new Quote(LocalDate.of(2024, 12, 31), NOORD, Set.of("verbonden"), "vorig jaar"));
        for (Quote quote : quotes) {
            save(store, quote);
        }

        Formula kpi15 = LIBRARIES.kpi("tinten-15").flatMap(Kpi::formula).orElseThrow();
        for (Scope scope : List.of(new Scope.TeamScope(NOORD), new Scope.OrganisationScope())) {
            Map<String, List<String>> found;
            try (Connection connection = dataSource.getConnection()) {
                Computation computation = new Computation(connection, scope, Period.year(2025), id -> null);
                found = computation.quotes(kpi15, DIMENSIONS);
            }
            for (String dimension : DIMENSIONS) {
                List<String> expected = quotes.stream()
                        .filter(quote -> Period.year(2025).contains(quote.day())
                                && quote.dimensions().contains(dimension)
                                && (!(scope instanceof Scope.TeamScope team)
                                        || team.team().equals(quote.team())))
                        .sorted(Comparator.comparing(Quote::day).reversed())
                        .limit(Computation.QUOTES_PER_FIGURE)
                        .map(Quote::text)
                        .toList();
                assertThat(found.getOrDefault(dimension, List.of()))
                        .as("%s %s", scope, dimension)
                        .containsExactlyElementsOf(expected);
            }
        }
        assertThat(quotes.stream()
                        .filter(q -> q.dimensions().contains("erkend"))
                        .count())
                .as("more than a figure shows")
                .isGreaterThan(Computation.QUOTES_PER_FIGURE);
    }

    private static void save(JdbcActivityStore store, Quote quote) {
        ActivityId activity = new ActivityId(UUID.randomUUID());
        store.save(new CollectiveActivity(
                activity,
                quote.team(),
                "Activiteit " + quote.text(),
                Stage.EVALUATION,
                Set.of(),
                Optional.empty(),
                Optional.of(quote.day()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty()));
        store.saveParticipation(new Participation(
                UUID.randomUUID(),
                activity,
                ResidentId.of("inw-" + quote.text().replace(' ', '-')),
                Optional.of(new Participation.ImpactMeasurement(
                        true,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        quote.dimensions(),
                        List.of(quote.text()),
                        Optional.empty())),
                Set.of()));
    }
}
