package nl.meerwaarde.host.reference.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashing with bcrypt (Bouncy Castle's {@link OpenBSDBCrypt}): a random 16-byte salt per hash, the cost
 * from the configuration. bcrypt compares in constant time and reads at most 72 bytes of a password.
 */
final class Passwords {
    static final int MIN_COST = 4;
    static final int MAX_COST = 31;

    private final int cost;
    private final SecureRandom random;
    private final String dummyHash;

    Passwords(int cost, SecureRandom random) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcryptCost must be " + MIN_COST + ".." + MAX_COST + ", was " + cost);
        }
        this.cost = cost;
        this.random = random;
        // Checked against for unknown login names, so that they take as long as known ones.
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(secret).toCharArray());
    }

    Passwords(int cost) {
        this(cost, new SecureRandom());
    }

    int cost() {
        return cost;
    }

    /** A new bcrypt string ({@code $2y$<cost>$...}, 60 characters) for the password. */
    String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password, salt, cost);
    }

    /** Whether the password matches the stored hash; a malformed hash never matches. */
    boolean verify(String storedHash, char[] password) {
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, password);
        } catch (IllegalArgumentException | DataLengthException e) {
            // Not a bcrypt string (wrong length, version, cost or salt).
            return false;
        }
    }

    /** Spends the time of one check against a hash of the configured cost; always {@code false}. */
    boolean verifyNobody(char[] password) {
        verify(dummyHash, password);
        return false;
    }

    /** Whether a stored hash was made with a lower cost than configured now (it is re-hashed at the next login). */
    boolean needsRehash(String storedHash) {
        if (storedHash == null || storedHash.length() < 7 || storedHash.charAt(0) != '$') {
            return true;
        }
        try {
            return Integer.parseInt(storedHash.substring(4, 6)) < cost;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
