package nl.meerwaarde.web.internal.report;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiValue;

/**
 * A KPI report as it is written, every name already in the reader's language: what the PDF and the CSV are made
 * from.
 *
 * @param organisation the organisation's name (the host's)
 * @param funder the funder's name, for a KPI set with a funder
 * @param set the KPI set's (or library's) name
 * @param scope the scope as people read it ("Hele organisatie", "Team Noord")
 * @param period the period as people read it ("2026", "K2 2026")
 * @param generated when the report was made, in Europe/Amsterdam
 * @param kpis the computed KPIs, in the set's order
 * @param notComputed the KPIs of the set without figures of their own here (external figures, instruments)
 */
public record Report(
        String organisation,
        Optional<String> funder,
        String set,
        String scope,
        String period,
        ZonedDateTime generated,
        List<Kpi> kpis,
        List<KpiDefinition> notComputed) {
    public Report {
        kpis = List.copyOf(kpis);
        notComputed = List.copyOf(notComputed);
    }

    /**
     * One KPI with its figures.
     *
     * @param unit the unit as people read it ("Inwoners")
     * @param groupHeader what the groups are ("Doelgroep"), empty for a KPI without breakdown
     */
    public record Kpi(KpiDefinition definition, String unit, Optional<String> groupHeader, List<Figure> figures) {
        public Kpi {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One figure with its group as people read it (a target group's name, an activity's title) and as the engine
     * gives it (a code, an activity id).
     */
    public record Figure(Optional<String> groupCode, Optional<String> group, KpiValue value) {}
}
