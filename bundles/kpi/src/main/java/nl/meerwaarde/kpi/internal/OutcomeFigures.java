package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scored item over a scope and period (kpis.md C): of the residents with a baseline and a
 * follow-up (first and last measurement, on different days), how many improved, stayed stable or worsened, and the
 * sum of their changes (last minus first) so that the caller divides exactly.
 *
 * @param linkPath the scored item
 * @param clients residents with measurements of the item on at least two days in the period; improved + stable +
 *     worsened
 * @param changes the residents whose change is a number (both measurements on the scale; not when either is an
 *     Effectenmonitor relapse), so the {@code n} of the mean change
 * @param sumOfChanges the sum of those changes, exact; zero when there are none
 * @param sumOfFirst the sum of the first scores of those same residents (so {@code sumOfFirst / changes} is where they
 *     started, the inner ring of a spider web)
 * @param sumOfLast the sum of their last scores ({@code sumOfLast - sumOfFirst = sumOfChanges})
 */
record OutcomeFigures(
        String linkPath,
        int clients,
        int changes,
        BigDecimal sumOfChanges,
        int improved,
        int stable,
        int worsened,
        BigDecimal sumOfFirst,
        BigDecimal sumOfLast) {
    OutcomeFigures {
        Objects.requireNonNull(linkPath, "linkPath");
        Objects.requireNonNull(sumOfChanges, "sumOfChanges");
        Objects.requireNonNull(sumOfFirst, "sumOfFirst");
        Objects.requireNonNull(sumOfLast, "sumOfLast");
        if (clients != improved + stable + worsened || changes > clients || changes < 0) {
            throw new IllegalArgumentException("Inconsistent outcome figures for " + linkPath);
        }
    }

    /** No resident had a baseline and a follow-up. */
    static OutcomeFigures none(String linkPath) {
        return new OutcomeFigures(linkPath, 0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The mean change, rounded half-up to {@code scale} decimals; no value when no change is a number. */
    Optional<BigDecimal> meanChange(int scale) {
        if (changes == 0) {
            return Optional.empty();
        }
        return Optional.of(sumOfChanges.divide(BigDecimal.valueOf(changes), scale, RoundingMode.HALF_UP));
    }

    /** The share of the clients that improved, in percent with {@code scale} decimals; no value without clients. */
    Optional<BigDecimal> percentImproved(int scale) {
        return percent(improved, scale);
    }

    Optional<BigDecimal> percentStable(int scale) {
        return percent(stable, scale);
    }

    Optional<BigDecimal> percentWorsened(int scale) {
        return percent(worsened, scale);
    }

    private Optional<BigDecimal> percent(int part, int scale) {
        if (clients == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100L * part)
                .divide(BigDecimal.valueOf(clients), MathContext.DECIMAL128)
                .setScale(scale, RoundingMode.HALF_UP));
    }
}
