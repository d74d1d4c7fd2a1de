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
    private final boolean postgres;

    @Activate
    public JdbcReportingDatabase(@Reference(name = "database") MigratedDatabase database) throws SQLException {
        this.dataSource = database.dataSource();
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        }
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
    public boolean postgres() {
        return postgres;
    }
}
