package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionServiceTest {
    private static final WorkerId SANNE = new WorkerId("mdw-sanne");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:30:00Z"));
    private HostDatabase database;
    private SessionService sessions;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        sessions = TestHosts.sessions(database, clock);
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void aNewTokenIs32RandomBytesInBase64url() {
        String token = sessions.create(SANNE);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(sessions.create(SANNE)).isNotEqualTo(token);
    }

    @Test
    void resolvesTheTokenToItsWorker() {
        String token = sessions.create(SANNE);

        assertThat(sessions.resolve(token)).contains(SANNE);
    }

    @Test
    void storesOnlyTheSha256OfTheToken() throws SQLException {
        String token = sessions.create(SANNE);

        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT token_hash FROM ref_session");
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            String stored = rows.getString(1);
            assertThat(stored).isEqualTo(SessionService.hash(token)).hasSize(64).doesNotContain(token);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void expiresAfterTheIdleTimeout() {
        String token = sessions.create(SANNE);

        clock.advance(Duration.ofHours(8));

        assertThat(sessions.resolve(token)).isEmpty();
        clock.advance(Duration.ofMinutes(-1));
        assertThat(sessions.resolve(token))
                .as("an expired session is gone for good")
                .isEmpty();
    }

    @Test
    void everyUseMovesTheEndForward() {
        String token = sessions.create(SANNE);

        for (int hour = 0; hour < 20; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.resolve(token))
                    .as("after %d hours of use", hour + 1)
                    .contains(SANNE);
        }
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void deleteEndsTheSession() {
        String token = sessions.create(SANNE);

        sessions.delete(token);

        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void startingASessionClearsExpiredOnes() throws SQLException {
        sessions.create(SANNE);
        sessions.create(SANNE);
        clock.advance(Duration.ofHours(9));

        sessions.create(SANNE);

        assertThat(HostDatabaseTest.count(database.dataSource(), "ref_session")).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedTokensResolveToNobody() {
        assertThat(sessions.resolve(null)).isEmpty();
        assertThat(sessions.resolve("")).isEmpty();
        assertThat(sessions.resolve("' OR '1'='1")).isEmpty();
        assertThat(sessions.resolve("A".repeat(43))).isEmpty();
        assertThat(sessions.resolve("A".repeat(42) + "=")).isEmpty();
    }
}
