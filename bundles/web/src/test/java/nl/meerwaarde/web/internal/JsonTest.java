package nl.meerwaarde.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Sample(LocalDate day, Instant at, Optional<String> present, Optional<String> absent, String nothing) {}

    @Test
    void writesIsoDatesAndLeavesOutEmptyOptionalsAndNulls() throws Exception {
        String json = Json.newMapper()
                .writeValueAsString(new Sample(
                        LocalDate.of(2026, 2, 3),
                        Instant.parse("2026-02-03T10:15:30Z"),
                        Optional.of("x"),
                        Optional.empty(),
                        null));

        assertThat(json).isEqualTo("{\"day\":\"2026-02-03\",\"at\":\"2026-02-03T10:15:30Z\",\"present\":\"x\"}");
    }
}
