package nl.meerwaarde.api.store;

import java.util.List;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where every bundle records reads and changes of personal data. Events go to the host's {@code AuditSink}
 * when one is registered, otherwise to Meerwaarde's own audit table.
 */
@ProviderType
public interface AuditTrail {
    void record(AuditEvent event);

    /**
     * Records many events, e.g. those of a bulk import, in order; into Meerwaarde's own table in one transaction
     * (all or none). Without a better way the events are recorded one by one.
     */
    default void recordAll(List<AuditEvent> events) {
        events.forEach(this::record);
    }

    /** Events about one resident held in Meerwaarde's own table, oldest first (for AVG art. 15 requests). */
    List<AuditEvent> about(ResidentId resident);
}
