package nl.meerwaarde.testsupport;

import java.nio.file.Path;
import java.util.Objects;
import org.h2.jdbcx.JdbcDataSource;

/** H2 file databases for tests that run against both H2 and PostgreSQL. */
public final class H2Databases {
    private H2Databases() {}

    /**
     * An H2 file database {@code meerwaarde} in the given directory (created on the first connection). Like the
     * product's embedded database it stays open while the JVM runs ({@code DB_CLOSE_DELAY=-1}): closing and
     * reopening the file between two statements of one test made H2 now and then open a stale state.
     */
    public static JdbcDataSource newFileDatabase(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path file = dir.toAbsolutePath().resolve("meerwaarde");
        if (file.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("An H2 database path must not contain ';': " + file);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }
}
