package nl.meerwaarde.web.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;

/** Names of the organisation's teams, as the host's {@link Organisation} service gives them. */
public final class TeamNames {
    private static final TeamNames NONE = new TeamNames(Map.of());

    private final Map<TeamId, String> names;

    private TeamNames(Map<TeamId, String> names) {
        this.names = names;
    }

    /** The names the organisation gives; none while the host has no {@code Organisation} service. */
    public static TeamNames of(Organisation organisation) {
        if (organisation == null) {
            return NONE;
        }
        return new TeamNames(
                organisation.teams().stream().collect(Collectors.toUnmodifiableMap(Team::id, Team::name, (a, b) -> a)));
    }

    public Optional<String> name(TeamId team) {
        return Optional.ofNullable(names.get(team));
    }

    /** The team's name, or its id when the host does not name it. */
    public String label(TeamId team) {
        return name(team).orElse(team.value());
    }
}
