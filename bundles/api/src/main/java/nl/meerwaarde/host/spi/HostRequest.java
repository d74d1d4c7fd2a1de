package nl.meerwaarde.host.spi;

import java.util.Optional;

/**
 * The parts of an incoming HTTP request a host needs to tell who is asking. Kept free of any servlet API so
 * that hosts on javax or jakarta servlets implement {@link Subjects} alike.
 */
public interface HostRequest {
    Optional<String> header(String name);

    Optional<String> cookie(String name);

    /** Path of the request below the server root, e.g. {@code /meerwaarde/api/v1/signals}. */
    String path();
}
