package nl.meerwaarde.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.annotation.versioning.ProviderType;

/** Collective activities and the participations in them. */
@ProviderType
public interface ActivityStore {
    /** Inserts the activity with its goals, or replaces the one with the same id, in one transaction. */
    void save(CollectiveActivity activity);

    Optional<CollectiveActivity> find(ActivityId id);

    /** Activities of the given teams, newest start first (unplanned ones last). */
    List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit);

    long count(Collection<TeamId> teams);

    /** Inserts the participation, or replaces the one with the same id; the activity must exist. */
    void saveParticipation(Participation participation);

    List<Participation> participations(ActivityId activity);
}
