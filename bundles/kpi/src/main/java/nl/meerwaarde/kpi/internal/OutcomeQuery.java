package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.kpi.internal.OutcomeScale.Coded;
import nl.meerwaarde.kpi.internal.OutcomeScale.Numeric;
import nl.meerwaarde.kpi.internal.OutcomeScale.ScoredItem;

/**
 * The instrument outcome KPIs (kpis.md C) of one questionnaire in one statement: per scored item, the residents with
 * a first and a last measurement in the period, their changes and how many improved, stayed stable or worsened. The
 * database does the work (window functions over {@code mw_response} and {@code mw_response_answer}); one row per
 * answered item reaches Java. Works on H2 2.3 and PostgreSQL alike. See {@code docs/kpi-outcomes.md}.
 *
 * <p>What counts:
 *
 * <ul>
 *   <li>responses to the questionnaire (any version) by a known resident: an anonymous response cannot be followed
 *       over time and is left out;
 *   <li>authored in the period: {@code authored_at} from Amsterdam midnight of the first day up to Amsterdam midnight
 *       of the day after the period;
 *   <li>in the scope: linked to an activity that meets the scope's condition, or, for the whole organisation, also
 *       linked to no activity;
 *   <li>per resident, item and Amsterdam calendar day only the newest measurement (a correction the same day
 *       replaces the earlier one), so a baseline and a follow-up are always on different days;
 *   <li>an answer counts as a measurement only when the item's scale maps it ({@link OutcomeScale}).
 * </ul>
 *
 * <p>Every value (questionnaire id, period bounds, scope values, answer paths, codes, numbers) is a bound parameter;
 * the SQL text is built only from the engine's own fragments and the scope's condition.
 */
final class OutcomeQuery {
    /** The calendar the period and the days of measurements are in. */
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Every score is exact in this type; a whole number up to 20 digits fits. */
    private static final String NUMBER = "NUMERIC(38, 10)";

    /** An answer's number; through a short text first, since H2 does not cast its large text type to a number. */
    private static final String VALUE = "CAST(CAST(x.value_text AS VARCHAR(20)) AS " + NUMBER + ")";

    /** The Amsterdam calendar day of a response, as yyyymmdd (H2 casts a zoned timestamp to a date in its own zone). */
    private static final String DAY;

    static {
        String local = "(r.authored_at AT TIME ZONE '" + AMSTERDAM.getId() + "')";
        DAY = "EXTRACT(YEAR FROM " + local + ") * 10000 + EXTRACT(MONTH FROM " + local + ") * 100 + EXTRACT(DAY FROM "
                + local + ")";
    }

    private OutcomeQuery() {}

