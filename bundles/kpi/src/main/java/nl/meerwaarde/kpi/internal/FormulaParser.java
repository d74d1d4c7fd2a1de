package nl.meerwaarde.kpi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.kpi.internal.Formula.Aggregate;
import nl.meerwaarde.kpi.internal.Formula.Condition;
import nl.meerwaarde.kpi.internal.Formula.Measure;

/**
 * Reads a formula (docs/kpi-engine.md) and checks it completely: every member known, every field from the
 * vocabulary, sums and means of numbers only, conditions that fit their field, conditions and the breakdown on
 * fields the counted rows belong to. Every problem is reported at once, each at its path ({@code
 * formula.ratio.of.where[0].field}); a formula with any problem is refused whole.
 */
final class FormulaParser {
    static final String SHAPE = "formula.shape";
    static final String UNKNOWN_MEMBER = "formula.unknownMember";
    static final String UNKNOWN_FIELD = "formula.unknownField";
    static final String NOT_NUMERIC = "formula.notNumeric";
    static final String NOT_REACHABLE = "formula.notReachable";
    static final String CONDITION = "formula.condition";
    static final String BREAKDOWN = "formula.breakdown";
    static final String REQUIRED = "field.required";
    static final String TYPE = "field.type";

    /** Deeper formulas are refused: a hostile definition must not exhaust the stack. */
    static final int MAX_DEPTH = 8;

    private static final Set<String> TOP = Set.of("by", "quotes");
    private static final Map<String, Formula.Function> FUNCTIONS = Map.of(
            "count", Formula.Function.COUNT,
            "countDistinct", Formula.Function.COUNT_DISTINCT,
            "sum", Formula.Function.SUM,
            "mean", Formula.Function.MEAN);
    private static final String GROUP = "@group";

    private final List<FieldError> errors = new ArrayList<>();
    private final List<Aggregate> aggregates = new ArrayList<>();

    private FormulaParser() {}

    /** The formula, or every problem as {@link InvalidInputException}. */
    static Formula parse(JsonNode node) {
        FormulaParser parser = new FormulaParser();
        Formula formula = parser.formula(node, "formula");
        if (!parser.errors.isEmpty()) {
            throw new InvalidInputException(parser.errors);
        }
        return formula;
    }

