package nl.meerwaarde.host.reference.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.Resident;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import nl.meerwaarde.host.spi.WorkerId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link Residents} over {@code ref_resident}. In this small host every worker may see every resident; a real host
 * would narrow {@link #search} to the residents of the worker's caseload or teams.
 */
@Component(name = "nl.meerwaarde.host.reference.residents")
public class ReferenceResidents implements Residents {
    /** Most residents one search returns, whatever the caller asks. */
    static final int MAX_RESULTS = 100;

    private static final String COLUMNS =
            "id, display_name, birth_year, gender_code, municipality_code, postcode_area FROM ref_resident";

    private final DataSource dataSource;

    @Activate
    public ReferenceResidents(@Reference HostDatabase database) {
        this(database.dataSource());
    }

    ReferenceResidents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Resident> find(ResidentId id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " WHERE id = ?")) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(resident(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not look resident " + id + " up", e);
        }
    }

    /**
     * Residents whose display name contains the text (ignoring case), by name; a blank text matches every resident.
     * Only a known worker sees residents.
     */
    @Override
    public List<Resident> search(String text, WorkerId asWorker, int limit) {
        if (limit <= 0 || asWorker == null) {
            return List.of();
        }
        String pattern = "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        try (Connection connection = dataSource.getConnection()) {
            if (!workerExists(connection, asWorker)) {
                return List.of();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS
                            + " WHERE LOWER(display_name) LIKE ? ESCAPE '\\' ORDER BY display_name, id FETCH FIRST ? ROWS ONLY")) {
                statement.setString(1, pattern);
                statement.setInt(2, Math.min(limit, MAX_RESULTS));
                try (ResultSet rows = statement.executeQuery()) {
                    List<Resident> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(resident(rows));
                    }
                    return found;
                }
            }
        } catch (SQLException e) {
            throw new HostStorageException("Could not search residents", e);
        }
    }

    private static boolean workerExists(Connection connection, WorkerId worker) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM ref_worker WHERE id = ?")) {
            statement.setString(1, worker.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Makes {@code %}, {@code _} and {@code \} in the search text match themselves. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Resident resident(ResultSet rows) throws SQLException {
        int birthYear = rows.getInt(3);
        Integer year = rows.wasNull() ? null : birthYear;
        return new Resident(
                new ResidentId(rows.getString(1)),
                rows.getString(2),
                year,
                rows.getString(4),
                rows.getString(5),
                rows.getString(6));
    }
}
