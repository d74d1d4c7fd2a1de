package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's own embedded H2 database, file {@code <dataDirectory>/host}: opened through the H2 driver's
 * {@link DataSourceFactory} service, brought up to date by Liquibase, filled with the demo data on first start,
 * and shut down cleanly when the component goes away. Registered as a service private to this bundle.
 */
@Component(
        service = HostDatabase.class,
        name = "nl.meerwaarde.host.reference.database",
        configurationPid = HostReferenceConfig.PID,
        immediate = true)
@Designate(ocd = HostReferenceConfig.class)
public class HostDatabase {
    /** Selects the DataSourceFactory that H2 registers. */
    static final String H2_FACTORY = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)";

    private static final Logger LOG = LoggerFactory.getLogger(HostDatabase.class);

    private final Path directory;
    private final DataSource dataSource;

    @Activate
    public HostDatabase(
            @Reference(target = H2_FACTORY) DataSourceFactory factory,
            HostReferenceConfig config,
            BundleContext context) {
        this(
                factory,
                DataDirectory.resolve(config.dataDirectory(), context::getProperty),
                config.demoData(),
                config.bcryptCost());
    }

    HostDatabase(DataSourceFactory factory, Path directory, boolean demoData, int bcryptCost) {
        this.directory = directory;
        this.dataSource = open(factory, directory);
        try {
            SchemaMigration.migrate(dataSource);
            if (demoData && DemoHostData.loadIfEmpty(dataSource, new Passwords(bcryptCost))) {
                LOG.info("Loaded the reference host's demo data into {}", directory);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Connections to the host's database; each caller closes what it opens. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The directory holding the database files. */
    Path directory() {
        return directory;
    }

    /** Closes the database files; the components using this one have been deactivated before. */
    @Deactivate
    void close() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Could not shut the reference host's database down cleanly", e);
        }
    }

    private static DataSource open(DataSourceFactory factory, Path directory) {
        String location = directory.resolve("host").toString();
        if (location.indexOf(';') >= 0) {
            // A ';' would end the file name in the JDBC URL and start a setting.
            throw new IllegalArgumentException("The data directory must not contain ';': " + directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new HostStorageException("Could not create the data directory " + directory, e);
        }
        Properties properties = new Properties();
        // Keep the database open between connections until SHUTDOWN in close().
        properties.setProperty(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + location + ";DB_CLOSE_DELAY=-1");
        properties.setProperty(DataSourceFactory.JDBC_USER, "sa");
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, "");
        try {
            return factory.createDataSource(properties);
        } catch (SQLException e) {
            throw new HostStorageException("Could not open the reference host's database in " + directory, e);
        }
    }
}
