package nl.meerwaarde.host.spi;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Implemented by the host: looks residents up by the host's id. */
@ConsumerType
public interface Residents {
    /** The resident with this host id, or empty when the host does not know it (or no longer does). */
    Optional<Resident> find(ResidentId id);

    /**
     * Residents whose name matches the text, for pickers on screens; the host decides what "matches" means and
     * may return at most {@code limit} entries. Only residents the given worker may see are returned.
     */
    List<Resident> search(String text, WorkerId asWorker, int limit);
}
