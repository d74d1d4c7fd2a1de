package nl.meerwaarde.host.spi;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Implemented by the host: the organisation Meerwaarde runs for, its teams, workers and funders. */
@ConsumerType
public interface Organisation {
    /** The organisation's display name. */
    String name();

    List<Team> teams();

    List<Worker> workers();

    Optional<Worker> worker(WorkerId id);

    List<Funder> funders();
}
