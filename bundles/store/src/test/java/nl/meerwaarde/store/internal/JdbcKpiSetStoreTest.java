package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.host.spi.FunderId;
import org.junit.jupiter.api.io.TempDir;

class JdbcKpiSetStoreTest {
    @TempDir
    Path dir;

    @OnBothDatabases
    void savesReplacesListsAndDeletesSetsWithTheirKpisInOrder(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcKpiSetStore store = new JdbcKpiSetStore(database);
        KpiSet emmen = new KpiSet(
                "gemeente-emmen-2025",
                "Verantwoording Emmen",
                Optional.of(new FunderId("gemeente-emmen")),
                List.of("tinten-4", "tinten-17", "tinten-1", "swn-eenzaamheid"));
        KpiSet own = new KpiSet("eigen-set", "Eigen dashboard", Optional.empty(), List.of("tinten-14"));

        store.save(emmen, "worker:mdw-fatima");
        store.save(own, "worker:mdw-fatima");

        assertThat(store.all()).containsExactly(own, emmen);
        assertThat(store.find("gemeente-emmen-2025")).contains(emmen);

        KpiSet fewer = new KpiSet("gemeente-emmen-2025", "Emmen 2025", Optional.empty(), List.of("tinten-17"));
        store.save(fewer, "worker:mdw-joost");
        assertThat(store.find("gemeente-emmen-2025")).contains(fewer);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_kpi_set_item"))
                .isEqualTo(2);

        assertThat(store.delete("gemeente-emmen-2025")).isTrue();
        assertThat(store.delete("gemeente-emmen-2025")).isFalse();
        assertThat(store.all()).containsExactly(own);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_kpi_set_item"))
                .isEqualTo(1);
        assertThat(store.find("onbekend")).isEmpty();
    }
}
