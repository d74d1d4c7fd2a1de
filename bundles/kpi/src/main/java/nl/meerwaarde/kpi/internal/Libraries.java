package nl.meerwaarde.kpi.internal;

import java.util.ArrayList;
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
            for (String id : kpis.keySet()) {
                if (cycle(id, kpis, new HashSet<>())) {
                    errors.add(FieldError.of(where.get(id) + ".formula", CYCLE, id));
                }
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
            } else if (target.formula().get().by().isPresent()) {
                errors.add(FieldError.of(path, REF_BREAKDOWN, ref.kpiId()));
            }
        }
        Formula.parts(measure).forEach(part -> refs(part, kpis, path, errors));
    }

    /** Whether following the refs from {@code id} comes back to a KPI already on the way. */
    private static boolean cycle(String id, Map<String, Kpi> kpis, Set<String> path) {
        if (!path.add(id)) {
            return true;
        }
        for (String next : targets(kpis.get(id).formula().map(Formula::measure).orElse(null))) {
            if (cycle(next, kpis, path)) {
                return true;
            }
        }
        path.remove(id);
        return false;
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
