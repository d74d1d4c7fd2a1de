package nl.meerwaarde.store.internal;

import java.nio.file.Path;
import javax.sql.DataSource;
import nl.meerwaarde.testsupport.H2Databases;
import nl.meerwaarde.testsupport.PostgresServer;

/** The databases every store test runs on: a fresh H2 file database, and a fresh database on PostgreSQL. */
enum Engine {
    H2 {
        @Override
        DataSource newDataSource(Path dir) {
            return H2Databases.newFileDatabase(dir);
        }
    },
    POSTGRESQL {
        @Override
        DataSource newDataSource(Path dir) {
            return PostgresServer.shared().createDatabase().dataSource();
        }
    };

    /** A new, empty database. */
    abstract DataSource newDataSource(Path dir);

    /** A new database migrated through the real migration code path. */
    MigratedDatabase migrated(Path dir) {
        DataSource dataSource = newDataSource(dir);
        SchemaMigration.migrate(dataSource);
        return new MigratedDatabase(dataSource);
    }
}
