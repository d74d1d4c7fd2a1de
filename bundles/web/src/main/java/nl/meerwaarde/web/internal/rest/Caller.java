package nl.meerwaarde.web.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import nl.meerwaarde.host.spi.Role;
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

    /**
     * A worker who may register and change work of his or her teams (role {@link Role#WORKER}); anyone else is
     * refused (403).
     */
    static Subject.WorkerSubject writer(HttpServletRequest request) {
        Subject.WorkerSubject worker = worker(request);
        if (!worker.hasRole(Role.WORKER)) {
            throw new ForbiddenException();
        }
        return worker;
    }

    /** A worker with the role {@link Role#ADMINISTRATOR}; anyone else is refused (403). */
    static Subject.WorkerSubject administrator(HttpServletRequest request) {
        Subject.WorkerSubject worker = worker(request);
        if (!worker.hasRole(Role.ADMINISTRATOR)) {
            throw new ForbiddenException();
        }
        return worker;
    }
}
