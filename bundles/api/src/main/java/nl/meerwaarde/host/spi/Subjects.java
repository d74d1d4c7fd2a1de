package nl.meerwaarde.host.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Implemented by the host: resolves who makes a request, from the host's own session or token. */
@ConsumerType
public interface Subjects {
    /** The subject of this request, or empty when nobody is logged in (Meerwaarde then answers 401). */
    Optional<Subject> resolve(HostRequest request);

    /**
     * Where a browser without a session is sent to log in; the host returns to {@code returnTo} (a path on the
     * same server) after a successful login.
     */
    String loginLocation(String returnTo);

    /** Where the shell's logout button POSTs to end the host's session, a path on the same server. */
    String logoutLocation();
}
