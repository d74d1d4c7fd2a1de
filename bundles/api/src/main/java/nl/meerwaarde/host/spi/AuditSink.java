package nl.meerwaarde.host.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optionally implemented by the host: receives every audit event so it lands in the host's own audit trail.
 * Without one, Meerwaarde keeps the events in its own audit table.
 */
@ConsumerType
public interface AuditSink {
    /** Records the event; must not fail silently: throw when it cannot be recorded. */
    void record(AuditEvent event);
}
