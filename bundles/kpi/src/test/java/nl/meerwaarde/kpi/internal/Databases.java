package nl.meerwaarde.kpi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.meerwaarde.api.store.ReportingDatabase;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;

/** The two databases the engine must give the same figures on, for tests. */
enum Databases {
    H2,
    POSTGRESQL;

    /** A new, empty database of this kind. */
    DataSource create() {
        if (this == POSTGRESQL) {
            return PostgresServer.shared().createDatabase().dataSource();
        }
        try {
            Path dir = Files.createTempDirectory("meerwaarde-kpi");
            dir.toFile().deleteOnExit();
            return H2Databases.newFileDatabase(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ReportingDatabase reporting(DataSource dataSource) {
        boolean postgres = this == POSTGRESQL;
        return new ReportingDatabase() {
            @Override
            public Connection connection() throws SQLException {
                Connection connection = dataSource.getConnection();
                connection.setReadOnly(true);
                return connection;
            }

            @Override
            public Connection aggregateConnection() throws SQLException {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                return connection;
            }

            @Override
            public boolean postgres() {
                return postgres;
            }
        };
    }
}
