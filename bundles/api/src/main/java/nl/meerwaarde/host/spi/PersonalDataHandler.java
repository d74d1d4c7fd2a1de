package nl.meerwaarde.host.spi;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Offered by Meerwaarde bundles (one per bundle that holds personal data): lets the host answer a resident's
 * request for access (AVG art. 15) or erasure (AVG art. 17) for what Meerwaarde holds.
 *
 * <p>The host decides who may make such a request (typically its privacy officer, after checking the
 * resident's identity) and passes that person as {@code requestedBy}; every call is audited in that name.
 */
@ProviderType
public interface PersonalDataHandler {
    /** Name of the kind of data this handler covers, e.g. {@code measurements}. */
    String category();

    /** Everything held on the resident, as named sections of plain values (JSON-able). */
    Map<String, Object> export(ResidentId resident, Subject requestedBy);

    /**
     * Erases or anonymises everything held on the resident; aggregated figures keep their counts.
     *
     * @return how many records were erased or anonymised
     */
    int erase(ResidentId resident, Subject requestedBy);
}
