package nl.meerwaarde.api.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One figure of a KPI: its value, the number of things it rests on, and how it came about.
 *
 * @param group the group of a breakdown this figure is for (a target group code, a partner, an activity id), empty
 *     for a KPI without a breakdown
 * @param value the value, rounded half-up to at most {@value #SCALE} decimals without trailing zeros; empty is "no
 *     value" (a zero denominator, a mean over nothing) — never 0 in its place
 * @param exact the exact value as a fraction in lowest terms ({@code "55/7"}) when it has no finite decimal form;
 *     empty when {@code value} is exact
 * @param n how many things the figure rests on (signals, residents, activities, grades: the definition says which)
 * @param terms numerator and denominator of a ratio or mean, each exact (a decimal, or {@code p/q})
 * @param composition for counts of people that add known residents to anonymous counts, the two parts
 * @param quotes the stories behind the figure ("vertellen"), for a definition that has them
 */
public record KpiValue(
        Optional<String> group,
        Optional<BigDecimal> value,
        Optional<String> exact,
        long n,
        Optional<Terms> terms,
        Optional<Composition> composition,
        List<String> quotes) {
    /** The decimals of a rounded value. */
    public static final int SCALE = 10;

    public KpiValue {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(exact, "exact");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(composition, "composition");
        quotes = List.copyOf(quotes);
    }

    /** The two terms of a ratio or a mean, exact. */
    public record Terms(String numerator, String denominator) {
        public Terms {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }
    }

    /** Known residents (counted distinct) and anonymous counts (added as registered), which add up to the value. */
    public record Composition(long known, long anonymous) {}
}
