package nl.meerwaarde.importer.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of the CSV file of each kind, and where each goes in the record's JSON form (so that CSV and JSON
 * are checked by the same {@link Rules}): {@code budgetHours} is {@code budget.hours}, {@code goals} the goals'
 * descriptions and {@code goalRealisations} their realisations, the measurement columns of a participation go
 * into {@code measurement}. A multi-valued cell holds its values separated by {@code |}; {@code \|} is a
 * {@code |} inside a value, {@code \\} a backslash.
 */
final class CsvColumns {
    /** One column: its header name, its path in the record ({@code []}: one object per value), multi-valued. */
    record Column(String name, String path, boolean multi) {}

    private static final Map<Kind, List<Column>> COLUMNS = Map.of(
            Kind.SIGNAL,
            List.of(
                    single("key"),
                    single("team"),
                    single("registeredOn"),
                    single("type"),
                    multi("targetGroups", "targetGroups"),
                    single("referrer"),
                    single("question"),
                    single("answered"),
                    single("resident"),
                    single("activityKey")),
            Kind.ACTIVITY,
            List.of(
                    single("key"),
                    single("team"),
                    single("title"),
                    single("stage"),
                    multi("targetGroups", "targetGroups"),
                    single("funder"),
                    single("startsOn"),
                    new Column("budgetHours", "budget.hours", false),
                    new Column("budgetEuros", "budget.euros", false),
                    new Column("actualHours", "actual.hours", false),
                    new Column("actualEuros", "actual.euros", false),
                    new Column("anonymousParticipants", "anonymous.participants", false),
                    new Column("anonymousMeasured", "anonymous.measured", false),
                    new Column("anonymousHelped", "anonymous.helped", false),
                    single("individualQuestionsAnswered"),
                    single("referrerSatisfaction"),
                    multi("goals", "goals[].description"),
                    multi("goalRealisations", "goals[].realisation"),
                    single("analysis"),
                    new Column("instrument", "instrument.code", false),
                    new Column("instrumentOtherName", "instrument.otherName", false),
                    multi("partners", "partners"),
                    single("sessions"),
                    single("lessonsLearned")),
            Kind.PARTICIPATION,
            List.of(
                    single("key"),
                    single("activityKey"),
                    single("resident"),
                    multi("referrals", "referrals"),
                    new Column("helped", "measurement.helped", false),
                    new Column("helpedReason", "measurement.helpedReason", false),
                    new Column("grade", "measurement.grade", false),
                    new Column("gradeExplanation", "measurement.gradeExplanation", false),
                    multi("dimensions", "measurement.dimensions"),
                    multi("quotes", "measurement.quotes"),
                    new Column("workerObservation", "measurement.workerObservation", false)));

    /** The columns a file of each kind must have. */
    private static final Map<Kind, Set<String>> REQUIRED = Map.of(
            Kind.SIGNAL, Set.of("key", "team", "registeredOn", "type"),
            Kind.ACTIVITY, Set.of("key", "team", "title"),
            Kind.PARTICIPATION, Set.of("key", "activityKey", "resident"));

    private CsvColumns() {}

    private static Column single(String name) {
        return new Column(name, name, false);
    }

    private static Column multi(String name, String path) {
        return new Column(name, path, true);
    }

    static List<Column> of(Kind kind) {
        return COLUMNS.get(kind);
    }

    static Optional<Column> named(Kind kind, String name) {
        return of(kind).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static Set<String> required(Kind kind) {
        return REQUIRED.get(kind);
    }

    /** The column a field path of a record comes from ({@code goals[2].description}: {@code goals}). */
    static String columnOf(Kind kind, String field) {
        String path = field.replaceAll("\\[\\d+]", "");
        for (Column column : of(kind)) {
            if (column.path().replace("[]", "").equals(path)) {
                return column.name();
            }
        }
        return field.isEmpty() ? null : field;
    }

    /** The record of one row, in its JSON form: every non-blank cell at its path, every value as text. */
    static ObjectNode record(Map<Column, String> cells) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Column, String> cell : cells.entrySet()) {
            Column column = cell.getKey();
            if (cell.getValue().isBlank()) {
                continue;
            }
            if (column.path().contains("[]")) {
                String arrayName = column.path().substring(0, column.path().indexOf("[]"));
                String field = column.path().substring(column.path().indexOf("[]") + 3);
                ArrayNode array =
                        record.has(arrayName) ? (ArrayNode) record.get(arrayName) : record.putArray(arrayName);
                List<String> values = split(cell.getValue());
                for (int i = 0; i < values.size(); i++) {
                    while (array.size() <= i) {
                        array.addObject();
                    }
                    if (!values.get(i).isBlank()) {
                        ((ObjectNode) array.get(i)).put(field, values.get(i));
                    }
                }
            } else {
                ObjectNode parent = record;
                String[] parts = column.path().split("\\.");
                for (int i = 0; i < parts.length - 1; i++) {
                    parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
                }
                String name = parts[parts.length - 1];
                if (column.multi()) {
                    ArrayNode array = parent.putArray(name);
                    split(cell.getValue()).forEach(array::add);
                } else {
                    parent.put(name, cell.getValue());
                }
            }
        }
        return record;
    }

    /** The values of a multi-valued cell: separated by {@code |}, with {@code \|} and {@code \\} escaped. */
    static List<String> split(String cell) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && (cell.charAt(i + 1) == '|' || cell.charAt(i + 1) == '\\')) {
                value.append(cell.charAt(++i));
            } else if (c == '|') {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }

    /** The cells of a row by column, for the columns the header names (in header order). */
    static Map<Column, String> cells(List<Optional<Column>> header, List<String> row) {
        Map<Column, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            int index = i;
            header.get(i).ifPresent(column -> cells.put(column, row.get(index)));
        }
        return cells;
    }
}
