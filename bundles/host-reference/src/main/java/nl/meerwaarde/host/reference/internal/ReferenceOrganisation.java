package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link Organisation} over {@code ref_organisation}, {@code ref_team}, {@code ref_worker*} and {@code ref_funder}. */
@Component(name = "nl.meerwaarde.host.reference.organisation")
public class ReferenceOrganisation implements Organisation {
    /** The name shown while no organisation has been registered (demo data switched off, nothing loaded yet). */
    static final String UNNAMED = "Organisatie";

    private final DataSource dataSource;

    @Activate
    public ReferenceOrganisation(@Reference HostDatabase database) {
        this(database.dataSource());
    }

    ReferenceOrganisation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT name FROM ref_organisation ORDER BY id FETCH FIRST 1 ROW ONLY");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : UNNAMED;
        } catch (SQLException e) {
            throw new HostStorageException("Could not read the organisation", e);
        }
    }

    @Override
    public List<Team> teams() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id, name FROM ref_team ORDER BY name, id");
                ResultSet rows = statement.executeQuery()) {
            List<Team> teams = new ArrayList<>();
            while (rows.next()) {
                teams.add(new Team(new TeamId(rows.getString(1)), rows.getString(2)));
            }
            return teams;
        } catch (SQLException e) {
            throw new HostStorageException("Could not read the teams", e);
        }
    }

    @Override
    public List<Worker> workers() {
        try (Connection connection = dataSource.getConnection()) {
            return WorkerRows.all(connection);
        } catch (SQLException e) {
            throw new HostStorageException("Could not read the workers", e);
        }
    }

    @Override
    public Optional<Worker> worker(WorkerId id) {
        try (Connection connection = dataSource.getConnection()) {
            return WorkerRows.find(connection, id);
        } catch (SQLException e) {
            throw new HostStorageException("Could not read worker " + id, e);
        }
    }

    @Override
    public List<Funder> funders() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, name, municipality_code FROM ref_funder ORDER BY name, id");
                ResultSet rows = statement.executeQuery()) {
            List<Funder> funders = new ArrayList<>();
            while (rows.next()) {
                funders.add(new Funder(new FunderId(rows.getString(1)), rows.getString(2), rows.getString(3)));
            }
            return funders;
        } catch (SQLException e) {
            throw new HostStorageException("Could not read the funders", e);
        }
    }
}
