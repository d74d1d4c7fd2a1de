package nl.meerwaarde.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only connections to Meerwaarde's tables once their schema is migrated, for the KPI engine's aggregate
 * queries: the engine compiles KPI definitions to parameterised SQL over the store's tables (docs/kpi-engine.md
 * names the tables and columns it relies on) and lets the database aggregate. Nothing else should need it.
 *
 * <p>The service is registered only while the schema is migrated; its property {@value #SCHEMA_CHANGESETS} tells how
 * many changesets the schema has, so that an engine can wait for the schema it was written for.
 */
@ProviderType
public interface ReportingDatabase {
    /** Service property: the number of schema changesets applied ({@link Integer}). */
    String SCHEMA_CHANGESETS = "meerwaarde.schema.changesets";

    /** A new read-only connection; the caller closes it. */
    Connection connection() throws SQLException;

    /**
     * A new connection that writes, without auto-commit, for the engine's maintained aggregates only: the tables
     * {@code mw_kpi_aggregate} and {@code mw_resident_number}. The caller commits and
     * closes it.
     */
    Connection aggregateConnection() throws SQLException;

    /** Whether the database is PostgreSQL (otherwise the embedded H2), for the few places where SQL differs. */
    boolean postgres();
}
