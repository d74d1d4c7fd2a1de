package nl.meerwaarde.store.internal;

import static nl.meerwaarde.store.internal.Jdbc.Columns.instant;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalString;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.AuditSink;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The audit trail: every event goes to the host's {@link AuditSink} while one is registered (the best ranked
 * one; the reference follows the host's sink as it comes and goes), otherwise into {@code mw_audit_event}. A
 * sink that fails makes {@link #record} fail: an audit event is never dropped silently.
 *
 * <p>Event times are stored to the microsecond.
 */
@Component(name = "nl.meerwaarde.store.audit", service = AuditTrail.class)
public final class JdbcAuditTrail implements AuditTrail {
    private static final String INSERT =
            "INSERT INTO mw_audit_event (occurred_at, actor, action, object_type, object_id, resident_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final AtomicReference<AuditSink> sink = new AtomicReference<>();

    @Activate
    public JdbcAuditTrail(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Reference(
            name = "auditSink",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindAuditSink")
    void bindAuditSink(AuditSink auditSink) {
        sink.set(auditSink);
    }

    void unbindAuditSink(AuditSink auditSink) {
        sink.compareAndSet(auditSink, null);
    }

    @Override
    public void record(AuditEvent event) {
        AuditSink current = sink.get();
        if (current != null) {
            current.record(event);
            return;
        }
        jdbc.transaction(
                "record audit event " + event.action() + " " + event.objectType() + " " + event.objectId(),
                connection -> insert(connection, event));
    }

    /** To the host's sink one by one while there is one, else into {@code mw_audit_event} in one batched transaction. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        AuditSink current = sink.get();
        if (current != null) {
            events.forEach(current::record);
            return;
        }
        jdbc.transaction("record " + events.size() + " audit events", connection -> {
            Jdbc.batch(connection, INSERT, events, (p, event, ordinal) -> bind(p, event));
            return null;
        });
    }

    static int insert(Connection connection, AuditEvent event) throws SQLException {
        return Jdbc.update(connection, INSERT, p -> bind(p, event));
    }

    private static void bind(Jdbc.Params params, AuditEvent event) throws SQLException {
        params.timestamp(event.at())
                .string(event.actor())
                .string(event.action())
                .string(event.objectType())
                .string(event.objectId())
                .string(event.resident() == null ? null : event.resident().value());
    }

    @Override
    public List<AuditEvent> about(ResidentId resident) {
        return jdbc.read("read the audit events about a resident", connection -> about(connection, resident));
    }

    static List<AuditEvent> about(Connection connection, ResidentId resident) throws SQLException {
        return Jdbc.query(
                connection,
                "SELECT occurred_at, actor, action, object_type, object_id, resident_id FROM mw_audit_event"
                        + " WHERE resident_id = ? ORDER BY occurred_at, id",
                p -> p.string(resident.value()),
                row -> new AuditEvent(
                        instant(row, "occurred_at"),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("object_type"),
                        row.getString("object_id"),
                        optionalString(row, "resident_id").map(ResidentId::of).orElse(null)));
    }
}
