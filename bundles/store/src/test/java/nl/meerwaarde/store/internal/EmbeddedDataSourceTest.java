package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meerwaarde.api.Signal;
import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

class EmbeddedDataSourceTest {
    @TempDir
    Path dir;

    /** What the component registered, and whether it was unregistered. */
    private final List<Map<String, Object>> registeredProperties = new ArrayList<>();

    private final List<DataSource> registered = new ArrayList<>();
    private int unregistered;

    private final DataSourceFactory h2 = new OsgiDataSourceFactory(new org.h2.Driver());

    private EmbeddedDataSource start(boolean enabled, String dataDirectory, Map<String, String> frameworkProperties) {
        return new EmbeddedDataSource(enabled, dataDirectory, h2, frameworkProperties::get, (service, properties) -> {
            registered.add(service);
            registeredProperties.add(properties);
            return () -> unregistered++;
        });
    }

    @Test
    void createsTheDatabaseInTheConfiguredDirectoryAndRegistersIt() throws Exception {
        Path data = dir.resolve("nested").resolve("data");

        EmbeddedDataSource component = start(true, data.toString(), Map.of());

        assertThat(component.registered()).isTrue();
        assertThat(registeredProperties)
                .as("lowest ranking, so a configured DataSource of the same name wins")
                .containsExactly(Map.of("dataSourceName", "meerwaarde", "service.ranking", Integer.MIN_VALUE));
        try (Connection connection = registered.get(0).getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .contains(data.resolve("meerwaarde").toString());
        }
        assertThat(data.resolve("meerwaarde.mv.db")).exists();
        component.deactivate();
    }

    @Test
    void shutsTheDatabaseDownCleanlyAndKeepsTheDataForTheNextStart() throws Exception {
        EmbeddedDataSource first = start(true, dir.toString(), Map.of());
        DataSource dataSource = registered.get(0);
        SchemaMigration.migrate(dataSource);
        Signal signal = JdbcSignalStoreTest.full();
        new JdbcSignalStore(new MigratedDatabase(dataSource)).save(signal);
        Connection leftOpen = dataSource.getConnection();
        assertThat(h2ThreadsOf(dir)).as("H2's background writer while open").isNotEmpty();

        first.deactivate();

        assertThat(unregistered).isEqualTo(1);
        assertThat(leftOpen.isClosed()).isTrue();
        assertThat(h2Threads()).isEmpty();
        assertThat(lockable(dir.resolve("meerwaarde.mv.db"))).isTrue();

        EmbeddedDataSource second = start(true, dir.toString(), Map.of());
        DataSource reopened = registered.get(1);
        SchemaMigration.migrate(reopened);
        assertThat(new JdbcSignalStore(new MigratedDatabase(reopened)).find(signal.id()))
                .isEqualTo(Optional.of(signal));
        second.deactivate();
        assertThat(h2Threads()).isEmpty();
    }

    @Test
    void registersNothingWhenDisabled() {
        Path data = dir.resolve("unused");

        EmbeddedDataSource component = start(false, data.toString(), Map.of());

        assertThat(component.registered()).isFalse();
        assertThat(registered).isEmpty();
        assertThat(data).doesNotExist();
        component.deactivate();
        assertThat(unregistered).isZero();
    }

    @Test
    void registersNothingWhenTheDirectoryCannotBeCreated() throws IOException {
        Path file = Files.createFile(dir.resolve("a-file"));

        EmbeddedDataSource component = start(true, file.resolve("data").toString(), Map.of());

        assertThat(component.registered()).isFalse();
        assertThat(registered).isEmpty();
        component.deactivate();
    }

    @Test
    void findsTheDataDirectory() {
        assertThat(EmbeddedDatabase.dataDirectory(" /srv/mw ", Map.of("meerwaarde.data", "/x")::get))
                .isEqualTo(Path.of("/srv/mw"));
        assertThat(EmbeddedDatabase.dataDirectory("", Map.of("meerwaarde.data", "/x", "karaf.data", "/k")::get))
                .isEqualTo(Path.of("/x"));
        assertThat(EmbeddedDatabase.dataDirectory(null, Map.of("karaf.data", "/opt/karaf/data")::get))
                .isEqualTo(Path.of("/opt/karaf/data/meerwaarde"));
        assertThat(EmbeddedDatabase.dataDirectory(" ", Map.<String, String>of()::get))
                .isEqualTo(Path.of("data"));
    }

    @Test
    void refusesADirectoryThatWouldBreakTheUrl() {
        assertThatThrownBy(() -> EmbeddedDatabase.open(h2, dir.resolve("a;b")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("must not contain ';'");
    }

    /**
     * H2's threads for this test's database still alive after a shutdown. H2 ends its background writer right
     * after SHUTDOWN returns, on that thread's own time: each is given up to five seconds to finish.
     */
    private List<String> h2Threads() throws InterruptedException {
        List<Thread> threads = h2ThreadsOf(dir);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static List<Thread> h2ThreadsOf(Path dir) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains(dir.toString())
                        || thread.getName().startsWith("H2 "))
                .toList();
    }

    /** Whether nothing in this JVM (H2 included) holds the file's lock. */
    private static boolean lockable(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        }
    }
}
