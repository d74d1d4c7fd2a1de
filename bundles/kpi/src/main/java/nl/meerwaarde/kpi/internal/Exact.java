package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number in lowest terms, so that a mean of means (89/12) or a percentage (905/9) is computed
 * without rounding, and rounded once, for display.
 */
record Exact(BigInteger numerator, BigInteger denominator) implements Comparable<Exact> {
    static final Exact ZERO = new Exact(BigInteger.ZERO, BigInteger.ONE);

    Exact {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator 0");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Exact of(long value) {
        return new Exact(BigInteger.valueOf(value), BigInteger.ONE);
    }

    static Exact of(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0) {
            return new Exact(plain.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Exact(plain.unscaledValue(), BigInteger.TEN.pow(plain.scale()));
    }

    Exact plus(Exact other) {
        return new Exact(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Exact times(Exact other) {
        return new Exact(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** This divided by {@code other}, which must not be 0. */
    Exact dividedBy(Exact other) {
        return new Exact(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    boolean isZero() {
        return numerator.signum() == 0;
    }

    /** Whether the value has a finite decimal form: the denominator has no prime factors but 2 and 5. */
    boolean terminates() {
        BigInteger rest = denominator;
        for (BigInteger factor : new BigInteger[] {BigInteger.TWO, BigInteger.valueOf(5)}) {
            while (rest.mod(factor).signum() == 0) {
                rest = rest.divide(factor);
            }
        }
        return rest.equals(BigInteger.ONE);
    }

    /** Rounded half-up to {@code scale} decimals, without trailing zeros. */
    BigDecimal rounded(int scale) {
        BigDecimal value = new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
        return plain(value);
    }

    /** A whole number as it is. */
    long longValueExact() {
        if (!denominator.equals(BigInteger.ONE)) {
            throw new ArithmeticException("not a whole number: " + this);
        }
        return numerator.longValueExact();
    }

    /** {@code 7.375}, {@code 55/7}: the decimal when it terminates, else the fraction. */
    @Override
    public String toString() {
        if (terminates()) {
            return plain(new BigDecimal(numerator).divide(new BigDecimal(denominator)))
                    .toPlainString();
        }
        return numerator + "/" + denominator;
    }

    @Override
    public int compareTo(Exact other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
