package nl.meerwaarde.host.spi;

/** Validation shared by the host id records. */
final class HostIds {
    /** Longest host id we store; the columns are sized to it. */
    static final int MAX_LENGTH = 64;

    private HostIds() {}

    static void requireValid(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A " + kind + " id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A " + kind + " id must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("A " + kind + " id must not contain control characters");
            }
        }
    }
}
