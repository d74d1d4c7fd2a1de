package nl.meerwaarde.web.internal.screens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * KPI figures as people read them: rounded half-up to at most one decimal in the user's language ({@code 42,9} in
 * Dutch, {@code 42.9} in English, thousands grouped), and the exact value for a title or a visually hidden text.
 */
final class KpiNumberFormat {
    /** Decimals shown in tables and charts' labels. */
    static final int SHOWN_DECIMALS = 1;

    private final Locale locale;

    KpiNumberFormat(Locale locale) {
        this.locale = locale;
    }

    /** The value rounded to at most one decimal, e.g. {@code 7,9}; trailing zeros left out ({@code 12}). */
    String shown(BigDecimal value) {
        return format(value.setScale(SHOWN_DECIMALS, RoundingMode.HALF_UP), SHOWN_DECIMALS);
    }

    /** Every decimal the engine gives (at most ten), e.g. {@code 7,8571428571}. */
    String full(BigDecimal value) {
        return format(value, Math.max(0, value.stripTrailingZeros().scale()));
    }

    /** A whole number, e.g. an n: {@code 1.234} in Dutch. */
    String count(long value) {
        return format(BigDecimal.valueOf(value), 0);
    }

    /**
     * The exact value when the shown one is rounded: the fraction when it has no finite decimal form ({@code 55/7}),
     * else every decimal; empty when the shown value is already exact.
     */
    Optional<String> exact(BigDecimal value, Optional<String> fraction) {
        if (fraction.isPresent()) {
            return Optional.of(fraction.get() + " ≈ " + full(value));
        }
        if (value.stripTrailingZeros().scale() <= SHOWN_DECIMALS) {
            return Optional.empty();
        }
        return Optional.of(full(value));
    }

    /** The value as machine-readable text for charts: a plain decimal with a point. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private String format(BigDecimal value, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMaximumFractionDigits(maxDecimals);
        format.setMinimumFractionDigits(0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
