package nl.meerwaarde.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The embedded H2 file database {@code <data directory>/meerwaarde}, opened through H2's {@link
 * DataSourceFactory} service (so this bundle never imports H2's packages). The database stays open while this
 * object is open ({@code DB_CLOSE_DELAY=-1}) and is shut down by {@link #close()}: that closes its files,
 * releases the file lock and stops H2's background writer thread. H2's own shutdown hook is off, since the
 * database must close with the component, not with the JVM.
 */
final class EmbeddedDatabase implements AutoCloseable {
    static final String FILE_NAME = "meerwaarde";
    static final String USER = "sa";

    private final Path file;
    private final DataSource dataSource;

    private EmbeddedDatabase(Path file, DataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /**
     * Opens (on the first start: creates) the database in the directory, creating the directory when needed.
     *
     * @throws StoreException when the directory cannot be created or the database cannot be opened
     */
    static EmbeddedDatabase open(DataSourceFactory factory, Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path file = absolute.resolve(FILE_NAME);
        if (file.toString().indexOf(';') >= 0) {
            throw new StoreException("The Meerwaarde data directory must not contain ';': " + absolute);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new StoreException("Could not create the Meerwaarde data directory " + absolute + ": " + e, e);
        }
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url(file));
        properties.setProperty(DataSourceFactory.JDBC_USER, USER);
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, "");
        DataSource dataSource;
        try {
            dataSource = factory.createDataSource(properties);
            try (Connection connection = dataSource.getConnection()) {
                connection.isValid(5);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "Could not open the embedded Meerwaarde database " + file + ": " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(file, dataSource);
    }

    static String url(Path file) {
        return "jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Where the database lives: the configured directory; when none is configured the framework property {@code
     * meerwaarde.data}; else {@code <karaf.data>/meerwaarde}; else {@code data} in the working directory.
     */
    static Path dataDirectory(String configured, UnaryOperator<String> frameworkProperty) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String meerwaardeData = frameworkProperty.apply("meerwaarde.data");
        if (meerwaardeData != null && !meerwaardeData.isBlank()) {
            return Path.of(meerwaardeData.strip());
        }
        String karafData = frameworkProperty.apply("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData.strip()).resolve("meerwaarde");
        }
        return Path.of("data");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The database file without H2's suffix, e.g. {@code /var/meerwaarde/meerwaarde}. */
    Path file() {
        return file;
    }

    /** Shuts the database down: every connection still open is closed, the files are closed and unlocked. */
    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new StoreException(
                    "Could not shut down the embedded Meerwaarde database " + file + ": " + e.getMessage(), e);
        }
    }
}
