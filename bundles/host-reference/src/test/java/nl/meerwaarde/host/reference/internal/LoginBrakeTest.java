package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginBrakeTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private final LoginBrake brake = new LoginBrake();

    @Test
    void blocksAfterFiveFailuresWithinFifteenMinutes() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES - 1; i++) {
            brake.failed("sanne", T0.plusSeconds(i * 60L));
            assertThat(brake.blockedFor("sanne", T0.plusSeconds(i * 60L))).isEmpty();
        }
        Instant fifth = T0.plusSeconds(300);
        brake.failed("sanne", fifth);

        assertThat(brake.blockedFor("sanne", fifth)).contains(LoginBrake.BLOCK);
        assertThat(brake.blockedFor("sanne", fifth.plus(Duration.ofMinutes(10))))
                .contains(Duration.ofMinutes(5));
        assertThat(brake.blockedFor("sanne", fifth.plus(LoginBrake.BLOCK))).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 10; i++) {
            brake.failed("daan", T0.plus(Duration.ofMinutes(4L * i)));
        }
        // Never more than four failures within any 15 minutes.
        assertThat(brake.blockedFor("daan", T0.plus(Duration.ofMinutes(37)))).isEmpty();
    }

    @Test
    void isPerLoginName() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES; i++) {
            brake.failed("fatima", T0);
        }

        assertThat(brake.blockedFor("fatima", T0)).isPresent();
        assertThat(brake.blockedFor("joost", T0)).isEmpty();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES - 1; i++) {
            brake.failed("sanne", T0);
        }
        brake.succeeded("sanne");
        brake.failed("sanne", T0);

        assertThat(brake.blockedFor("sanne", T0)).isEmpty();
    }
}
