package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4: figures are computed exactly, as fractions in lowest terms, and rounded once for display. */
class ExactTest {
    private static Exact fraction(long numerator, long denominator) {
        return new Exact(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    private static void assertTerms(Exact exact, long numerator, long denominator) {
        assertThat(exact.numerator()).as("numerator of %s", exact).isEqualTo(BigInteger.valueOf(numerator));
        assertThat(exact.denominator()).as("denominator of %s", exact).isEqualTo(BigInteger.valueOf(denominator));
    }

    @Test
    void isKeptInLowestTerms() {
        assertTerms(fraction(6, 8), 3, 4);
        assertTerms(fraction(89, 12), 89, 12);
        assertTerms(fraction(905, 9), 905, 9);
        assertTerms(fraction(110, 55), 2, 1);
        assertTerms(fraction(7, 1), 7, 1);
        assertTerms(fraction(0, 5), 0, 1);
        assertTerms(fraction(0, -7), 0, 1);
        assertTerms(Exact.ZERO, 0, 1);
        assertThat(fraction(2, 4)).isEqualTo(fraction(1, 2)).hasSameHashCodeAs(fraction(1, 2));
        assertThat(fraction(0, 3)).isEqualTo(Exact.ZERO);
    }

    @Test
    void aNegativeDenominatorMovesItsSignToTheNumerator() {
        assertTerms(fraction(3, -4), -3, 4);
        assertTerms(fraction(-3, -4), 3, 4);
        assertTerms(fraction(-6, 8), -3, 4);
        assertTerms(fraction(6, -8), -3, 4);
        assertThat(fraction(1, -2)).isEqualTo(fraction(-1, 2));
    }

    @Test
    void aZeroDenominatorIsRefused() {
        assertThatThrownBy(() -> fraction(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> fraction(0, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> fraction(1, 2).dividedBy(Exact.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Exact(null, BigInteger.ONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Exact(BigInteger.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void terminatesWhenTheDenominatorHasNoOtherPrimeFactorsThanTwoAndFive() {
        assertThat(Exact.ZERO.terminates()).isTrue();
        assertThat(Exact.of(75).terminates()).isTrue();
        assertThat(fraction(59, 8).terminates()).isTrue();
        assertThat(fraction(3, 40).terminates()).isTrue();
        assertThat(fraction(1, 1_000_000).terminates()).isTrue();
        assertThat(fraction(-1, 5).terminates()).isTrue();
        assertThat(fraction(6, 3).terminates()).as("2 after reduction").isTrue();
        assertThat(fraction(21, 30).terminates()).as("7/10 after reduction").isTrue();

        assertThat(fraction(2, 3).terminates()).isFalse();
        assertThat(fraction(55, 7).terminates()).isFalse();
        assertThat(fraction(1, 6).terminates()).isFalse();
        assertThat(fraction(89, 12).terminates()).isFalse();
        assertThat(fraction(-1, 15).terminates()).isFalse();
    }

    @Test
    void roundsHalfUpWithoutTrailingZeros() {
        assertThat(fraction(2, 3).rounded(10)).isEqualTo(new BigDecimal("0.6666666667"));
        assertThat(fraction(1, 3).rounded(10)).isEqualTo(new BigDecimal("0.3333333333"));
        assertThat(fraction(55, 7).rounded(10)).isEqualTo(new BigDecimal("7.8571428571"));
        assertThat(fraction(89, 12).rounded(10)).isEqualTo(new BigDecimal("7.4166666667"));
        assertThat(fraction(905, 9).rounded(10)).isEqualTo(new BigDecimal("100.5555555556"));
        assertThat(fraction(-2, 3).rounded(10))
                .as("half-up is away from zero")
                .isEqualTo(new BigDecimal("-0.6666666667"));
        assertThat(fraction(1, 2).rounded(0)).isEqualTo(new BigDecimal("1"));
        assertThat(fraction(-1, 2).rounded(0)).isEqualTo(new BigDecimal("-1"));
        assertThat(fraction(1, 200).rounded(2)).as("0.005 half-up").isEqualTo(new BigDecimal("0.01"));
        assertThat(fraction(1, 8).rounded(2)).as("0.125 half-up").isEqualTo(new BigDecimal("0.13"));

        // exact values keep their decimals and lose the padding: 0.75, not 0.7500000000
        assertThat(fraction(3, 4).rounded(10)).isEqualTo(new BigDecimal("0.75"));
        assertThat(fraction(59, 8).rounded(10)).isEqualTo(new BigDecimal("7.375"));
        assertThat(fraction(125, 2).rounded(10)).isEqualTo(new BigDecimal("62.5"));
        // whole numbers have scale 0, never 1E+2
        assertThat(Exact.of(75).rounded(10)).isEqualTo(new BigDecimal("75"));
        assertThat(Exact.of(100).rounded(10)).isEqualTo(new BigDecimal("100"));
        assertThat(Exact.of(100).rounded(10).toPlainString()).isEqualTo("100");
        assertThat(Exact.of(100).rounded(10).toString()).isEqualTo("100");
        assertThat(Exact.ZERO.rounded(10)).isEqualTo(new BigDecimal("0"));
        assertThat(fraction(1, 3_000_000_000_000L).rounded(10))
                .as("rounds to 0")
                .isEqualTo(new BigDecimal("0"));
    }

    @Test
    void printsTheDecimalWhenItTerminatesAndTheFractionOtherwise() {
        assertThat(fraction(59, 8)).hasToString("7.375");
        assertThat(fraction(55, 7)).hasToString("55/7");
        assertThat(fraction(89, 12)).hasToString("89/12");
        assertThat(Exact.of(75)).hasToString("75");
        assertThat(fraction(7500, 100)).hasToString("75");
        assertThat(Exact.of(new BigDecimal("75.0"))).hasToString("75");
        assertThat(Exact.of(100)).hasToString("100");
        assertThat(Exact.of(1000)).hasToString("1000");
        assertThat(Exact.ZERO).hasToString("0");
        assertThat(fraction(-3, 4)).hasToString("-0.75");
        assertThat(fraction(1, -3)).hasToString("-1/3");
        assertThat(fraction(1, 1024)).hasToString("0.0009765625");
        assertThat(fraction(1, 10_000_000)).hasToString("0.0000001");
        assertThat(fraction(5701, 2)).hasToString("2850.5");
    }

    @Test
    void readsADecimalWhateverItsScale() {
        assertTerms(Exact.of(new BigDecimal("2850.50")), 5701, 2);
        assertTerms(Exact.of(new BigDecimal("2850.5")), 5701, 2);
        assertTerms(Exact.of(new BigDecimal("75.00")), 75, 1);
        assertTerms(Exact.of(new BigDecimal("100")), 100, 1);
        assertTerms(Exact.of(new BigDecimal("1E+3")), 1000, 1);
        assertTerms(Exact.of(new BigDecimal("0.000")), 0, 1);
        assertTerms(Exact.of(new BigDecimal("-0.25")), -1, 4);
        assertTerms(Exact.of(new BigDecimal("45.5")), 91, 2);
        assertTerms(Exact.of(new BigDecimal("0.01")), 1, 100);
        assertTerms(Exact.of(BigDecimal.ZERO), 0, 1);
        assertThat(Exact.of(new BigDecimal("7.375"))).isEqualTo(fraction(59, 8));
        assertThat(Exact.of(new BigDecimal("2850.50"))).isEqualTo(Exact.of(new BigDecimal("2850.5")));
        assertTerms(Exact.of(-12), -12, 1);
    }

    @Test
    void comparesByValue() {
        assertThat(fraction(1, 3)).isLessThan(fraction(1, 2));
        assertThat(fraction(-1, 2)).isLessThan(fraction(1, 3));
        assertThat(fraction(-1, 2)).isLessThan(Exact.ZERO);
        assertThat(fraction(2, 4).compareTo(fraction(1, 2))).isZero();
        assertThat(fraction(55, 7)).isGreaterThan(Exact.of(new BigDecimal("7.8571428571")));
        assertThat(fraction(55, 7)).isLessThan(Exact.of(new BigDecimal("7.8571428572")));
        assertThat(fraction(3, -4)).isLessThan(fraction(-1, 2));

        List<Exact> values = new ArrayList<>(
                List.of(fraction(55, 7), Exact.ZERO, fraction(-1, 3), Exact.of(8), fraction(59, 8), fraction(1, 3)));
        Collections.sort(values);
        assertThat(values)
                .containsExactly(
                        fraction(-1, 3), Exact.ZERO, fraction(1, 3), fraction(59, 8), fraction(55, 7), Exact.of(8));
    }

    @Test
    void computesExactly() {
        // the golden data set's KPI 13: activity means 21/3, 8, 23/3 and 7; their mean is 89/12
        Exact a1 = fraction(21, 3);
        Exact a2 = Exact.of(8);
        Exact a5 = fraction(23, 3);
        Exact a6 = Exact.of(7);
        Exact sum = a1.plus(a2).plus(a5).plus(a6);
        assertThat(sum).isEqualTo(fraction(89, 3));
        assertThat(sum.dividedBy(Exact.of(4))).isEqualTo(fraction(89, 12));
        assertThat(Exact.of(100).times(fraction(3, 8))).hasToString("37.5");
        assertThat(fraction(1, 3).plus(fraction(2, 3))).isEqualTo(Exact.of(1));
        assertThat(fraction(1, 3).plus(fraction(-1, 3)).isZero()).isTrue();
        assertThat(fraction(2, 3).dividedBy(fraction(-4, 9))).isEqualTo(fraction(-3, 2));
        assertThat(fraction(10, 5).longValueExact()).isEqualTo(2);
        assertThatThrownBy(() -> fraction(1, 2).longValueExact()).isInstanceOf(ArithmeticException.class);
    }
}
