package nl.meerwaarde.web.internal.rest;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;

/**
 * Adds a known resident (by host id) as a participant of a collective activity, without a measurement yet. Only
 * residents the host knows ({@link Residents#find}); a resident takes part once.
 */
public final class Participants {
    /** The field of the resident's host id. */
    public static final String FIELD_RESIDENT = "resident";

    private final ActivityStore store;
    private final Residents residents;

    public Participants(ActivityStore store, Residents residents) {
        this.store = store;
        this.residents = residents;
    }

    /**
     * Adds the resident to the (own, already checked) activity.
     *
     * @throws InvalidInputException when the id is missing, too long, unknown to the host or already a participant;
     *     nothing is stored then
     */
    public Participation add(CollectiveActivity activity, String residentId) {
        ActivityStore activities = Problems.require(store);
        Check check = new Check();
        String id = check.required(FIELD_RESIDENT, residentId, Check.HOST_ID_LENGTH);
        check.done();
        Optional<ResidentId> resident = parse(id);
        if (resident.isEmpty()
                || Problems.require(residents).find(resident.get()).isEmpty()) {
            check.add(FIELD_RESIDENT, Codes.RESIDENT_UNKNOWN);
            check.done();
        }
        ResidentId known = resident.get();
        boolean taking = activities.participations(activity.id()).stream()
                .anyMatch(p -> p.resident().equals(known));
        if (taking) {
            check.add(FIELD_RESIDENT, Codes.PARTICIPANT_EXISTS);
            check.done();
        }
        Participation participation =
                new Participation(UUID.randomUUID(), activity.id(), known, Optional.empty(), Set.of());
        activities.saveParticipation(participation);
        return participation;
    }

    private static Optional<ResidentId> parse(String id) {
        try {
            return Optional.of(new ResidentId(id));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
