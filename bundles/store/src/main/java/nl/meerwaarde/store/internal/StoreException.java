package nl.meerwaarde.store.internal;

/**
 * A database operation of the Meerwaarde store failed; nothing of the operation was stored. The message is
 * English, for logs: what was done (with record ids) and the database's reason.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
