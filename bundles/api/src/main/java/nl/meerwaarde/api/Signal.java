package nl.meerwaarde.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;

/**
 * A signal or question that reached the organisation (stage 1 of the reference model).
 *
 * @param referrer the referring party (aanmeldende partij), e.g. "huisarts"; registered field 1
 * @param question the referrer's question; registered field 2 (free text, never exported)
 * @param type the type of signal, a code from the organisation's list
 * @param targetGroups the target groups, codes from the organisation's list; registered field 3
 * @param resident the resident it concerns, when known
 * @param activity the collective activity it was clustered onto, when any
 */
public record Signal(
        SignalId id,
        TeamId team,
        LocalDate registeredOn,
        String type,
        Set<String> targetGroups,
        String referrer,
        String question,
        boolean answered,
        Optional<ResidentId> resident,
        Optional<ActivityId> activity) {
    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(type, "type");
        targetGroups = Set.copyOf(targetGroups);
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(activity, "activity");
    }
}
