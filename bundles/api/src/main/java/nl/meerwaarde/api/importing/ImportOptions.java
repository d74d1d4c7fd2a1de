package nl.meerwaarde.api.importing;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.host.spi.TeamId;

/**
 * How to import.
 *
 * @param actor who imports, for the audit trail: {@code Subject.auditName()} of a worker, or {@code command:<user>}
 * @param teams the teams whose records may be imported (created, replaced, referred to); empty: every team of the
 *     organisation
 * @param dryRun check and count only: nothing is written or audited
 */
public record ImportOptions(String actor, Optional<Set<TeamId>> teams, boolean dryRun) {
    public ImportOptions {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor must not be blank");
        }
        teams = Objects.requireNonNull(teams, "teams").map(Set::copyOf);
    }

    /** Every team of the organisation, written for real. */
    public static ImportOptions allTeams(String actor) {
        return new ImportOptions(actor, Optional.empty(), false);
    }

    public ImportOptions asDryRun() {
        return new ImportOptions(actor, teams, true);
    }
}
