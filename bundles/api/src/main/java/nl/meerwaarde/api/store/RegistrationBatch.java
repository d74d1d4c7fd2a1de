package nl.meerwaarde.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reading and writing many records at once, for bulk imports: look-ups by id in bulk, and one transaction for a
 * whole file. Each record is stored exactly as {@link SignalStore#save}, {@link ActivityStore#save} and {@link
 * ActivityStore#saveParticipation} store it.
 */
@ProviderType
public interface RegistrationBatch {
    /** The stored signals among these ids. */
    Map<SignalId, Signal> signals(Collection<SignalId> ids);

    /** The stored activities among these ids, with their target groups, goals and partners. */
    Map<ActivityId, CollectiveActivity> activities(Collection<ActivityId> ids);

    /** The stored participations among these ids, with their measurements and referrals. */
    Map<UUID, Participation> participations(Collection<UUID> ids);

    /** Who takes part in each of these activities: resident to participation id, for activities with any. */
    Map<ActivityId, Map<ResidentId, UUID>> participants(Collection<ActivityId> activities);

    /**
     * Which of these signal and participation ids belonged to a resident whose personal data was erased (AVG):
     * such a record must never be written again, or an import would bring back what was erased. The erased rows
     * themselves live on under new random ids, so these ids lead nowhere.
     */
    Set<UUID> erased(Collection<UUID> ids);

    /**
     * Inserts or replaces every record in one transaction: all are stored, or none (the transaction is rolled
     * back and the failure thrown). Activities are written first, so participations may refer to activities of
     * the same batch; every participation's activity must exist afterwards.
     */
    void saveAll(List<Signal> signals, List<CollectiveActivity> activities, List<Participation> participations);
}
