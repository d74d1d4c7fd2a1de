package nl.meerwaarde.api.importing;

/**
 * An import cannot be done now because a service it needs is missing: the host's {@code Organisation} (teams,
 * funders) or {@code Residents}, which every record is checked against. Nothing was read or written; the same file
 * may be imported again once the host's services are there (the REST API answers 503 Service Unavailable).
 *
 * <p>Only this exception means "try again later": any other {@link IllegalStateException} from an import is a
 * fault.
 */
public class ImportUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ImportUnavailableException(String message) {
        super(message);
    }
}
