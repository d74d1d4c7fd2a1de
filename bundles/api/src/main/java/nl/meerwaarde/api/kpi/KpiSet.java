package nl.meerwaarde.api.kpi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.host.spi.FunderId;

/**
 * The KPIs a funder (or the organisation itself) wants in a report, in the order of the report: a municipality
 * picks what it asks for from the libraries.
 *
 * @param id lower case, digits and hyphens
 * @param funder the funder the set is for; empty for one of the organisation's own
 */
public record KpiSet(String id, String name, Optional<FunderId> funder, List<String> kpiIds) {
    public KpiSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(funder, "funder");
        kpiIds = List.copyOf(kpiIds);
    }
}
