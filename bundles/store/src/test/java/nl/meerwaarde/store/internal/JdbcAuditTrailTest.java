package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.AuditSink;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.io.TempDir;

class JdbcAuditTrailTest {
    private static final ResidentId ANNA = ResidentId.of("res-anna");
    private static final ResidentId BOB = ResidentId.of("res-bob");

    @TempDir
    Path dir;

    static AuditEvent event(Instant at, String action, ResidentId resident) {
        return new AuditEvent(
                at, "worker:w-17", action, "participation", "4f1c0e2a-0000-4000-8000-000000000001", resident);
    }

    @OnBothDatabases
    void recordsEventsAndReadsThemBackOldestFirst(Engine engine) {
        JdbcAuditTrail trail = new JdbcAuditTrail(engine.migrated(dir));
        Instant now = Instant.parse("2025-06-01T10:15:30.123456Z");
        AuditEvent later = event(now.plusSeconds(60), "update", ANNA);
        AuditEvent earlier = event(now, "read", ANNA);
        AuditEvent sameTime = event(now.plusSeconds(60), "read", ANNA);

        trail.record(later);
        trail.record(earlier);
        trail.record(sameTime);
        trail.record(event(now, "read", BOB));
        trail.record(event(now, "export", null));

        // same time: in the order recorded
        assertThat(trail.about(ANNA)).containsExactly(earlier, later, sameTime);
        assertThat(trail.about(BOB)).hasSize(1);
        assertThat(trail.about(ResidentId.of("res-nobody"))).isEmpty();
    }

    @OnBothDatabases
    void storesTimesToTheMicrosecondInUtc(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcAuditTrail trail = new JdbcAuditTrail(database);

        trail.record(event(Instant.parse("2025-06-01T23:59:59.999999999Z"), "read", ANNA));

        assertThat(trail.about(ANNA))
                .extracting(AuditEvent::at)
                .containsExactly(Instant.parse("2025-06-01T23:59:59.999999Z"));
    }

    @OnBothDatabases
    void forwardsToTheHostsSinkWhileOneIsBound(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcAuditTrail trail = new JdbcAuditTrail(database);
        List<AuditEvent> first = new ArrayList<>();
        List<AuditEvent> second = new ArrayList<>();
        AuditSink firstSink = first::add;
        AuditSink secondSink = second::add;
        Instant now = Instant.parse("2025-06-01T10:00:00Z");

        trail.bindAuditSink(firstSink);
        trail.record(event(now, "read", ANNA));
        // greedy: a better sink is bound before the old one is unbound
        trail.bindAuditSink(secondSink);
        trail.unbindAuditSink(firstSink);
        trail.record(event(now.plusSeconds(1), "update", ANNA));
        trail.unbindAuditSink(secondSink);
        trail.record(event(now.plusSeconds(2), "erase", ANNA));

        assertThat(first).extracting(AuditEvent::action).containsExactly("read");
        assertThat(second).extracting(AuditEvent::action).containsExactly("update");
        assertThat(trail.about(ANNA)).extracting(AuditEvent::action).containsExactly("erase");
        assertThat(auditRows(database.dataSource())).isEqualTo(1);
    }

    @OnBothDatabases
    void aFailingSinkFailsTheRecordingAndNothingIsStored(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcAuditTrail trail = new JdbcAuditTrail(database);
        trail.bindAuditSink(event -> {
            throw new IllegalStateException("host audit log unavailable");
        });

        assertThatThrownBy(() -> trail.record(event(Instant.now(), "read", ANNA)))
                .hasMessage("host audit log unavailable");
        assertThat(auditRows(database.dataSource())).isZero();
    }

    private static long auditRows(DataSource dataSource) {
        return Sql.count(dataSource, "SELECT COUNT(*) FROM mw_audit_event");
    }
}
