package nl.meerwaarde.host.reference.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A brake on guessing passwords: after {@link #MAX_FAILURES} failed logins for one login name within
 * {@link #WINDOW}, further tries for that name are refused for {@link #BLOCK}, whether the name exists or not. Kept
 * in memory (per host node), for at most {@link #MAX_TRACKED} names, least recently used forgotten first.
 */
final class LoginBrake {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    private static final class Failures {
        final Deque<Instant> recent = new ArrayDeque<>();
        Instant blockedUntil;
    }

    private final Map<String, Failures> byLogin = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** How long tries for this login name are still refused, or empty when they are allowed. */
    synchronized Optional<Duration> blockedFor(String login, Instant now) {
        Failures failures = byLogin.get(login);
        if (failures == null || failures.blockedUntil == null) {
            return Optional.empty();
        }
        if (!now.isBefore(failures.blockedUntil)) {
            byLogin.remove(login);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.blockedUntil));
    }

    /** Counts a failed login; the one that reaches the limit starts the block. */
    synchronized void failed(String login, Instant now) {
        Failures failures = byLogin.computeIfAbsent(login, k -> new Failures());
        Instant windowStart = now.minus(WINDOW);
        while (!failures.recent.isEmpty() && !failures.recent.peekFirst().isAfter(windowStart)) {
            failures.recent.removeFirst();
        }
        failures.recent.addLast(now);
        if (failures.recent.size() >= MAX_FAILURES) {
            failures.blockedUntil = now.plus(BLOCK);
            failures.recent.clear();
        }
    }

    /** Forgets the failures of a login name after a successful login. */
    synchronized void succeeded(String login) {
        byLogin.remove(login);
    }
}
