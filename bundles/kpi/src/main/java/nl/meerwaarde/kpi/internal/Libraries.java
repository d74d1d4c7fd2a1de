package nl.meerwaarde.kpi.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;

/**
 * All KPI libraries the engine knows, checked together: ids unique over all of them, and every {@code ref} leading to
 * a computed KPI without a breakdown, without cycles.
 */
final class Libraries {
    static final String DUPLICATE = "kpi.duplicate";
    static final String UNKNOWN_REF = "formula.unknownRef";
    static final String REF_BREAKDOWN = "formula.refBreakdown";
    static final String CYCLE = "formula.cycle";

    private final List<KpiLibrary> libraries;
    private final Map<String, Kpi> kpis;

    private Libraries(List<KpiLibrary> libraries, Map<String, Kpi> kpis) {
        this.libraries = List.copyOf(libraries);
        this.kpis = kpis;
    }

    /**
     * The libraries, checked together.
     *
     * @throws InvalidInputException naming the library and KPI of each problem ({@code sector-model:
     *     kpis[2].formula})
     */
    static Libraries of(List<KpiLibrary> libraries) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Kpi> kpis = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (KpiLibrary library : libraries) {
            for (int i = 0; i < library.kpis().size(); i++) {
                Kpi kpi = library.kpis().get(i);
                String path = library.id() + ": kpis[" + i + "]";
                if (kpis.putIfAbsent(kpi.id(), kpi) != null) {
                    errors.add(FieldError.of(path + ".id", DUPLICATE, kpi.id()));
                } else {
                    where.put(kpi.id(), path);
                }
            }
        }
        for (Map.Entry<String, Kpi> entry : kpis.entrySet()) {
            Optional<Formula> formula = entry.getValue().formula();
            if (formula.isPresent()) {
                refs(formula.get().measure(), kpis, where.get(entry.getKey()) + ".formula", errors);
            }
        }
        if (errors.isEmpty()) {
            Map<String, Boolean> finished = new HashMap<>();
            for (String id : kpis.keySet()) {
                if (cycle(id, kpis, new HashSet<>(), finished)) {
                    errors.add(FieldError.of(where.get(id) + ".formula", CYCLE, id));
                }
            }
        }
        if (errors.isEmpty()) {
            Map<String, Expanded> expanded = new HashMap<>();
            for (Map.Entry<String, Kpi> entry : kpis.entrySet()) {
                entry.getValue()
                        .formula()
                        .ifPresent(formula ->
                                throughRefs(formula, kpis, expanded, where.get(entry.getKey()) + ".formula", errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Libraries(libraries, kpis);
    }

    List<KpiLibrary> libraries() {
        return libraries;
    }

    Optional<Kpi> kpi(String id) {
        return Optional.ofNullable(kpis.get(id));
    }

    List<Kpi> all() {
        return List.copyOf(kpis.values());
    }

    private static void refs(Formula.Measure measure, Map<String, Kpi> kpis, String path, List<FieldError> errors) {
        if (measure instanceof Formula.Ref ref) {
            Kpi target = kpis.get(ref.kpiId());
            if (target == null || target.formula().isEmpty()) {
                errors.add(FieldError.of(path, UNKNOWN_REF, ref.kpiId()));
            } else if (target.formula().get().by().isPresent()
                    || target.formula().get().measure() instanceof Formula.Outcome) {
                errors.add(FieldError.of(path, REF_BREAKDOWN, ref.kpiId()));
            }
        }
        Formula.parts(measure).forEach(part -> refs(part, kpis, path, errors));
    }

    /**
     * Whether following the refs from {@code id} comes back to a KPI on the way. Each KPI is followed once ({@code
     * finished} remembers the answer), so a chain of KPIs that each refer twice to the next is checked in linear time.
     */
    private static boolean cycle(String id, Map<String, Kpi> kpis, Set<String> path, Map<String, Boolean> finished) {
        Boolean known = finished.get(id);
        if (known != null) {
            return known;
        }
        if (!path.add(id)) {
            return true;
        }
        boolean cycle = false;
        for (String next : targets(kpis.get(id).formula().map(Formula::measure).orElse(null))) {
            if (cycle(next, kpis, path, finished)) {
                cycle = true;
                break;
            }
        }
        path.remove(id);
        finished.put(id, cycle);
        return cycle;
    }

    /**
     * What a measure amounts to once its refs are followed: its aggregates, and whether a mean over activities is in
     * it. FormulaParser checks a formula on its own; through a ref a breakdown could otherwise land on a mean over
     * activities or on rows it cannot reach, or a mean over activities on another.
     */
    private record Expanded(Set<Formula.Aggregate> aggregates, boolean meanOver) {}

    private static void throughRefs(
            Formula formula, Map<String, Kpi> kpis, Map<String, Expanded> memo, String path, List<FieldError> errors) {
        Expanded all = expand(formula.measure(), kpis, memo);
        if (formula.by().isPresent()) {
            Field by = formula.by().get();
            if (all.meanOver()) {
                errors.add(FieldError.of(path, FormulaParser.BREAKDOWN, by.path()));
            } else if (all.aggregates().stream()
                    .noneMatch(a -> a.field().entity().reaches(by.entity()))) {
                errors.add(FieldError.of(path, FormulaParser.NOT_REACHABLE, by.path()));
            }
        }
        if (nestedMeanOver(formula.measure(), kpis, memo)) {
            errors.add(FieldError.of(path, FormulaParser.SHAPE));
        }
    }

    private static boolean nestedMeanOver(Formula.Measure measure, Map<String, Kpi> kpis, Map<String, Expanded> memo) {
        if (measure instanceof Formula.MeanOverActivities mean
                && expand(mean.of(), kpis, memo).meanOver()) {
            return true;
        }
        return Formula.parts(measure).stream().anyMatch(part -> nestedMeanOver(part, kpis, memo));
    }

    private static Expanded expand(Formula.Measure measure, Map<String, Kpi> kpis, Map<String, Expanded> memo) {
        if (measure instanceof Formula.Aggregate aggregate) {
            return new Expanded(Set.of(aggregate), false);
        }
        if (measure instanceof Formula.Ref ref) {
            Expanded known = memo.get(ref.kpiId());
            if (known == null) {
                known = expand(kpis.get(ref.kpiId()).formula().orElseThrow().measure(), kpis, memo);
                memo.put(ref.kpiId(), known);
            }
            return known;
        }
        // a set: the same aggregate reached along many paths counts once (a chain of double refs stays small)
        Set<Formula.Aggregate> aggregates = new java.util.LinkedHashSet<>();
        boolean meanOver = measure instanceof Formula.MeanOverActivities;
        for (Formula.Measure part : Formula.parts(measure)) {
            Expanded inner = expand(part, kpis, memo);
            aggregates.addAll(inner.aggregates());
            meanOver |= inner.meanOver();
        }
        return new Expanded(Set.copyOf(aggregates), meanOver);
    }

    private static List<String> targets(Formula.Measure measure) {
        List<String> targets = new ArrayList<>();
        if (measure != null) {
            collect(measure, targets);
        }
        return targets;
    }

    private static void collect(Formula.Measure measure, List<String> targets) {
        if (measure instanceof Formula.Ref ref) {
            targets.add(ref.kpiId());
        }
        Formula.parts(measure).forEach(part -> collect(part, targets));
    }
}
