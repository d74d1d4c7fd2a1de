package nl.meerwaarde.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import nl.meerwaarde.api.store.ReportingDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Read-only connections to the migrated schema for the KPI engine. Registered only while the {@link
 * MigratedDatabase} is, with the number of changesets of this bundle's changelog, so an engine never queries a schema
 * it does not know.
 */
@Component(
        name = "nl.meerwaarde.store.reporting",
        service = ReportingDatabase.class,
        property = ReportingDatabase.SCHEMA_CHANGESETS + ":Integer=" + SchemaMigration.CHANGESETS)
public final class JdbcReportingDatabase implements ReportingDatabase {
    private final DataSource dataSource;
    /** Which database, found on first use: activation must not fail when the database is away for a moment. */
    private volatile Boolean postgres;

    @Activate
    public JdbcReportingDatabase(@Reference(name = "database") MigratedDatabase database) {
        this.dataSource = database.dataSource();
    }

    @Override
    public Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Connection aggregateConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres");
            } catch (SQLException e) {
                throw Jdbc.failure("find out which database holds the tables", e);
            }
            postgres = known;
        }
        return known;
    }
}
