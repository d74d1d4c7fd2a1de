package nl.meerwaarde.web.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Requests;
import nl.meerwaarde.web.internal.security.Authenticator;

/** Who is calling a resource, as the Meerwaarde context resolved it. */
final class Caller {
    private Caller() {}

    /**
     * The subject of the request. A request without one never passed the context's authentication: it is refused
     * (401) rather than served.
     */
    static Subject subject(HttpServletRequest request) {
        return Requests.subject(request).orElseThrow(() -> new NotAuthorizedException(Authenticator.CHALLENGE));
    }

    /** The worker making the request; a resident (self-scan invitation) is refused (403). */
    static Subject.WorkerSubject worker(HttpServletRequest request) {
        if (subject(request) instanceof Subject.WorkerSubject worker) {
            return worker;
        }
        throw new ForbiddenException();
    }
}
