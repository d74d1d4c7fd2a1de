package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;

/** Reads workers with their teams and roles from {@code ref_worker}, {@code ref_worker_team} and {@code ref_worker_role}. */
final class WorkerRows {
    private WorkerRows() {}

    /** Every worker, ordered by name. */
    static List<Worker> all(Connection connection) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, display_name FROM ref_worker ORDER BY display_name, id");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
            }
        }
        Map<String, Set<TeamId>> teams = new HashMap<>();
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT worker_id, team_id FROM ref_worker_team");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                teams.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(new TeamId(rows.getString(2)));
            }
        }
        Map<String, Set<Role>> roles = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT worker_id, role FROM ref_worker_role");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String workerId = rows.getString(1);
                role(rows.getString(2))
                        .ifPresent(role -> roles.computeIfAbsent(workerId, k -> EnumSet.noneOf(Role.class))
                                .add(role));
            }
        }
        List<Worker> workers = new ArrayList<>(names.size());
        names.forEach((id, name) -> workers.add(new Worker(
                new WorkerId(id), name, teams.getOrDefault(id, Set.of()), roles.getOrDefault(id, Set.of()))));
        return workers;
    }

    /** One worker, or empty when the id is unknown. */
    static Optional<Worker> find(Connection connection, WorkerId id) throws SQLException {
        String name;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT display_name FROM ref_worker WHERE id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                name = rows.getString(1);
            }
        }
        Set<TeamId> teams = new HashSet<>();
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT team_id FROM ref_worker_team WHERE worker_id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    teams.add(new TeamId(rows.getString(1)));
                }
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT role FROM ref_worker_role WHERE worker_id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    role(rows.getString(1)).ifPresent(roles::add);
                }
            }
        }
        return Optional.of(new Worker(id, name, teams, roles));
    }

    /** A role name from the table; an unknown one (say, from a newer version) grants nothing. */
    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
