package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.WorkerId;

/**
 * The demo organisation of the reference host: "Welzijn Emmen (demo)" with two teams, four workers who can log in
 * (credentials below, printed in the README), twelve residents and two funders. Loaded once, into empty tables.
 * Every name is made up; the example resident Manouk comes from the seed case (Tinten, 2019).
 */
final class DemoHostData {
    static final String ORGANISATION_NAME = "Welzijn Emmen (demo)";

    static final TeamId TEAM_EMMER_COMPASCUUM = new TeamId("team-emmer-compascuum");
    static final TeamId TEAM_EMMEN_CENTRUM = new TeamId("team-emmen-centrum");

    static final FunderId GEMEENTE_EMMEN = new FunderId("gemeente-emmen");
    static final FunderId GEMEENTE_COEVORDEN = new FunderId("gemeente-coevorden");

    static final ResidentId MANOUK = new ResidentId("inw-0001");

    /** A worker of the demo with the password to log in with. Demo credentials only: public by design. */
    record DemoWorker(WorkerId id, String login, String password, String name, Set<TeamId> teams, Set<Role> roles) {}

    static final List<Team> TEAMS = List.of(
            new Team(TEAM_EMMER_COMPASCUUM, "Team Emmer-Compascuum"),
            new Team(TEAM_EMMEN_CENTRUM, "Team Emmen Centrum"));

    static final List<DemoWorker> WORKERS = List.of(
            new DemoWorker(
                    new WorkerId("mdw-sanne"),
                    "sanne",
                    "demo-sanne-2026",
                    "Sanne Hendriks",
                    Set.of(TEAM_EMMER_COMPASCUUM),
                    Set.of(Role.WORKER)),
            new DemoWorker(
                    new WorkerId("mdw-daan"),
                    "daan",
                    "demo-daan-2026",
                    "Daan Mulder",
                    Set.of(TEAM_EMMEN_CENTRUM),
                    Set.of(Role.WORKER)),
            new DemoWorker(
                    new WorkerId("mdw-fatima"),
                    "fatima",
                    "demo-fatima-2026",
                    "Fatima El Amrani",
                    Set.of(TEAM_EMMER_COMPASCUUM, TEAM_EMMEN_CENTRUM),
                    Set.of(Role.WORKER, Role.MANAGER)),
            new DemoWorker(
                    new WorkerId("mdw-joost"),
                    "joost",
                    "demo-joost-2026",
                    "Joost Brink",
                    Set.of(TEAM_EMMEN_CENTRUM),
                    Set.of(Role.WORKER, Role.ADMINISTRATOR)));

    /** Gender codes: 1 man, 2 vrouw, 3 onbekend/anders. Municipalities: 0114 Emmen, 0109 Coevorden. */
    static final List<Resident> RESIDENTS = List.of(
            new Resident(MANOUK, "Manouk Bakker", 2000, "2", "0114", "7881"),
            new Resident(new ResidentId("inw-0002"), "Sarah Jansen", 1998, "2", "0114", "7881"),
            new Resident(new ResidentId("inw-0003"), "Demi Wolters", 2001, "2", "0114", "7882"),
            new Resident(new ResidentId("inw-0004"), "Yasmina Haddou", 1996, "2", "0114", "7811"),
            new Resident(new ResidentId("inw-0005"), "Gerrit Hofstee", 1946, "1", "0114", "7811"),
            new Resident(new ResidentId("inw-0006"), "Aaltje Lubbers", 1943, "2", "0114", "7822"),
            new Resident(new ResidentId("inw-0007"), "Henk Schepers", 1957, "1", "0109", "7741"),
            new Resident(new ResidentId("inw-0008"), "Janny Oosting", 1962, "2", "0109", "7751"),
            new Resident(new ResidentId("inw-0009"), "Ricardo Veltman", 1971, "1", "0109", "7741"),
            new Resident(new ResidentId("inw-0010"), "Ahmad Al-Khalil", 1985, "1", "0114", "7824"),
            new Resident(new ResidentId("inw-0011"), "Tesfay Kidane", 1992, "1", "0114", "7811"),
            new Resident(new ResidentId("inw-0012"), "Robin Kuiper", 2006, "3", "0114", "7891"));

    static final List<Funder> FUNDERS = List.of(
            new Funder(GEMEENTE_EMMEN, "Gemeente Emmen", "0114"),
            new Funder(GEMEENTE_COEVORDEN, "Gemeente Coevorden", "0109"));

    private DemoHostData() {}

    /**
     * Loads the demo data in one transaction when the organisation, worker and resident tables are all empty.
     *
     * @return whether it was loaded
     */
    static boolean loadIfEmpty(DataSource dataSource, Passwords passwords) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!isEmpty(connection)) {
                    connection.rollback();
                    return false;
                }
                insert(connection, passwords);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not load the reference host's demo data", e);
        }
    }

    /** Whether the demo teams are in the database (so the demo signals and activities have a home). */
    static boolean present(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM ref_team WHERE id IN (?, ?)")) {
            statement.setString(1, TEAM_EMMER_COMPASCUUM.value());
            statement.setString(2, TEAM_EMMEN_CENTRUM.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 2;
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not look for the demo teams", e);
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        for (String table : List.of("ref_organisation", "ref_worker", "ref_resident")) {
            // The table names are constants of this class, never input.
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void insert(Connection connection, Passwords passwords) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO ref_organisation (id, name) VALUES (?, ?)")) {
            statement.setString(1, "welzijn-emmen");
            statement.setString(2, ORGANISATION_NAME);
            statement.executeUpdate();
        }
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO ref_team (id, name) VALUES (?, ?)")) {
            for (Team team : TEAMS) {
                statement.setString(1, team.id().value());
                statement.setString(2, team.name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        for (DemoWorker worker : WORKERS) {
            insertWorker(connection, worker, passwords.hash(worker.password().toCharArray()));
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO ref_resident (id, display_name, birth_year, gender_code, municipality_code, postcode_area)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Resident resident : RESIDENTS) {
                statement.setString(1, resident.id().value());
                statement.setString(2, resident.displayName());
                if (resident.birthYear() == null) {
                    statement.setNull(3, Types.INTEGER);
                } else {
                    statement.setInt(3, resident.birthYear());
                }
                statement.setString(4, resident.genderCode());
                statement.setString(5, resident.municipalityCode());
                statement.setString(6, resident.postcodeArea());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO ref_funder (id, name, municipality_code) VALUES (?, ?, ?)")) {
            for (Funder funder : FUNDERS) {
                statement.setString(1, funder.id().value());
                statement.setString(2, funder.name());
                statement.setString(3, funder.municipalityCode());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertWorker(Connection connection, DemoWorker worker, String passwordHash)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO ref_worker (id, login_name, display_name, password_hash) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, worker.id().value());
            statement.setString(2, Authenticator.normaliseLogin(worker.login()));
            statement.setString(3, worker.name());
            statement.setString(4, passwordHash);
            statement.executeUpdate();
        }
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO ref_worker_team (worker_id, team_id) VALUES (?, ?)")) {
            for (TeamId team : worker.teams()) {
                statement.setString(1, worker.id().value());
                statement.setString(2, team.value());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT INTO ref_worker_role (worker_id, role) VALUES (?, ?)")) {
            for (Role role : worker.roles()) {
                statement.setString(1, worker.id().value());
                statement.setString(2, role.name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
