package nl.meerwaarde.web.internal.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiSet;

/**
 * What a report is asked for, checked: the KPIs (of a stored KPI set, a library, or listed), the scope and period
 * (the caller may see the scope), the format and the language.
 *
 * @param set the stored KPI set the KPIs come from, when they come from one (its name and funder head the report)
 * @param library the library the KPIs come from, when they come from one
 * @param kpiIds the KPIs in the report's order, each known to the engine
 */
public record ReportOrder(
        Optional<KpiSet> set,
        Optional<String> library,
        List<String> kpiIds,
        Scope scope,
        Period period,
        ReportFormat format,
        Locale locale) {
    public ReportOrder {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(library, "library");
        kpiIds = List.copyOf(kpiIds);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(locale, "locale");
    }
}
