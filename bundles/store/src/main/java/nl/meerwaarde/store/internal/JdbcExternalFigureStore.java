package nl.meerwaarde.store.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.kpi.ExternalFigure;
import nl.meerwaarde.api.store.ExternalFigureStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Figures of external KPIs per municipality and period ({@code mw_external_figure}); one per KPI, municipality and
 * period (the primary key), so saving one again replaces it.
 */
@Component(name = "nl.meerwaarde.store.externalFigures", service = ExternalFigureStore.class)
public final class JdbcExternalFigureStore implements ExternalFigureStore {
    private static final String COLUMNS =
            "kpi_id, municipality, period_start, period_end, figure, n, source, entered_at, entered_by";

    private final Jdbc jdbc;

    @Activate
    public JdbcExternalFigureStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public void saveAll(List<ExternalFigure> figures) {
        List<ExternalFigure> all = List.copyOf(figures);
        Jdbc.replacing(
                "save " + all.size() + " external figures",
                () -> jdbc.transaction("save " + all.size() + " external figures", connection -> {
                    Jdbc.batch(
                            connection,
                            "DELETE FROM mw_external_figure WHERE municipality = ? AND kpi_id = ? AND period_start = ?"
                                    + " AND period_end = ?",
                            all,
                            (p, figure, ordinal) -> p.string(figure.municipality())
                                    .string(figure.kpiId())
                                    .date(figure.period().start())
                                    .date(figure.period().end()));
                    Jdbc.batch(
                            connection,
                            "INSERT INTO mw_external_figure (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            Jdbc.lastById(all, JdbcExternalFigureStore::key),
                            (p, figure, ordinal) -> {
                                p.string(figure.kpiId())
                                        .string(figure.municipality())
                                        .date(figure.period().start())
                                        .date(figure.period().end())
                                        .decimal(figure.value());
                                p.longValue(figure.n().orElse(null))
                                        .string(figure.source())
                                        .timestamp(figure.enteredAt())
                                        .string(figure.enteredBy());
                            });
                    return null;
                }));
    }

    @Override
    public List<ExternalFigure> find(String municipality, Collection<String> kpiIds, Period within) {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(within, "within");
        List<String> kpis = List.copyOf(kpiIds);
        String sql = "SELECT " + COLUMNS + " FROM mw_external_figure WHERE municipality = ? AND period_start >= ?"
                + " AND period_end <= ?"
                + (kpis.isEmpty() ? "" : " AND kpi_id IN (" + Jdbc.placeholders(kpis.size()) + ")");
        List<ExternalFigure> figures = jdbc.read(
                "read the external figures of municipality " + municipality,
                connection -> Jdbc.query(
                        connection,
                        sql,
                        p -> p.string(municipality)
                                .date(within.start())
                                .date(within.end())
                                .all(kpis),
                        JdbcExternalFigureStore::figure));
        List<ExternalFigure> sorted = new ArrayList<>(figures);
        sorted.sort(Comparator.comparing(ExternalFigure::kpiId)
                .thenComparing(figure -> figure.period().start())
                .thenComparing(figure -> figure.period().end()));
        return sorted;
    }

    @Override
    public boolean delete(String kpiId, String municipality, Period period) {
        return jdbc.transaction(
                "delete an external figure of " + kpiId,
                connection -> Jdbc.update(
                                connection,
                                "DELETE FROM mw_external_figure WHERE municipality = ? AND kpi_id = ?"
                                        + " AND period_start = ? AND period_end = ?",
                                p -> p.string(municipality)
                                        .string(kpiId)
                                        .date(period.start())
                                        .date(period.end()))
                        > 0);
    }

    /** Two figures for the same KPI, municipality and period in one save: the last one counts. */
    private static java.util.UUID key(ExternalFigure figure) {
        String key = figure.municipality() + "|" + figure.kpiId() + "|"
                + figure.period().start() + "|" + figure.period().end();
        return java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ExternalFigure figure(ResultSet row) throws SQLException {
        long n = row.getLong("n");
        Optional<Long> count = row.wasNull() ? Optional.empty() : Optional.of(n);
        BigDecimal value = row.getBigDecimal("figure").stripTrailingZeros();
        return new ExternalFigure(
                row.getString("kpi_id"),
                row.getString("municipality"),
                new Period(Jdbc.Columns.date(row, "period_start"), Jdbc.Columns.date(row, "period_end")),
                value.scale() < 0 ? value.setScale(0) : value,
                count,
                row.getString("source"),
                Jdbc.Columns.instant(row, "entered_at"),
                row.getString("entered_by"));
    }
}
