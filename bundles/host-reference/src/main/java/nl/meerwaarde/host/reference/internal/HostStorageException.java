package nl.meerwaarde.host.reference.internal;

/** The host's own database failed; the message says what was being done, the cause says why. */
final class HostStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
