package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import nl.meerwaarde.api.store.KpiLibraryStore.StoredLibrary;
import org.junit.jupiter.api.io.TempDir;

class JdbcKpiLibraryStoreTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00.000001Z");

    @TempDir
    Path dir;

    @OnBothDatabases
    void savesReplacesListsAndDeletesLibraries(Engine engine) {
        JdbcKpiLibraryStore store = new JdbcKpiLibraryStore(engine.migrated(dir));
        String big = "{\"id\":\"emmen\",\"description\":\"" + "ë".repeat(50_000) + "\"}";
        StoredLibrary emmen = new StoredLibrary("emmen", big, AT, "worker:mdw-joost");
        StoredLibrary eigen = new StoredLibrary("eigen-kpis", "{\"id\":\"eigen-kpis\"}", AT, "worker:mdw-joost");

        store.save(emmen);
        store.save(eigen);
        assertThat(store.all()).containsExactly(eigen, emmen);

        StoredLibrary changed =
                new StoredLibrary("emmen", "{\"id\":\"emmen\"}", AT.plusSeconds(60), "worker:mdw-fatima");
        store.save(changed);
        assertThat(store.all()).containsExactly(eigen, changed);

        assertThat(store.delete("emmen")).isTrue();
        assertThat(store.delete("emmen")).isFalse();
        assertThat(store.all()).containsExactly(eigen);
    }
}
