package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.WorkerId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a login name and password against {@code ref_worker} and starts a session. An unknown name and a wrong
 * password give the same answer and take the same time (a bcrypt check runs either way); repeated failures for one
 * name are braked by {@link LoginBrake}.
 */
@Component(
        service = Authenticator.class,
        name = "nl.meerwaarde.host.reference.authenticator",
        configurationPid = HostReferenceConfig.PID)
public class Authenticator {
    static final int MAX_LOGIN_LENGTH = 100;
    static final int MAX_PASSWORD_LENGTH = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** What a login attempt came to. */
    sealed interface Outcome {}

    /** Logged in: the token goes into the session cookie. */
    record LoggedIn(WorkerId worker, String token) implements Outcome {
        LoggedIn {
            Objects.requireNonNull(worker, "worker");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "LoggedIn[worker=" + worker + "]";
        }
    }

    /** Unknown login name or wrong password: deliberately not told apart. */
    record Rejected() implements Outcome {}

    /** Too many failures for this login name: refused without checking, try again after the given time. */
    record Throttled(Duration retryAfter) implements Outcome {}

    private record Account(WorkerId worker, String passwordHash) {}

    private final DataSource dataSource;
    private final SessionService sessions;
    private final Passwords passwords;
    private final Clock clock;
    private final LoginBrake brake = new LoginBrake();

    @Activate
    public Authenticator(
            @Reference HostDatabase database, @Reference SessionService sessions, HostReferenceConfig config) {
        this(database.dataSource(), sessions, new Passwords(config.bcryptCost()), Clock.systemUTC());
    }

    Authenticator(DataSource dataSource, SessionService sessions, Passwords passwords, Clock clock) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Tries to log in; on success a new session has been started. */
    Outcome login(String loginName, String password) {
        String login = normaliseLogin(loginName);
        Optional<Duration> blocked = brake.blockedFor(login, clock.instant());
        if (blocked.isPresent()) {
            return new Throttled(blocked.get());
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            boolean plausible = !login.isEmpty()
                    && login.length() <= MAX_LOGIN_LENGTH
                    && secret.length > 0
                    && secret.length <= MAX_PASSWORD_LENGTH;
            Optional<Account> account = plausible ? account(login) : Optional.empty();
            boolean valid = account.isPresent()
                    ? passwords.verify(account.get().passwordHash(), secret)
                    : passwords.verifyNobody(secret.length <= MAX_PASSWORD_LENGTH ? secret : new char[1]);
            if (!valid) {
                brake.failed(login, clock.instant());
                return new Rejected();
            }
            brake.succeeded(login);
            WorkerId worker = account.get().worker();
            if (passwords.needsRehash(account.get().passwordHash())) {
                rehash(worker, secret);
            }
            return new LoggedIn(worker, sessions.create(worker));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Ends the session of this token (a logout); unknown tokens are ignored. */
    void logout(String token) {
        sessions.delete(token);
    }

    /** Login names compare without case and surrounding blanks. */
    static String normaliseLogin(String loginName) {
        return loginName == null ? "" : loginName.strip().toLowerCase(Locale.ROOT);
    }

    private Optional<Account> account(String login) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id, password_hash FROM ref_worker WHERE login_name = ?")) {
            statement.setString(1, login);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Account(new WorkerId(rows.getString(1)), rows.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not look a login name up", e);
        }
    }

    private void rehash(WorkerId worker, char[] password) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("UPDATE ref_worker SET password_hash = ? WHERE id = ?")) {
            statement.setString(1, passwords.hash(password));
            statement.setString(2, worker.value());
            statement.executeUpdate();
        } catch (SQLException e) {
            // The login itself succeeded; the old hash keeps working until the next try.
            LOG.warn("Could not re-hash the password of worker " + worker, e);
        }
    }
}
