package nl.meerwaarde.store.internal;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Meerwaarde's tables up to date with Liquibase when the Meerwaarde DataSource appears, then registers
 * the {@link MigratedDatabase} the stores wait for. When the migration fails, the reason is logged and nothing
 * is registered, so no store runs on a schema it does not know.
 *
 * <p>The changelog ({@value #CHANGELOG}, inside this bundle) is append-only. Liquibase keeps its history in
 * {@value #CHANGELOG_TABLE} and its lock in {@value #LOCK_TABLE}, so that it never mixes with a host's own
 * Liquibase tables in a shared database; the lock makes the nodes of a cluster migrate one at a time.
 *
 * <p>Liquibase's anonymous usage analytics (on by default since 4.30) are switched off for every run: Meerwaarde
 * never phones home.
 */
@Component(
        name = SchemaMigration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
// registered through the BundleContext (only when it is ready), so declared here for resolvers
@Capability(
        namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"nl.meerwaarde.store.internal.MigratedDatabase\"")
@Designate(ocd = SchemaMigration.Config.class)
public final class SchemaMigration {
    static final String PID = "nl.meerwaarde.store.migration";
    static final String CHANGELOG = "nl/meerwaarde/store/changelog/db.changelog-master.yaml";
    static final String CHANGELOG_TABLE = "mw_databasechangelog";
    static final String LOCK_TABLE = "mw_databasechangeloglock";
    static final String DEFAULT_TARGET = "(dataSourceName=meerwaarde)";
    /** The number of changesets in the changelog, published with the {@link JdbcReportingDatabase}. */
    static final int CHANGESETS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    /** Liquibase's own class loader (its bundle's, inside OSGi); loading the class does not initialise it. */
    private static final ClassLoader LIQUIBASE_LOADER = Scope.class.getClassLoader();

    @ObjectClassDefinition(
            id = PID,
            name = "Meerwaarde schema migration",
            description = "Which DataSource service holds Meerwaarde's tables; its schema is migrated on start.")
    public @interface Config {
        @AttributeDefinition(
                name = "DataSource",
                description = "LDAP filter selecting the javax.sql.DataSource service with Meerwaarde's tables,"
                        + " e.g. (dataSourceName=meerwaarde).")
        String dataSource_target() default DEFAULT_TARGET;
    }

    private final Runnable unregister;

    @Activate
    public SchemaMigration(
            BundleContext context,
            @Reference(name = "dataSource", target = DEFAULT_TARGET, policyOption = ReferencePolicyOption.GREEDY)
                    DataSource dataSource) {
        this(dataSource, ServiceRegistrar.of(context, MigratedDatabase.class));
    }

    SchemaMigration(DataSource dataSource, ServiceRegistrar<MigratedDatabase> registrar) {
        Runnable registered = null;
        try {
            migrate(dataSource);
            registered = registrar.register(new MigratedDatabase(dataSource), Map.of());
        } catch (StoreException e) {
            LOG.error(
                    "The Meerwaarde stores stay unavailable: " + e.getMessage()
                            + ". Fix the database, then restart the nl.meerwaarde.store bundle.",
                    e);
        }
        this.unregister = registered;
    }

    /** Whether the migrated database was registered (for tests). */
    boolean registered() {
        return unregister != null;
    }

    @Deactivate
    void deactivate() {
        if (unregister != null) {
            unregister.run();
        }
    }

    /**
     * Runs every changeset of the changelog not yet run on the database; does nothing when the schema is up to
     * date.
     *
     * @throws StoreException with the reason when the migration fails
     */
    public static void migrate(DataSource dataSource) {
        // Liquibase finds its own parts (log service, change types, database support) with ServiceLoader through
        // the thread context class loader, also while it builds its root scope on first use. Inside OSGi that
        // loader is whatever the calling thread has (SCR's, the launcher's), so point it at Liquibase's bundle.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LIQUIBASE_LOADER);
        try {
            Scope.child(scopeValues(), () -> update(dataSource));
        } catch (Exception | LinkageError e) {
            throw new StoreException("Migrating the Meerwaarde database schema failed: " + reason(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * What every Liquibase call of this bundle runs with: analytics off (checked by Liquibase before it would
     * fetch its remote analytics configuration or send anything), Liquibase's parts found through its own class
     * loader, the changelog read through this bundle's class loader, and Liquibase's console output sent to its
     * log instead.
     */
    static Map<String, Object> scopeValues() {
        return Map.of(
                AnalyticsArgs.ENABLED.getKey(),
                Boolean.FALSE,
                Scope.Attr.classLoader.name(),
                LIQUIBASE_LOADER,
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()),
                Scope.Attr.ui.name(),
                new LoggerUIService());
    }

    private static void update(DataSource dataSource) throws Exception {
        Connection connection = dataSource.getConnection();
        Database database;
        try {
            database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        try {
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute();
        } finally {
            // closes the connection and drops what Liquibase keeps per database
            database.close();
        }
    }

    /** The messages of the cause chain, each once: together they name what went wrong. */
    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && reason.indexOf(message) < 0) {
                if (reason.length() > 0) {
                    reason.append(": ");
                }
                reason.append(message.strip());
            }
        }
        return reason.length() == 0 ? e.getClass().getName() : reason.toString();
    }
}
