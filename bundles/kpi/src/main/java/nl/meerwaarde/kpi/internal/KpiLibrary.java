package nl.meerwaarde.kpi.internal;

import java.util.List;
import java.util.Objects;

/** A set of KPI definitions shipped or added together (the Tinten chain KPIs, the sector model, an organisation's). */
record KpiLibrary(String id, String name, String description, List<Kpi> kpis) {
    KpiLibrary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        kpis = List.copyOf(kpis);
    }
}