    /**
     * The figures of every item, in the order of {@code items}; an item nobody measured twice gives {@link
     * OutcomeFigures#none}.
     */
    static List<OutcomeFigures> compute(
            Connection connection, ScopeFilter scope, Period period, String questionnaireId, List<ScoredItem> items)
            throws SQLException {
        if (items.isEmpty()) {
            return List.of();
        }
        Statement statement = statement(scope, period, questionnaireId, items);
        Map<String, OutcomeFigures> found = new HashMap<>();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            int index = 0;
            for (Object parameter : statement.parameters()) {
                prepared.setObject(++index, parameter);
            }
            try (ResultSet row = prepared.executeQuery()) {
                while (row.next()) {
                    String path = row.getString("link_path");
                    found.put(
                            path,
                            new OutcomeFigures(
                                    path,
                                    row.getInt("clients"),
                                    row.getInt("changes"),
                                    exact(row.getBigDecimal("sum_of_changes")),
                                    row.getInt("improved"),
                                    row.getInt("stable"),
                                    row.getInt("worsened"),
                                    exact(row.getBigDecimal("sum_of_first")),
                                    exact(row.getBigDecimal("sum_of_last"))));
                }
            }
        }
        return items.stream()
                .map(item -> found.getOrDefault(item.linkPath(), OutcomeFigures.none(item.linkPath())))
                .toList();
    }

    /** The SQL and its parameters in order. */
    record Statement(String sql, List<Object> parameters) {
        Statement {
            Objects.requireNonNull(sql, "sql");
            parameters = List.copyOf(parameters);
        }
    }

    static Statement statement(ScopeFilter scope, Period period, String questionnaireId, List<ScoredItem> items) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Set<String> paths = new HashSet<>();
        for (ScoredItem item : items) {
            if (!paths.add(item.linkPath())) {
                throw new IllegalArgumentException("An item is scored twice: " + item.linkPath());
            }
        }
        Sql sql = new Sql();
        sql.append("WITH measured AS (SELECT r.id AS response_id, r.resident_id, r.authored_at, x.link_path, ")
                .append(DAY)
                .append(" AS day_key, CASE");
        for (ScoredItem item : items) {
            score(sql, item);
        }
        sql.append(" END AS score, ");
        relapse(sql, items);
        sql.append(" AS relapse FROM mw_response r JOIN mw_response_answer x ON x.response_id = r.id")
                .append(scope.whole() ? " LEFT JOIN" : " JOIN")
                .append(" mw_activity a ON a.id = r.activity_id WHERE r.questionnaire_id = ?", questionnaireId)
                .append(" AND r.resident_id IS NOT NULL")
                .append(" AND r.authored_at >= ?", startOfDay(period.start()))
                .append(" AND r.authored_at < ?", startOfDay(period.end()))
                .append(" AND x.value_ordinal = 0 AND x.link_path IN (");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?", items.get(i).linkPath());
        }
        sql.append(")")
                .append(scope.whole() ? " AND (r.activity_id IS NULL OR (" : " AND ((")
                .append(scope.activityCondition(), scope.parameters())
                .append(")))");
        // Newest per day, then first and last, in one pass: the last measurement is the newest of its day anyway,
        // the first is the newest of the earliest day, and "measured on two days" is MIN(day) < MAX(day).
        sql.append(", numbered AS (SELECT resident_id, link_path, day_key, score, relapse,"
                        + " ROW_NUMBER() OVER (PARTITION BY resident_id, link_path"
                        + " ORDER BY day_key, authored_at DESC, response_id DESC) AS from_first,"
                        + " ROW_NUMBER() OVER (PARTITION BY resident_id, link_path"
                        + " ORDER BY authored_at DESC, response_id DESC) AS from_last"
                        + " FROM measured WHERE score IS NOT NULL OR relapse = 1)")
                .append(", first_last AS (SELECT link_path,"
                        + " MAX(CASE WHEN from_first = 1 THEN score END) AS first_score,"
                        + " MAX(CASE WHEN from_first = 1 THEN relapse END) AS first_relapse,"
                        + " MAX(CASE WHEN from_last = 1 THEN score END) AS last_score,"
                        + " MAX(CASE WHEN from_last = 1 THEN relapse END) AS last_relapse"
                        + " FROM numbered GROUP BY resident_id, link_path HAVING MIN(day_key) < MAX(day_key))")
                .append(", outcome AS (SELECT link_path, first_score, last_score,"
                        + " CASE WHEN first_relapse = 0 AND last_relapse = 0 THEN last_score - first_score END"
                        + " AS delta,"
                        + " CASE WHEN first_relapse = 0 AND last_relapse = 0 THEN"
                        + " (CASE WHEN last_score > first_score THEN 1 WHEN last_score < first_score THEN -1"
                        + " ELSE 0 END)"
                        + " WHEN first_relapse = 0 THEN -1"
                        + " WHEN last_relapse = 0 THEN 1"
                        + " ELSE 0 END AS direction"
                        + " FROM first_last)")
                .append(" SELECT link_path, COUNT(*) AS clients, COUNT(delta) AS changes,"
                        + " SUM(delta) AS sum_of_changes,"
                        + " SUM(CASE WHEN direction > 0 THEN 1 ELSE 0 END) AS improved,"
                        + " SUM(CASE WHEN direction = 0 THEN 1 ELSE 0 END) AS stable,"
                        + " SUM(CASE WHEN direction < 0 THEN 1 ELSE 0 END) AS worsened,"
                        + " SUM(CASE WHEN delta IS NOT NULL THEN first_score END) AS sum_of_first,"
                        + " SUM(CASE WHEN delta IS NOT NULL THEN last_score END) AS sum_of_last"
                        + " FROM outcome GROUP BY link_path");
        return new Statement(sql.text.toString(), sql.parameters);
    }

    /** One branch of the score: the answer's number on this item's scale, or nothing. */
    private static void score(Sql sql, ScoredItem item) {
        sql.append(" WHEN x.link_path = ? THEN CASE", item.linkPath());
        if (item.mapping() instanceof Numeric numeric) {
            // A whole number as the store writes it (digits; a decimal never in exponent form here), cast only then.
            sql.append(" WHEN (x.value_type = 'integer' OR (x.value_type = 'decimal' AND x.value_text NOT LIKE '%E%'))"
                            + " AND CHAR_LENGTH(x.value_text) <= 20 THEN CASE WHEN ")
                    .append(VALUE)
                    .append(" BETWEEN CAST(? AS " + NUMBER + ")", numeric.min())
                    .append(" AND CAST(? AS " + NUMBER + ")", numeric.max())
                    .append(" THEN ")
                    .append(VALUE)
                    .append(" END");
        } else {
            Coded coded = (Coded) item.mapping();
            sql.append(" WHEN x.value_type = 'code' THEN CASE x.value_text");
            coded.scores().forEach((code, score) -> sql.append(" WHEN ?", code)
                    .append(" THEN CAST(? AS " + NUMBER + ")", BigDecimal.valueOf(score)));
            sql.append(" END");
        }
        sql.append(" END");
    }

    /** 1 for an answer that is a relapse on its item's scale, else 0. */
    private static void relapse(Sql sql, List<ScoredItem> items) {
        List<ScoredItem> withRelapse = items.stream()
                .filter(item -> item.mapping() instanceof Coded coded
                        && !coded.relapse().isEmpty())
                .toList();
        if (withRelapse.isEmpty()) {
            sql.append("0");
            return;
        }
        sql.append("CASE WHEN x.value_type = 'code' AND (");
        for (int i = 0; i < withRelapse.size(); i++) {
            ScoredItem item = withRelapse.get(i);
            sql.append(i == 0 ? "(x.link_path = ?" : " OR (x.link_path = ?", item.linkPath())
                    .append(" AND x.value_text IN (");
            List<String> codes =
                    ((Coded) item.mapping()).relapse().stream().sorted().toList();
            for (int j = 0; j < codes.size(); j++) {
                sql.append(j == 0 ? "?" : ", ?", codes.get(j));
            }
            sql.append("))");
        }
        sql.append(") THEN 1 ELSE 0 END");
    }

    /** Midnight at the start of the day in Amsterdam, as the instant to compare {@code authored_at} with. */
    static OffsetDateTime startOfDay(java.time.LocalDate day) {
        return day.atStartOfDay(AMSTERDAM).toOffsetDateTime();
    }

    /** The sum as the exact number it is, without the trailing zeros of the computation type. */
    private static BigDecimal exact(BigDecimal sum) {
        if (sum == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = sum.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** SQL text with its parameters, appended together so that they stay in order. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Sql append(String fragment) {
            text.append(fragment);
            return this;
        }

        Sql append(String fragment, Object parameter) {
            text.append(fragment);
            parameters.add(parameter);
            return this;
        }

        Sql append(String fragment, List<Object> fragmentParameters) {
            text.append(fragment);
            parameters.addAll(fragmentParameters);
            return this;
        }
    }
}
