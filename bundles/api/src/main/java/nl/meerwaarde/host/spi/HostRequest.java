package nl.meerwaarde.host.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parts of an incoming HTTP request a host needs to tell who is asking. Kept free of any servlet API so
 * that hosts on javax or jakarta servlets implement {@link Subjects} alike. Meerwaarde implements it; hosts
 * only read it.
 */
@ProviderType
public interface HostRequest {
    /** The HTTP method, e.g. {@code GET}. */
    String method();

    /** The raw query string without {@code ?}, when there is one (e.g. an invitation token). */
    Optional<String> query();

    Optional<String> header(String name);

    Optional<String> cookie(String name);

    /** Path of the request below the server root, e.g. {@code /meerwaarde/api/v1/signals}. */
    String path();
}
