package nl.meerwaarde.web.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.web.FieldCodes;

/**
 * The KPIs of a report: a stored KPI set (a funder's), else every KPI of a library, and/or KPIs listed one by one —
 * as {@code GET /v1/kpis/results} reads {@code set} and {@code kpi}.
 *
 * @param errors problems with the fields {@code set} and {@code kpis[i]} (or {@code kpis} when none are asked)
 */
public record ReportKpiChoice(
        Optional<KpiSet> set, Optional<String> library, List<String> kpiIds, List<FieldError> errors) {
    /** KPIs in one report at most (as in one request for results). */
    public static final int MAX_KPIS = 100;

    /**
     * @param sets may be {@code null} (then only libraries are sets)
     * @param kpisField the name of the field of the listed KPIs ({@code kpis} in JSON, {@code kpi} in a query)
     */
    public static ReportKpiChoice of(
            KpiEngine engine, KpiSetStore sets, String set, List<String> kpis, String kpisField) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Optional<KpiSet> stored = Optional.empty();
        Optional<String> library = Optional.empty();
        if (set != null && !set.isBlank()) {
            String id = set.trim();
            stored = sets == null ? Optional.empty() : sets.find(id);
            List<String> inSet;
            if (stored.isPresent()) {
                inSet = stored.get().kpiIds();
            } else {
                inSet = engine.definitions().stream()
                        .filter(definition -> definition.library().equals(id))
                        .map(KpiDefinition::id)
                        .toList();
                library = inSet.isEmpty() ? Optional.empty() : Optional.of(id);
            }
            if (inSet.isEmpty()) {
                errors.add(FieldError.of("set", FieldCodes.OPTION));
            }
            ids.addAll(inSet);
        }
        for (int i = 0; kpis != null && i < kpis.size(); i++) {
            String kpi = kpis.get(i) == null ? "" : kpis.get(i).trim();
            if (engine.definition(kpi).isEmpty()) {
                errors.add(FieldError.of(kpisField + "[" + i + "]", FieldCodes.OPTION));
            } else if (!ids.contains(kpi)) {
                ids.add(kpi);
            }
        }
        if (ids.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of(kpisField, FieldCodes.REQUIRED));
        } else if (ids.size() > MAX_KPIS) {
            errors.add(FieldError.of(kpisField, FieldCodes.RANGE, 1, MAX_KPIS));
        }
        if (kpis != null && !kpis.isEmpty()) {
            // listed KPIs make a report of their own choice, not the set's
            return new ReportKpiChoice(Optional.empty(), Optional.empty(), ids, errors);
        }
        return new ReportKpiChoice(stored, library, ids, errors);
    }
}
