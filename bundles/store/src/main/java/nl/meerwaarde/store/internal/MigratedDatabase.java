package nl.meerwaarde.store.internal;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The DataSource holding Meerwaarde's tables, registered as a service (private to this bundle) by {@link
 * SchemaMigration} once the schema is up to date. The stores reference it, so they only start on a migrated
 * database and stop when the DataSource goes away.
 */
public final class MigratedDatabase {
    private final DataSource dataSource;
    private final Jdbc jdbc;

    public MigratedDatabase(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new Jdbc(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    Jdbc jdbc() {
        return jdbc;
    }
}
