package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcAuditTrail#recordAll}: the audit events of a bulk import, in one transaction. */
class JdbcAuditTrailRecordAllTest {
    private static final ResidentId MANOUK = ResidentId.of("inw-0001");

    @TempDir
    Path dir;

    private static List<AuditEvent> events(int count, String objectType) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new AuditEvent(
                    Instant.parse("2026-03-10T09:00:00Z").plusSeconds(i),
                    "command:importer",
                    "import",
                    objectType,
                    "id-" + i,
                    MANOUK));
        }
        return events;
    }

    @OnBothDatabases
    void recordsAllInOrder(Engine engine) {
        JdbcAuditTrail trail = new JdbcAuditTrail(engine.migrated(dir));
        List<AuditEvent> events = events(Jdbc.BATCH_SIZE + 5, "measurement");

        trail.recordAll(events);

        assertThat(trail.about(MANOUK)).isEqualTo(events);
    }

    @OnBothDatabases
    void recordsNoneWhenOneFails(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcAuditTrail trail = new JdbcAuditTrail(database);
        List<AuditEvent> events = events(10, "measurement");
        events.add(events(1, "x".repeat(65)).get(0));

        assertThatThrownBy(() -> trail.recordAll(events)).isInstanceOf(StoreException.class);

        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_audit_event"))
                .isZero();
    }

    @OnBothDatabases
    void forwardsToTheHostsSinkWhileOneIsBound(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcAuditTrail trail = new JdbcAuditTrail(database);
        List<AuditEvent> received = new ArrayList<>();
        trail.bindAuditSink(received::add);
        List<AuditEvent> events = events(3, "signal");

        trail.recordAll(events);

        assertThat(received).isEqualTo(events);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_audit_event"))
                .isZero();
    }
}
