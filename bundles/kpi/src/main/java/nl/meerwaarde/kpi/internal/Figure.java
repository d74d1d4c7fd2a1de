package nl.meerwaarde.kpi.internal;

/**
 * A measure's result for one group while it is computed: exact, with its n, and what it was made of.
 *
 * @param value empty (null) is "no value"
 * @param numerator with {@code denominator}, the terms of a ratio or mean; null otherwise
 * @param known with {@code anonymous}, the parts of a count of people that adds anonymous counts; null otherwise
 */
record Figure(Exact value, long n, Exact numerator, Exact denominator, Long known, Long anonymous) {
    static Figure of(Exact value, long n) {
        return new Figure(value, n, null, null, null, null);
    }

    static Figure none() {
        return new Figure(null, 0, null, null, null, null);
    }

    boolean hasValue() {
        return value != null;
    }
}
