package nl.meerwaarde.host.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited read or change of personal data.
 *
 * @param at when it happened
 * @param actor {@link Subject#auditName()} of who did it
 * @param action what was done, e.g. {@code read}, {@code create}, {@code update}, {@code erase}
 * @param objectType what kind of record, e.g. {@code measurement}
 * @param objectId the record's id in Meerwaarde
 * @param resident whose data it was, or {@code null} for records of no single resident
 */
public record AuditEvent(
        Instant at, String actor, String action, String objectType, String objectId, ResidentId resident) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
    }
}
