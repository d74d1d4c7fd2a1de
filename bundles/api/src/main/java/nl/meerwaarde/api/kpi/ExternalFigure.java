package nl.meerwaarde.api.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.Period;

/**
 * A figure from outside the registrations (a municipality's loneliness percentage from the GGD monitor, a CBS
 * count), entered or imported for a KPI whose source is external, per municipality and period, to be shown beside
 * the organisation's own figures.
 *
 * @param municipality the CBS municipality code ({@code 0114} Emmen), as the host gives it for a funder
 * @param n how many respondents or records the figure rests on, when the source says so
 * @param source where the figure comes from, e.g. "GGD Gezondheidsmonitor Volwassenen 2024"
 */
public record ExternalFigure(
        String kpiId,
        String municipality,
        Period period,
        BigDecimal value,
        Optional<Long> n,
        String source,
        Instant enteredAt,
        String enteredBy) {
    public ExternalFigure {
        Objects.requireNonNull(kpiId, "kpiId");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(enteredBy, "enteredBy");
    }
}
