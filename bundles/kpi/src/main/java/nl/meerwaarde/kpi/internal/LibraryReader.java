package nl.meerwaarde.kpi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiLevel;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.LifeDomain;

/**
 * Reads a KPI library file ({@code meerwaarde-kpi-library} version 1, docs/kpi-engine.md) and checks every
 * definition in it: required texts, known level, aspect, life domain, unit and source, a formula exactly when the
 * KPI is computed from registrations, and the formula itself. Every problem is reported at once with its path
 * ({@code kpis[3].formula.ratio.of.count}); a library with any problem is refused whole. References between KPIs
 * are checked over all libraries together ({@link Libraries}).
 */
final class LibraryReader {
    static final String FORMAT = "meerwaarde-kpi-library";
    static final int FORMAT_VERSION = 1;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Set<String> UNITS = Set.of(
            "count",
            "signals",
            "residents",
            "activities",
            "participations",
            "participants-per-activity",
            "hours",
            "euros",
            "percent",
            "grade",
            "score",
            "days",
            "ratio");
    static final Set<String> ASPECTS = Set.of("middelen", "partners", "medewerkers", "activiteit");
    static final int MAX_TEXT = 2000;
    /** The breakdown of an instrument outcome: its scored items (questionnaire answer paths). */
    static final String OUTCOME_ITEM = "outcome.item";

    private static final String REQUIRED = "field.required";
    private static final String TYPE = "field.type";
    private static final String VALUE = "field.value";
    private static final String TOO_LONG = "field.length";
    private static final String DUPLICATE = "kpi.duplicate";
    private static final String FORMULA_EXPECTED = "kpi.formulaExpected";
    private static final String FORMULA_UNEXPECTED = "kpi.formulaUnexpected";
    private static final String FORMULA_SOURCE = "kpi.formulaSource";
    private static final String UNKNOWN_MEMBER = FormulaParser.UNKNOWN_MEMBER;

    private final List<FieldError> errors = new ArrayList<>();

    private LibraryReader() {}

    static KpiLibrary read(JsonNode node) {
        LibraryReader reader = new LibraryReader();
        KpiLibrary library = reader.library(node);
        if (!reader.errors.isEmpty()) {
            throw new InvalidInputException(reader.errors);
        }
        return library;
    }

