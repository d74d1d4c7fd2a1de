package nl.meerwaarde.store.internal;

import static nl.meerwaarde.store.internal.Jdbc.Columns.instant;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalString;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalUuid;
import static nl.meerwaarde.store.internal.Jdbc.Columns.uuid;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.host.spi.ResidentId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Questionnaire responses ({@code mw_response}) with one row per answer value ({@code mw_response_answer}: the
 * answer's position, its answer path, the value's position, its type and its text).
 *
 * <p>Answer values come back with the type they were saved with:
 *
 * <table>
 *   <caption>Answer value types</caption>
 *   <tr><th>saved as</th><th>{@code value_type}</th><th>read back as</th></tr>
 *   <tr><td>{@link Boolean}</td><td>{@code boolean}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>{@link Long} (also {@link Integer}, {@link Short}, {@link Byte})</td><td>{@code integer}</td>
 *       <td>{@link Long}</td></tr>
 *   <tr><td>{@link BigDecimal}</td><td>{@code decimal}</td><td>{@link BigDecimal} with the same scale</td></tr>
 *   <tr><td>{@link LocalDate}</td><td>{@code date}</td><td>{@link LocalDate}</td></tr>
 *   <tr><td>{@link String} (free text)</td><td>{@code string}</td><td>{@link String}</td></tr>
 *   <tr><td>{@link Coding} (a choice's code)</td><td>{@code code}</td><td>{@link Coding}</td></tr>
 * </table>
 *
 * <p>Only {@code string} values are free text; the AVG erasure ({@link ParticipationPersonalData}) removes those
 * and keeps every other type, codes included.
 *
 * <p>Any other value (a {@link Double}, a {@link java.math.BigInteger}, ...) is refused with an {@link
 * IllegalArgumentException} before anything is written: a double is not exact, so the caller converts it to a
 * {@link BigDecimal} it can vouch for. An answer without values is kept as one row without type and text.
 *
 * <p>A save runs in one transaction: the response row is updated (or inserted when new) and its answer rows are
 * replaced, so a response is stored whole or not at all. The activity, when named, must exist. Lists are ordered
 * by authoring time, then id (oldest first). Times are stored to the microsecond.
 */
@Component(name = "nl.meerwaarde.store.responses", service = ResponseStore.class)
public final class JdbcResponseStore implements ResponseStore {
    static final String BOOLEAN = "boolean";
    static final String INTEGER = "integer";
    static final String DECIMAL = "decimal";
    static final String DATE = "date";
    static final String STRING = "string";
    static final String CODE = "code";

    private static final String COLUMNS = "r.id, r.questionnaire_id, r.questionnaire_version, r.resident_id,"
            + " r.activity_id, r.authored_at, r.authored_by";

    /** Which responses to read: a condition on {@code mw_response r}, with its parameters bound by the caller. */
    private enum ResponsesOf {
        ID("r.id = ?"),
        RESIDENT_AND_QUESTIONNAIRE("r.resident_id = ? AND r.questionnaire_id = ?"),
        RESIDENT("r.resident_id = ?"),
        ACTIVITY("r.activity_id = ?");

        private final String condition;

        ResponsesOf(String condition) {
            this.condition = condition;
        }
    }

    private final Jdbc jdbc;

    @Activate
    public JdbcResponseStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public void save(QuestionnaireResponse response) {
        List<AnswerRow> answers = answerRows(response);
        jdbc.transaction("save response " + response.id(), connection -> {
            write(connection, response, answers);
            return null;
        });
    }

    /** Writes the response and its answers on the caller's connection (inside the caller's transaction). */
    static void write(Connection connection, QuestionnaireResponse response, List<AnswerRow> answers)
            throws SQLException {
        UUID id = response.id();
        Optional<UUID> activity = response.activity().map(ActivityId::value);
        if (activity.isPresent()
                && Jdbc.queryOne(
                                connection,
                                "SELECT 1 FROM mw_activity WHERE id = ?",
                                p -> p.uuid(activity.get()),
                                row -> row.getInt(1))
                        .isEmpty()) {
            throw new StoreException(
                    "Could not save response " + id + ": activity " + activity.get() + " does not exist");
        }
        int updated = Jdbc.update(
                connection,
                "UPDATE mw_response SET questionnaire_id = ?, questionnaire_version = ?, resident_id = ?,"
                        + " activity_id = ?, authored_at = ?, authored_by = ? WHERE id = ?",
                p -> bindFields(p, response).uuid(id));
        if (updated == 0) {
            Jdbc.update(
                    connection,
                    "INSERT INTO mw_response (questionnaire_id, questionnaire_version, resident_id, activity_id,"
                            + " authored_at, authored_by, id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    p -> bindFields(p, response).uuid(id));
        }
        Jdbc.update(connection, "DELETE FROM mw_response_answer WHERE response_id = ?", p -> p.uuid(id));
        Jdbc.batch(
                connection,
                "INSERT INTO mw_response_answer (response_id, ordinal, link_path, value_ordinal, value_type,"
                        + " value_text) VALUES (?, ?, ?, ?, ?, ?)",
                answers,
                (p, row, ordinal) -> p.uuid(id)
                        .integer(row.ordinal())
                        .string(row.linkPath())
                        .integer(row.valueOrdinal())
                        .string(row.type())
                        .string(row.text()));
    }

    private static Jdbc.Params bindFields(Jdbc.Params params, QuestionnaireResponse response) throws SQLException {
        return params.string(response.questionnaire().id())
                .integer(response.questionnaire().version())
                .string(response.resident().map(ResidentId::value).orElse(null))
                .uuid(response.activity().map(ActivityId::value).orElse(null))
                .timestamp(response.authored())
                .string(response.authoredBy());
    }

    @Override
    public Optional<QuestionnaireResponse> find(UUID id) {
        return jdbc.read(
                "find response " + id, connection -> responses(connection, ResponsesOf.ID, p -> p.uuid(id)).stream()
                        .findFirst());
    }

    @Override
    public List<QuestionnaireResponse> ofResident(ResidentId resident, String questionnaireId) {
        return jdbc.read(
                "list the responses of a resident to " + questionnaireId,
                connection ->
                        responses(connection, ResponsesOf.RESIDENT_AND_QUESTIONNAIRE, p -> p.string(resident.value())
                                .string(questionnaireId)));
    }

    @Override
    public List<QuestionnaireResponse> ofActivity(ActivityId activity) {
        return jdbc.read(
                "list the responses of activity " + activity,
                connection -> responses(connection, ResponsesOf.ACTIVITY, p -> p.uuid(activity.value())));
    }

    /** Every response of one resident, to any questionnaire, oldest first (for access requests). */
    List<QuestionnaireResponse> ofResident(Connection connection, ResidentId resident) throws SQLException {
        return responses(connection, ResponsesOf.RESIDENT, p -> p.string(resident.value()));
    }

    private static List<QuestionnaireResponse> responses(Connection connection, ResponsesOf which, Jdbc.Binder binder)
            throws SQLException {
        List<ResponseRow> rows = Jdbc.query(
                connection,
                "SELECT " + COLUMNS + " FROM mw_response r WHERE " + which.condition + " ORDER BY r.authored_at, r.id",
                binder,
                ResponseRow::of);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AnswerRow>> answers = Jdbc.grouped(
                connection,
                "SELECT a.response_id, a.ordinal, a.link_path, a.value_ordinal, a.value_type, a.value_text"
                        + " FROM mw_response_answer a JOIN mw_response r ON r.id = a.response_id WHERE "
                        + which.condition + " ORDER BY a.response_id, a.ordinal, a.value_ordinal",
                binder,
                AnswerRow::of);
        return rows.stream()
                .map(row -> row.toResponse(answers(answers.getOrDefault(row.id(), List.of()))))
                .toList();
    }

    /** The rows of a response's answers; fails on a value of a type the store does not keep. */
    static List<AnswerRow> answerRows(QuestionnaireResponse response) {
        List<AnswerRow> rows = new ArrayList<>();
        int ordinal = 0;
        for (Answer answer : response.answers()) {
            if (answer.values().isEmpty()) {
                rows.add(new AnswerRow(ordinal, answer.linkId(), 0, null, null));
            }
            int valueOrdinal = 0;
            for (Object value : answer.values()) {
                rows.add(new AnswerRow(
                        ordinal, answer.linkId(), valueOrdinal++, type(value, answer.linkId()), text(value)));
            }
            ordinal++;
        }
        return rows;
    }

    /** The answers of a response, in their order, from its rows in order. */
    private static List<Answer> answers(List<AnswerRow> rows) {
        Map<Integer, String> paths = new LinkedHashMap<>();
        Map<Integer, List<Object>> values = new LinkedHashMap<>();
        for (AnswerRow row : rows) {
            paths.put(row.ordinal(), row.linkPath());
            List<Object> list = values.computeIfAbsent(row.ordinal(), k -> new ArrayList<>());
            if (row.type() != null) {
                list.add(value(row.type(), row.text()));
            }
        }
        List<Answer> answers = new ArrayList<>();
        paths.forEach((ordinal, path) -> answers.add(new Answer(path, values.get(ordinal))));
        return answers;
    }

    private static String type(Object value, String linkId) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INTEGER;
        }
        if (value instanceof BigDecimal) {
            return DECIMAL;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Coding) {
            return CODE;
        }
        throw new IllegalArgumentException("The answer " + linkId + " has a value of type "
                + value.getClass().getName()
                + "; the store keeps Boolean, Long (or Integer), BigDecimal, LocalDate, String and Coding values");
    }

    /**
     * A value's text: plain digits for numbers where that is exact ({@code new BigDecimal(text)} gives back the
     * same scale), the scientific form only for a decimal with a negative scale.
     */
    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() >= 0 ? decimal.toPlainString() : decimal.toString();
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        if (value instanceof Coding coding) {
            return coding.code();
        }
        return value.toString();
    }

    private static Object value(String type, String text) {
        return switch (type) {
            case BOOLEAN -> Boolean.valueOf(text);
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case STRING -> text;
            case CODE -> new Coding(text);
            default -> throw new IllegalStateException("Unknown answer value type in the database: " + type);
        };
    }

    /** A row of {@code mw_response_answer}. */
    record AnswerRow(int ordinal, String linkPath, int valueOrdinal, String type, String text) {
        static AnswerRow of(ResultSet row) throws SQLException {
            return new AnswerRow(
                    row.getInt("ordinal"),
                    row.getString("link_path"),
                    row.getInt("value_ordinal"),
                    row.getString("value_type"),
                    row.getString("value_text"));
        }
    }

    /** A row of {@code mw_response}, before its answers are read. */
    private record ResponseRow(
            UUID id,
            String questionnaire,
            int version,
            Optional<String> resident,
            Optional<UUID> activity,
            Instant authored,
            String authoredBy) {

        static ResponseRow of(ResultSet row) throws SQLException {
            return new ResponseRow(
                    uuid(row, "id"),
                    row.getString("questionnaire_id"),
                    row.getInt("questionnaire_version"),
                    optionalString(row, "resident_id"),
                    optionalUuid(row, "activity_id"),
                    instant(row, "authored_at"),
                    row.getString("authored_by"));
        }

        QuestionnaireResponse toResponse(List<Answer> answers) {
            return new QuestionnaireResponse(
                    id,
                    new QuestionnaireRef(questionnaire, version),
                    resident.map(ResidentId::of),
                    activity.map(ActivityId::new),
                    authored,
                    authoredBy,
                    answers);
        }
    }
}