    private Formula formula(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            error(path, node == null ? REQUIRED : TYPE);
            return null;
        }
        if (node.has("outcome")) {
            return outcome(node, path);
        }
        Measure measure = measure(node, path, TOP, 0);
        Optional<Field> by = Optional.empty();
        if (node.has("by")) {
            by = field(node.get("by"), path + ".by");
            by.ifPresent(field -> checkBreakdown(field, path + ".by"));
            if (by.isPresent() && measure != null && meanOver(measure)) {
                // a mean over activities per group would need the activities of each group; not supported yet
                error(path + ".by", BREAKDOWN, by.get().path());
            }
        }
        Optional<List<Condition>> quotes = Optional.empty();
        if (node.has("quotes")) {
            quotes = Optional.of(conditions(node.get("quotes"), path + ".quotes", null, true));
            // the quotes of a figure: with a breakdown, those of its group (@group on the breakdown field); without
            // one there is no group to name
            Optional<Field> group = quotes.get().stream()
                    .filter(condition -> condition.test() instanceof Formula.IsGroup)
                    .map(Condition::field)
                    .findFirst();
            if (!group.equals(by)) {
                error(path + ".quotes", BREAKDOWN, by.map(Field::path).orElse("-"));
            }
        }
        return measure == null ? null : new Formula(measure, by, quotes);
    }

    /** {@code {"outcome": "improved", "questionnaire": "zrm-2017"}}: a whole formula, per scored item. */
    private Formula outcome(JsonNode node, String path) {
        only(node, path, Set.of(), "outcome", "questionnaire");
        Formula.Statistic statistic = null;
        for (Formula.Statistic candidate : Formula.Statistic.values()) {
            if (candidate.key.equals(node.get("outcome").asText(null))) {
                statistic = candidate;
            }
        }
        if (statistic == null) {
            error(path + ".outcome", CONDITION, node.get("outcome").asText(""));
        }
        JsonNode questionnaire = node.get("questionnaire");
        if (questionnaire == null
                || !questionnaire.isTextual()
                || questionnaire.asText().isBlank()) {
            error(path + ".questionnaire", questionnaire == null ? REQUIRED : TYPE);
            return null;
        }
        return statistic == null
                ? null
                : new Formula(
                        new Formula.Outcome(statistic, questionnaire.asText()), Optional.empty(), Optional.empty());
    }

    /** A measure: exactly one of the aggregate functions, plus, ratio, meanOver or ref (and {@code allowed}). */
    private Measure measure(JsonNode node, String path, Set<String> allowed, int depth) {
        if (node == null || !node.isObject()) {
            error(path, node == null ? REQUIRED : TYPE);
            return null;
        }
        if (depth > MAX_DEPTH) {
            error(path, SHAPE);
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (FUNCTIONS.containsKey(name)
                    || Set.of("plus", "ratio", "meanOver", "ref").contains(name)) {
                kinds.add(name);
            }
        }
        if (kinds.size() != 1) {
            error(path, SHAPE);
            return null;
        }
        String kind = kinds.get(0);
        if (FUNCTIONS.containsKey(kind)) {
            only(node, path, allowed, kind, "where");
            return aggregate(FUNCTIONS.get(kind), node, path);
        }
        return switch (kind) {
            case "plus" -> {
                only(node, path, allowed, "plus");
                yield plus(node.get("plus"), path + ".plus", depth);
            }
            case "ratio" -> {
                only(node, path, allowed, "ratio");
                yield ratio(node.get("ratio"), path + ".ratio", depth);
            }
            case "meanOver" -> {
                only(node, path, allowed, "meanOver", "of", "where");
                yield meanOver(node, path, depth);
            }
            default -> {
                only(node, path, allowed, "ref");
                yield ref(node.get("ref"), path + ".ref");
            }
        };
    }

    private Measure aggregate(Formula.Function function, JsonNode node, String path) {
        String at = path + "." + function.key;
        Optional<Field> field = field(node.get(function.key), at);
        if (field.isEmpty()) {
            conditions(node.get("where"), path + ".where", null, false);
            return null;
        }
        boolean numeric = function == Formula.Function.SUM || function == Formula.Function.MEAN;
        if (numeric && !field.get().numeric()) {
            error(at, NOT_NUMERIC, field.get().path());
        }
        List<Condition> where = node.has("where")
                ? conditions(node.get("where"), path + ".where", field.get().entity(), false)
                : List.of();
        Aggregate aggregate = new Aggregate(function, field.get(), where);
        aggregates.add(aggregate);
        return aggregate;
    }

    private Measure plus(JsonNode node, String path, int depth) {
        if (node == null || !node.isArray() || node.size() < 2) {
            error(path, node == null ? REQUIRED : SHAPE);
            return null;
        }
        List<Measure> parts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            parts.add(measure(node.get(i), path + "[" + i + "]", Set.of(), depth + 1));
        }
        return parts.contains(null) ? null : new Formula.Plus(parts);
    }

    private Measure ratio(JsonNode node, String path, int depth) {
        if (node == null || !node.isObject()) {
            error(path, node == null ? REQUIRED : TYPE);
            return null;
        }
        only(node, path, Set.of(), "of", "to", "times");
        Measure of = measure(node.get("of"), path + ".of", Set.of(), depth + 1);
        Measure to = measure(node.get("to"), path + ".to", Set.of(), depth + 1);
        BigDecimal times = BigDecimal.ONE;
        if (node.has("times")) {
            JsonNode value = node.get("times");
            if (!value.isNumber() || value.decimalValue().signum() <= 0) {
                error(path + ".times", TYPE);
            } else {
                times = value.decimalValue();
            }
        }
        return of == null || to == null ? null : new Formula.Ratio(of, to, times);
    }

    private Measure meanOver(JsonNode node, String path, int depth) {
        JsonNode over = node.get("meanOver");
        if (!over.isTextual() || !over.asText().equals("activity")) {
            error(path + ".meanOver", CONDITION, over.asText());
        }
        Measure of = measure(node.get("of"), path + ".of", Set.of(), depth + 1);
        if (of != null && meanOver(of)) {
            error(path + ".of", SHAPE);
        }
        List<Condition> where =
                node.has("where") ? conditions(node.get("where"), path + ".where", Entity.ACTIVITY, false) : List.of();
        return of == null ? null : new Formula.MeanOverActivities(of, where);
    }

    private Measure ref(JsonNode node, String path) {
        if (!node.isTextual() || node.asText().isBlank()) {
            error(path, TYPE);
            return null;
        }
        return new Formula.Ref(node.asText());
    }

    /**
     * Conditions on fields of {@code counted} or an entity it belongs to; {@code counted} is null where any
     * registration field may be named (the quotes, or after an unknown field).
     */
    private List<Condition> conditions(JsonNode node, String path, Entity counted, boolean quotes) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            error(path, TYPE);
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode condition = node.get(i);
            if (!condition.isObject()) {
                error(at, TYPE);
                continue;
            }
            only(condition, at, Set.of(), "field", "is");
            Optional<Field> field = field(condition.get("field"), at + ".field");
            if (field.isEmpty()) {
                continue;
            }
            if (counted != null && !counted.reaches(field.get().entity())) {
                error(at + ".field", NOT_REACHABLE, field.get().path());
                continue;
            }
            if (quotes && field.get().entity() == Entity.SIGNAL) {
                error(at + ".field", NOT_REACHABLE, field.get().path());
                continue;
            }
            test(field.get(), condition.get("is"), at + ".is", quotes)
                    .ifPresent(test -> conditions.add(new Condition(field.get(), test)));
        }
        return conditions;
    }

    private Optional<Formula.Test> test(Field field, JsonNode is, String path, boolean quotes) {
        if (is == null) {
            error(path, REQUIRED);
            return Optional.empty();
        }
        if (is.isTextual() && is.asText().equals("present")) {
            return Optional.of(new Formula.Present());
        }
        if (is.isTextual() && is.asText().equals("absent")) {
            return Optional.of(new Formula.Absent());
        }
        if (is.isBoolean() && field.kind() == Field.Kind.BOOLEAN) {
            return Optional.of(new Formula.IsTrue(is.booleanValue()));
        }
        if (is.isTextual() && is.asText().equals(GROUP) && quotes && field.groups()) {
            return Optional.of(new Formula.IsGroup());
        }
        boolean code = field.kind() == Field.Kind.CODE || field.kind() == Field.Kind.CODE_SET;
        if (is.isTextual() && code && !is.asText().isBlank() && !is.asText().startsWith("@")) {
            return Optional.of(new Formula.EqualsCode(is.asText()));
        }
        error(path, CONDITION, field.path());
        return Optional.empty();
    }

    private Optional<Field> field(JsonNode node, String path) {
        if (node == null) {
            error(path, REQUIRED);
            return Optional.empty();
        }
        if (!node.isTextual()) {
            error(path, TYPE);
            return Optional.empty();
        }
        Optional<Field> field = Field.of(node.asText());
        if (field.isEmpty()) {
            error(path, UNKNOWN_FIELD, node.asText());
        }
        return field;
    }

    /** A breakdown on a field with groups, that at least one aggregate's rows belong to. */
    private void checkBreakdown(Field by, String path) {
        if (!by.groups()) {
            error(path, BREAKDOWN, by.path());
        } else if (!aggregates.isEmpty()
                && aggregates.stream().noneMatch(a -> a.field().entity().reaches(by.entity()))) {
            error(path, NOT_REACHABLE, by.path());
        }
    }

    /** Whether a measure is or contains a mean over activities. */
    private static boolean meanOver(Measure measure) {
        return Formula.parts(measure).stream()
                .anyMatch(part -> part instanceof Formula.MeanOverActivities || meanOver(part));
    }

    /** Members besides the expected ones (and those the caller handles) are unknown. */
    private void only(JsonNode node, String path, Set<String> allowed, String... expected) {
        Set<String> known = Set.of(expected);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !allowed.contains(name)) {
                error(path + "." + name, UNKNOWN_MEMBER, name);
            }
        }
    }

    private void error(String path, String code, Object... arguments) {
        errors.add(FieldError.of(path, code, arguments));
    }
}