    private KpiLibrary library(JsonNode node) {
        if (node == null || !node.isObject()) {
            error("", TYPE);
            return null;
        }
        only(node, "", "format", "formatVersion", "id", "name", "description", "kpis");
        if (!FORMAT.equals(node.path("format").asText(null))) {
            error("format", VALUE, FORMAT);
        }
        if (!node.path("formatVersion").isInt() || node.path("formatVersion").asInt() != FORMAT_VERSION) {
            error("formatVersion", VALUE, FORMAT_VERSION);
        }
        String id = id(node.get("id"), "id");
        String name = text(node.get("name"), "name", 200);
        String description = text(node.get("description"), "description", MAX_TEXT);
        JsonNode kpis = node.get("kpis");
        List<Kpi> read = new ArrayList<>();
        if (kpis == null || !kpis.isArray() || kpis.isEmpty()) {
            error("kpis", kpis == null ? REQUIRED : TYPE);
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < kpis.size(); i++) {
                String path = "kpis[" + i + "]";
                Kpi kpi = kpi(kpis.get(i), path, id);
                String kpiId = kpis.get(i).path("id").asText("");
                if (!kpiId.isEmpty() && !ids.add(kpiId)) {
                    error(path + ".id", DUPLICATE, kpiId);
                }
                if (kpi != null) {
                    read.add(kpi);
                }
            }
        }
        return errors.isEmpty() ? new KpiLibrary(id, name, description, read) : null;
    }

    private Kpi kpi(JsonNode node, String path, String library) {
        if (node == null || !node.isObject()) {
            error(path, TYPE);
            return null;
        }
        int before = errors.size();
        only(
                node,
                path,
                "id",
                "version",
                "name",
                "description",
                "level",
                "aspect",
                "lifeDomain",
                "unit",
                "source",
                "formula");
        String id = id(node.get("id"), path + ".id");
        int version = 1;
        if (node.hasNonNull("version")) {
            if (!node.get("version").isInt() || node.get("version").asInt() < 1) {
                error(path + ".version", TYPE);
            } else {
                version = node.get("version").asInt();
            }
        }
        String name = text(node.get("name"), path + ".name", 200);
        String description = text(node.get("description"), path + ".description", MAX_TEXT);
        Optional<KpiLevel> level = constant(node.get("level"), path + ".level", KpiLevel.values());
        Optional<String> aspect = Optional.empty();
        if (node.hasNonNull("aspect")) {
            String value = node.get("aspect").asText("");
            if (!ASPECTS.contains(value)) {
                error(path + ".aspect", VALUE, String.join(", ", new java.util.TreeSet<>(ASPECTS)));
            } else if (level.isPresent() && level.get() != KpiLevel.THROUGHPUT) {
                error(path + ".aspect", VALUE, "throughput");
            } else {
                aspect = Optional.of(value);
            }
        }
        Optional<LifeDomain> lifeDomain = node.hasNonNull("lifeDomain")
                ? constant(node.get("lifeDomain"), path + ".lifeDomain", LifeDomain.values())
                : Optional.empty();
        String unit = node.path("unit").asText("");
        if (!UNITS.contains(unit)) {
            error(
                    path + ".unit",
                    node.has("unit") ? VALUE : REQUIRED,
                    String.join(", ", new java.util.TreeSet<>(UNITS)));
        }
        Optional<KpiSource> source = Optional.empty();
        JsonNode sourceNode = node.get("source");
        if (sourceNode == null) {
            error(path + ".source", REQUIRED);
        } else {
            source = switch (sourceNode.asText("")) {
                case "registrations" -> Optional.of(KpiSource.REGISTRATIONS);
                case "instruments" -> Optional.of(KpiSource.INSTRUMENT_MEASUREMENTS);
                case "external" -> Optional.of(KpiSource.EXTERNAL_FIGURES);
                default -> {
                    error(path + ".source", VALUE, "registrations, instruments, external");
                    yield Optional.empty();
                }
            };
        }
        Optional<Formula> formula = Optional.empty();
        JsonNode formulaNode = node.hasNonNull("formula") ? node.get("formula") : null;
        if (source.isPresent()) {
            boolean computed = source.get() != KpiSource.EXTERNAL_FIGURES;
            if (computed && formulaNode == null) {
                error(path + ".formula", FORMULA_EXPECTED);
            } else if (!computed && formulaNode != null) {
                error(path + ".formula", FORMULA_UNEXPECTED);
            }
        }
        if (formulaNode != null) {
            try {
                formula = Optional.of(FormulaParser.parse(formulaNode));
            } catch (InvalidInputException e) {
                for (FieldError error : e.errors()) {
                    errors.add(new FieldError(path + "." + error.field(), error.code(), error.arguments()));
                }
            }
        }
        if (formula.isPresent() && source.isPresent()) {
            // an instrument KPI is an outcome of measurements; a registration KPI never is
            boolean outcome = formula.get().measure() instanceof Formula.Outcome;
            if (outcome != (source.get() == KpiSource.INSTRUMENT_MEASUREMENTS)) {
                error(path + ".formula", FORMULA_SOURCE);
            }
        }
        if (errors.size() > before || library == null) {
            return null;
        }
        KpiDefinition definition = new KpiDefinition(
                id,
                version,
                library,
                name,
                description,
                level.orElseThrow(),
                aspect,
                lifeDomain,
                unit,
                source.orElseThrow(),
                Optional.ofNullable(formulaNode).map(JsonNode::toString),
                formula.flatMap(LibraryReader::breakdown),
                formula.flatMap(Formula::quotes).isPresent());
        return new Kpi(definition, formula);
    }

    /** The breakdown field, or for an instrument outcome its implicit one: per scored item. */
    private static Optional<String> breakdown(Formula formula) {
        if (formula.measure() instanceof Formula.Outcome) {
            return Optional.of(OUTCOME_ITEM);
        }
        return formula.by().map(Field::path);
    }

    private String id(JsonNode node, String path) {
        if (node == null) {
            error(path, REQUIRED);
            return null;
        }
        if (!node.isTextual() || !ID.matcher(node.asText()).matches()) {
            error(path, VALUE, ID.pattern());
            return null;
        }
        return node.asText();
    }

    private String text(JsonNode node, String path, int max) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            error(path, REQUIRED);
            return null;
        }
        if (!node.isTextual()) {
            error(path, TYPE);
            return null;
        }
        String text = node.asText().strip();
        if (text.length() > max) {
            error(path, TOO_LONG, max);
            return null;
        }
        return text;
    }

    /** An enum constant written in lower case with hyphens: {@code throughput}, {@code wonen-en-leefbaarheid}. */
    private <E extends Enum<E>> Optional<E> constant(JsonNode node, String path, E[] values) {
        if (node == null) {
            error(path, REQUIRED);
            return Optional.empty();
        }
        Optional<E> found = Arrays.stream(values)
                .filter(value -> code(value).equals(node.asText()))
                .findFirst();
        if (found.isEmpty()) {
            error(
                    path,
                    VALUE,
                    String.join(
                            ", ", Arrays.stream(values).map(LibraryReader::code).toList()));
        }
        return found;
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void only(JsonNode node, String path, String... known) {
        Set<String> expected = Set.of(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.contains(name)) {
                error(path.isEmpty() ? name : path + "." + name, UNKNOWN_MEMBER, name);
            }
        }
    }

    private void error(String path, String code, Object... arguments) {
        errors.add(FieldError.of(path, code, arguments));
    }
}
