package nl.meerwaarde.host.spi;

import java.util.Objects;
import java.util.Set;

/** A worker of the organisation with the teams he or she belongs to and his or her roles. */
public record Worker(WorkerId id, String name, Set<TeamId> teams, Set<Role> roles) {
    public Worker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        teams = Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }
}
