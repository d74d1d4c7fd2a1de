package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A replace-whole save that meets another save of the same key answers a conflict, anything else stays a failure. */
class JdbcReplacingTest {
    @Test
    void aUniqueViolationIsAConflictAndOtherFailuresStayStoreFailures() {
        assertThatThrownBy(() -> Jdbc.replacing("save KPI set s", () -> {
                    throw Jdbc.failure("save KPI set s", new SQLException("duplicate", Jdbc.UNIQUE_VIOLATION));
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not save KPI set s: it was changed at the same moment");
        assertThatThrownBy(() -> Jdbc.replacing("save KPI set s", () -> {
                    throw Jdbc.failure("save KPI set s", new SQLException("gone", "08006"));
                }))
                .isInstanceOf(StoreException.class);
    }
}
