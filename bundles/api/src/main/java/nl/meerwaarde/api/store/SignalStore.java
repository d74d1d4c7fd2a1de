package nl.meerwaarde.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.annotation.versioning.ProviderType;

/** Signals and questions (stage 1 of the reference model). */
@ProviderType
public interface SignalStore {
    /** Inserts the signal, or replaces the one with the same id. */
    void save(Signal signal);

    Optional<Signal> find(SignalId id);

    /** The newest signals of the given teams first, at most {@code limit}. */
    List<Signal> list(Collection<TeamId> teams, int offset, int limit);

    long count(Collection<TeamId> teams);

    /** The signals clustered onto the activity, newest first. */
    List<Signal> ofActivity(ActivityId activity);

    /** The newest signals of the given teams that are not clustered onto an activity, at most {@code limit}. */
    List<Signal> unclustered(Collection<TeamId> teams, int limit);
}
