package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:30:00Z"));
    private HostDatabase database;
    private SessionService sessions;
    private Authenticator authenticator;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        sessions = TestHosts.sessions(database, clock);
        authenticator = TestHosts.authenticator(database, sessions, clock);
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void everyDemoWorkerLogsInWithTheDocumentedPassword() {
        for (DemoHostData.DemoWorker worker : DemoHostData.WORKERS) {
            Authenticator.Outcome outcome = authenticator.login(worker.login(), worker.password());

            assertThat(outcome).isInstanceOf(Authenticator.LoggedIn.class);
            Authenticator.LoggedIn loggedIn = (Authenticator.LoggedIn) outcome;
            assertThat(loggedIn.worker()).isEqualTo(worker.id());
            assertThat(sessions.resolve(loggedIn.token())).contains(worker.id());
        }
    }

    @Test
    void theLoginNameIgnoresCaseAndSurroundingBlanks() {
        assertThat(authenticator.login("  Sanne ", "demo-sanne-2026")).isInstanceOf(Authenticator.LoggedIn.class);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        Authenticator.Outcome wrongPassword = authenticator.login("sanne", "demo-daan-2026");
        Authenticator.Outcome unknownName = authenticator.login("nobody", "demo-sanne-2026");
        Authenticator.Outcome empty = authenticator.login("", "");

        assertThat(wrongPassword).isEqualTo(new Authenticator.Rejected());
        assertThat(unknownName).isEqualTo(new Authenticator.Rejected());
        assertThat(empty).isEqualTo(new Authenticator.Rejected());
    }

    @Test
    void brakesAfterFiveFailuresEvenWithTheRightPassword() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES; i++) {
            assertThat(authenticator.login("sanne", "guess-" + i)).isInstanceOf(Authenticator.Rejected.class);
        }

        Authenticator.Outcome braked = authenticator.login("sanne", "demo-sanne-2026");

        assertThat(braked).isEqualTo(new Authenticator.Throttled(LoginBrake.BLOCK));
        assertThat(authenticator.login("daan", "demo-daan-2026")).isInstanceOf(Authenticator.LoggedIn.class);

        clock.advance(LoginBrake.BLOCK);
        assertThat(authenticator.login("sanne", "demo-sanne-2026")).isInstanceOf(Authenticator.LoggedIn.class);
    }

    @Test
    void unknownNamesAreBrakedToo() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES; i++) {
            authenticator.login("nobody", "guess-" + i);
        }

        assertThat(authenticator.login("nobody", "guess")).isInstanceOf(Authenticator.Throttled.class);
    }

    @Test
    void aWeakerHashIsReplacedAtTheNextLogin() throws SQLException {
        Authenticator stronger = new Authenticator(database.dataSource(), sessions, new Passwords(5), clock);

        assertThat(stronger.login("fatima", "demo-fatima-2026")).isInstanceOf(Authenticator.LoggedIn.class);

        String hash = passwordHash(new WorkerId("mdw-fatima"));
        assertThat(hash).startsWith("$2y$05$");
        assertThat(authenticator.login("fatima", "demo-fatima-2026")).isInstanceOf(Authenticator.LoggedIn.class);
    }

    @Test
    void logoutEndsTheSession() {
        Authenticator.LoggedIn loggedIn = (Authenticator.LoggedIn) authenticator.login("joost", "demo-joost-2026");

        authenticator.logout(loggedIn.token());

        assertThat(sessions.resolve(loggedIn.token())).isEmpty();
    }

    @Test
    void theOutcomeNeverPrintsTheToken() {
        Authenticator.LoggedIn loggedIn = (Authenticator.LoggedIn) authenticator.login("daan", "demo-daan-2026");

        assertThat(loggedIn.toString()).doesNotContain(loggedIn.token());
    }

    private String passwordHash(WorkerId worker) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT password_hash FROM ref_worker WHERE id = ?")) {
            statement.setString(1, worker.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
