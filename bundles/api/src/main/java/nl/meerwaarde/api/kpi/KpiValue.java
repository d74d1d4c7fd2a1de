package nl.meerwaarde.api.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One figure: a value (empty is "no value", e.g. a zero denominator), the number of records it rests on, and
 * the quotes that tell the story behind it.
 *
 * @param breakdown the group this figure is for (e.g. a target group), empty for the total
 */
public record KpiValue(Optional<String> breakdown, Optional<BigDecimal> value, long n, List<String> quotes) {
    public KpiValue {
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(value, "value");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        quotes = List.copyOf(quotes);
    }
}
