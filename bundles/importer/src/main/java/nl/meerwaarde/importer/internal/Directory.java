package nl.meerwaarde.importer.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;

/**
 * What the host knows, as one import needs it: the organisation's teams and funders (read once), the teams the
 * import may change, and which residents exist (each asked once).
 */
final class Directory {
    private final Set<TeamId> teams;
    private final Set<TeamId> allowed;
    private final Set<FunderId> funders;
    private final Residents residents;
    private final Map<ResidentId, Boolean> known = new HashMap<>();

    Directory(Organisation organisation, Residents residents, ImportOptions options) {
        this.teams = organisation.teams().stream().map(Team::id).collect(Collectors.toUnmodifiableSet());
        this.allowed = options.teams().orElse(teams);
        this.funders = organisation.funders().stream().map(Funder::id).collect(Collectors.toUnmodifiableSet());
        this.residents = residents;
    }

    boolean teamExists(TeamId team) {
        return teams.contains(team);
    }

    boolean mayChange(TeamId team) {
        return allowed.contains(team);
    }

    boolean funderExists(FunderId funder) {
        return funders.contains(funder);
    }

    boolean residentExists(ResidentId resident) {
        return known.computeIfAbsent(resident, id -> residents.find(id).isPresent());
    }

    /** The team, checked: reported as unknown, or as not to be changed by this import, and then empty. */
    Optional<TeamId> team(Fields fields, String name) {
        String value = fields.required(name, Fields.HOST_ID_LENGTH);
        if (value == null) {
            return Optional.empty();
        }
        TeamId team = new TeamId(value);
        if (!teamExists(team)) {
            fields.error(name, Codes.TEAM_UNKNOWN);
            return Optional.empty();
        }
        if (!mayChange(team)) {
            fields.error(name, Codes.TEAM_NOT_MEMBER);
            return Optional.empty();
        }
        return Optional.of(team);
    }

    /** A resident named by host id, known to the host; reported as unknown otherwise. */
    Optional<ResidentId> resident(Fields fields, String name, boolean required) {
        Optional<String> value = required
                ? Optional.ofNullable(fields.required(name, Fields.HOST_ID_LENGTH))
                : fields.text(name, Fields.HOST_ID_LENGTH);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        ResidentId resident = new ResidentId(value.get());
        if (!residentExists(resident)) {
            fields.error(name, Codes.RESIDENT_UNKNOWN);
            return Optional.empty();
        }
        return Optional.of(resident);
    }

    Optional<FunderId> funder(Fields fields, String name) {
        Optional<String> value = fields.text(name, Fields.HOST_ID_LENGTH);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        FunderId funder = new FunderId(value.get());
        if (!funderExists(funder)) {
            fields.error(name, Codes.OPTION);
            return Optional.empty();
        }
        return Optional.of(funder);
    }
}
