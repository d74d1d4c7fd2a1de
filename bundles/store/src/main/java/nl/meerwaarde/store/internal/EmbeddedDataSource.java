package nl.meerwaarde.store.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: an embedded H2 file database, registered as the {@code javax.sql.DataSource} service
 * with {@code dataSourceName=meerwaarde}. It is opened through H2's {@link DataSourceFactory} service (the H2
 * bundle registers one) and shut down cleanly when the component stops.
 *
 * <p>A vendor that brings its own database (PostgreSQL) sets {@code enabled=false} in configuration {@value
 * #PID} and registers a DataSource with {@code dataSourceName=meerwaarde} instead, e.g. through a pax-jdbc-config
 * factory configuration {@code org.ops4j.datasource} (see this bundle's README).
 */
@Component(
        name = EmbeddedDataSource.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
// registered through the BundleContext (only when it is ready), so declared here for resolvers
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"javax.sql.DataSource\"")
@Designate(ocd = EmbeddedDataSource.Config.class)
public final class EmbeddedDataSource {
    static final String PID = "nl.meerwaarde.store.embedded";
    /** The service property naming Meerwaarde's DataSource, and its value. */
    static final String DATA_SOURCE_NAME = "dataSourceName";

    static final String NAME = "meerwaarde";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDataSource.class);

    @ObjectClassDefinition(
            id = PID,
            name = "Meerwaarde embedded database",
            description = "The embedded H2 database Meerwaarde uses when no other DataSource is provided.")
    public @interface Config {
        @AttributeDefinition(
                name = "Enabled",
                description = "Register the embedded H2 database as Meerwaarde's DataSource. Switch off when"
                        + " another DataSource service with dataSourceName=meerwaarde is provided (e.g."
                        + " PostgreSQL through pax-jdbc-config).")
        boolean enabled() default true;

        @AttributeDefinition(
                name = "Data directory",
                description = "Directory of the database file meerwaarde.mv.db. Empty: the framework property"
                        + " meerwaarde.data, else ${karaf.data}/meerwaarde, else 'data' in the working directory.")
        String dataDirectory() default "";
    }

    private final EmbeddedDatabase database;
    private final Runnable unregister;

    @Activate
    public EmbeddedDataSource(
            BundleContext context,
            Config config,
            @Reference(name = "dataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
                    DataSourceFactory factory) {
        this(
                config.enabled(),
                config.dataDirectory(),
                factory,
                context::getProperty,
                ServiceRegistrar.of(context, DataSource.class));
    }

    EmbeddedDataSource(
            boolean enabled,
            String dataDirectory,
            DataSourceFactory factory,
            UnaryOperator<String> frameworkProperty,
            ServiceRegistrar<DataSource> registrar) {
        if (!enabled) {
            LOG.info("The embedded Meerwaarde database is disabled; Meerwaarde waits for a DataSource"
                    + " service with " + DATA_SOURCE_NAME + "=" + NAME);
            this.database = null;
            this.unregister = null;
            return;
        }
        Path directory = EmbeddedDatabase.dataDirectory(dataDirectory, frameworkProperty);
        EmbeddedDatabase opened;
        try {
            opened = EmbeddedDatabase.open(factory, directory);
        } catch (StoreException e) {
            LOG.error("The embedded Meerwaarde database is unavailable: " + e.getMessage(), e);
            this.database = null;
            this.unregister = null;
            return;
        }
        this.database = opened;
        // Lowest ranking: a DataSource the vendor configures with the same name wins, even if this one stays on.
        this.unregister = registrar.register(
                opened.dataSource(),
                Map.of(DATA_SOURCE_NAME, NAME, org.osgi.framework.Constants.SERVICE_RANKING, Integer.MIN_VALUE));
        LOG.info("The embedded Meerwaarde database is " + opened.file() + ".mv.db");
    }

    /** Whether the DataSource was registered (for tests). */
    boolean registered() {
        return unregister != null;
    }

    @Deactivate
    void deactivate() {
        if (unregister != null) {
            // first the service, so that its users stop before the database closes under them
            unregister.run();
        }
        if (database != null) {
            database.close();
        }
    }
}
