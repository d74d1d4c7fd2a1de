package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.kpi.ExternalFigure;
import org.junit.jupiter.api.io.TempDir;

class JdbcExternalFigureStoreTest {
    private static final Instant AT = Instant.parse("2026-02-01T10:00:00.123456Z");

    @TempDir
    Path dir;

    static ExternalFigure figure(String kpi, String municipality, Period period, String value) {
        return new ExternalFigure(
                kpi,
                municipality,
                period,
                new BigDecimal(value),
                Optional.of(1_204L),
                "GGD Gezondheidsmonitor Volwassenen",
                AT,
                "worker:mdw-fatima");
    }

    @OnBothDatabases
    void keepsOneFigurePerKpiMunicipalityAndPeriodAndFindsThoseWithinAPeriod(Engine engine) {
        JdbcExternalFigureStore store = new JdbcExternalFigureStore(engine.migrated(dir));
        ExternalFigure lonely2024 = figure("swn-eenzaamheid", "0114", Period.year(2024), "48.5");
        ExternalFigure lonely2025 = figure("swn-eenzaamheid", "0114", Period.year(2025), "47");
        ExternalFigure quarter = figure("swn-schulden", "0114", Period.quarter(2025, 2), "6.25000001");
        ExternalFigure otherTown = figure("swn-eenzaamheid", "0106", Period.year(2025), "44");

        store.saveAll(List.of(lonely2025, lonely2024, quarter, otherTown));

        assertThat(store.find("0114", List.of(), Period.year(2025))).containsExactly(lonely2025, quarter);
        assertThat(store.find(
                        "0114",
                        List.of("swn-eenzaamheid"),
                        new Period(Period.year(2024).start(), Period.year(2026).start())))
                .containsExactly(lonely2024, lonely2025);

        ExternalFigure corrected = new ExternalFigure(
                "swn-eenzaamheid",
                "0114",
                Period.year(2025),
                new BigDecimal("46.9"),
                Optional.empty(),
                "CBS",
                AT,
                "worker:mdw-joost");
        store.saveAll(List.of(corrected));
        assertThat(store.find("0114", List.of("swn-eenzaamheid"), Period.year(2025)))
                .containsExactly(corrected);

        assertThat(store.delete("swn-eenzaamheid", "0114", Period.year(2025))).isTrue();
        assertThat(store.delete("swn-eenzaamheid", "0114", Period.year(2025))).isFalse();
        assertThat(store.find("0114", List.of(), Period.year(2025))).containsExactly(quarter);
    }

    @OnBothDatabases
    void aFailingSaveStoresNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcExternalFigureStore store = new JdbcExternalFigureStore(database);
        ExternalFigure fine = figure("swn-eenzaamheid", "0114", Period.year(2025), "47");
        ExternalFigure tooBig = figure("swn-eenzaamheid", "0114", Period.year(2024), "1" + "0".repeat(20));

        assertThatThrownBy(() -> store.saveAll(List.of(fine, tooBig))).isInstanceOf(StoreException.class);

        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_external_figure"))
                .isZero();
    }
}
