package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.ExternalFigure;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import nl.meerwaarde.store.internal.JdbcExternalFigureStore;
import nl.meerwaarde.store.internal.MigratedDatabase;
import nl.meerwaarde.store.internal.SchemaMigration;
import org.junit.jupiter.api.Test;

/** External KPIs give the figures entered for the funders' municipalities, beside the computed ones. */
class ExternalFiguresTest {
    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void externalKpisShowTheFiguresOfTheFundersMunicipalitiesWithinThePeriod() {
        DataSource dataSource = Databases.H2.create();
        SchemaMigration.migrate(dataSource);
        JdbcExternalFigureStore store = new JdbcExternalFigureStore(new MigratedDatabase(dataSource));
        store.saveAll(List.of(
                figure("0114", Period.year(2025), "47.5", 1204L),
                figure("0114", Period.year(2024), "48", null),
                figure("0106", Period.quarter(2025, 3), "44.25", 380L),
                figure("0363", Period.year(2025), "39", 5000L)));
        KpiEngineComponent engine =
                new KpiEngineComponent(Databases.H2.reporting(dataSource)).withExternalFigures(store, new Funders());

        List<KpiValue> organisation = engine.compute(
                        List.of("swn-eenzaamheid", "tinten-1"), new Scope.OrganisationScope(), Period.year(2025))
                .get(0)
                .values();
        List<KpiValue> emmen = engine.compute(
                        List.of("swn-eenzaamheid"),
                        new Scope.FunderScope(new FunderId("gemeente-emmen")),
                        Period.year(2025))
                .get(0)
                .values();
        List<KpiValue> team = engine.compute(
                        List.of("swn-eenzaamheid"),
                        new Scope.TeamScope(new nl.meerwaarde.host.spi.TeamId("team-noord")),
                        Period.year(2025))
                .get(0)
                .values();

        assertThat(organisation)
                .extracting(value ->
                        value.group().orElseThrow() + " " + value.value().orElseThrow() + " n " + value.n())
                .containsExactly("0106 2025-07-01/2025-09-30 44.25 n 380", "0114 2025-01-01/2025-12-31 47.5 n 1204");
        assertThat(emmen)
                .extracting(value -> value.group().orElseThrow())
                .containsExactly("0114 2025-01-01/2025-12-31");
        assertThat(team).isEmpty();
    }

    private static ExternalFigure figure(String municipality, Period period, String value, Long n) {
        return new ExternalFigure(
                "swn-eenzaamheid",
                municipality,
                period,
                new BigDecimal(value),
                Optional.ofNullable(n),
                "GGD Gezondheidsmonitor",
                AT,
                "worker:mdw-fatima");
    }

    /** Two funders: Emmen (0114) and Coevorden (0106); Amsterdam's figure (0363) is not the organisation's. */
    private static final class Funders implements Organisation {
        @Override
        public String name() {
            return "Welzijn Emmen";
        }

        @Override
        public List<Team> teams() {
            return List.of();
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
            return List.of(
                    new Funder(new FunderId("gemeente-emmen"), "Gemeente Emmen", "0114"),
                    new Funder(new FunderId("gemeente-coevorden"), "Gemeente Coevorden", "0106"),
                    new Funder(new FunderId("provincie-drenthe"), "Provincie Drenthe", "0114"));
        }
    }
}
