package nl.meerwaarde.host.reference.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.WorkerId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Login sessions in {@code ref_session}. A session token is 32 random bytes from {@link SecureRandom}, base64url
 * without padding (43 characters); the table holds only its SHA-256, so a copy of the database lets nobody in. A
 * session ends after the idle timeout: every use moves its end forward.
 */
@Component(
        service = SessionService.class,
        name = "nl.meerwaarde.host.reference.sessions",
        configurationPid = HostReferenceConfig.PID)
public class SessionService {
    static final int TOKEN_BYTES = 32;
    /** Length of a token in base64url without padding. */
    static final int TOKEN_LENGTH = 43;
    /** A session's end is written back at most this often, not on every request. */
    static final Duration TOUCH_STEP = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Duration idleTimeout;
    private final Clock clock;
    private final SecureRandom random;

    @Activate
    public SessionService(@Reference HostDatabase database, HostReferenceConfig config) {
        this(
                database.dataSource(),
                Duration.ofMinutes(config.sessionIdleTimeoutMinutes()),
                Clock.systemUTC(),
                new SecureRandom());
    }

    SessionService(DataSource dataSource, Duration idleTimeout, Clock clock, SecureRandom random) {
        if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("sessionIdleTimeoutMinutes must be at least 1, was " + idleTimeout);
        }
        this.dataSource = dataSource;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.random = random;
    }

    /** Starts a session for the worker and returns its token: hand it to the browser, it is stored nowhere. */
    String create(WorkerId worker) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement =
                    connection.prepareStatement("DELETE FROM ref_session WHERE expires_at <= ?")) {
                statement.setObject(1, utc(now));
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO ref_session (token_hash, worker_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                statement.setString(1, hash(token));
                statement.setString(2, worker.value());
                statement.setObject(3, utc(now));
                statement.setObject(4, utc(now.plus(idleTimeout)));
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not start a session", e);
        }
        return token;
    }

    /** The worker whose live session this token is, or empty (unknown, malformed or expired token). */
    Optional<WorkerId> resolve(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            String worker;
            Instant expires;
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT worker_id, expires_at FROM ref_session WHERE token_hash = ?")) {
                statement.setString(1, tokenHash);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    worker = rows.getString(1);
                    expires = rows.getObject(2, OffsetDateTime.class).toInstant();
                }
            }
            if (!expires.isAfter(now)) {
                delete(connection, tokenHash);
                return Optional.empty();
            }
            Instant newExpiry = now.plus(idleTimeout);
            if (Duration.between(expires, newExpiry).compareTo(TOUCH_STEP) >= 0) {
                try (PreparedStatement statement =
                        connection.prepareStatement("UPDATE ref_session SET expires_at = ? WHERE token_hash = ?")) {
                    statement.setObject(1, utc(newExpiry));
                    statement.setString(2, tokenHash);
                    statement.executeUpdate();
                }
            }
            return Optional.of(new WorkerId(worker));
        } catch (SQLException e) {
            throw new HostStorageException("Could not look a session up", e);
        }
    }

    /** Ends the session of this token, if there is one. */
    void delete(String token) {
        if (!wellFormed(token)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            delete(connection, hash(token));
        } catch (SQLException e) {
            throw new HostStorageException("Could not end a session", e);
        }
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    private static void delete(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("DELETE FROM ref_session WHERE token_hash = ?")) {
            statement.setString(1, tokenHash);
            statement.executeUpdate();
        }
    }

    /** Whether the text has the form of a token we hand out (so garbage never reaches the database). */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the token, lower-case hex: what the table stores. */
    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
