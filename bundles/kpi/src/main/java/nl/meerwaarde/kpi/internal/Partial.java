package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the database returns for one aggregate and group: the counted, distinct-counted or summed {@code value}, and
 * {@code values}, the number of non-empty values it was computed from (for a count, the count itself).
 */
record Partial(BigDecimal value, long values) {
    Partial {
        Objects.requireNonNull(value, "value");
    }
}
