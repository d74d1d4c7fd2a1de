package nl.meerwaarde.kpi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.kpi.internal.Formula.Condition;

/**
 * The quotes that go with a KPI's figures: those of the participations in scope and period that meet the quote
 * conditions, per group when a condition is {@code @group} (KPI 15: the quotes of the participations that reported
 * the dimension), at most a fixed number per group, newest activity first. Reading quotes is the one place where
 * rows reach Java, and only this bounded number.
 */
final class QuoteSql {
    private QuoteSql() {}

    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = List.copyOf(parameters);
        }
    }

    static Statement compile(List<Condition> conditions, ScopeFilter scope, LocalDate from, LocalDate to, int limit) {
        List<Object> parameters = new ArrayList<>();
        Optional<Field> group = conditions.stream()
                .filter(condition -> condition.test() instanceof Formula.IsGroup)
                .map(Condition::field)
                .findFirst();
        boolean dimensions = conditions.stream().anyMatch(c -> c.field().entity() == Entity.DIMENSION);
        boolean referrals = conditions.stream().anyMatch(c -> c.field().entity() == Entity.REFERRAL);
        String key = group.map(QuoteSql::key).orElse("NULL");

        // DISTINCT: a participation with two dimensions (or referrals) would otherwise bring its quote twice
        StringBuilder found = new StringBuilder("SELECT DISTINCT ")
                .append(key)
                .append(" AS quote_group, q.quote AS quote_text, a.starts_on AS starts_on, p.id AS participation_id,")
                .append(" q.ordinal AS quote_ordinal")
                .append(" FROM mw_participation_quote q JOIN mw_participation p ON p.id = q.participation_id")
                .append(" JOIN mw_activity a ON a.id = p.activity_id");
        if (dimensions) {
            found.append(" JOIN mw_participation_dimension d ON d.participation_id = p.id");
        }
        if (referrals) {
            found.append(" JOIN mw_participation_referral r ON r.participation_id = p.id");
        }
        group.filter(field -> field.kind() == Field.Kind.CODE_SET).ifPresent(field -> {
            SqlVocabulary.CodeSet set = SqlVocabulary.codeSet(field);
            found.append(" JOIN ").append(set.table()).append(" g ON g.activity_id = a.id");
        });
        found.append(" WHERE a.starts_on >= ? AND a.starts_on < ? AND ").append(scope.activityCondition());
        parameters.add(from);
        parameters.add(to);
        parameters.addAll(scope.parameters());
        for (Condition condition : conditions) {
            if (!(condition.test() instanceof Formula.IsGroup)) {
                found.append(" AND ").append(AggregateSql.condition(condition, parameters));
            }
        }
        String ranked = "SELECT quote_group, quote_text, ROW_NUMBER() OVER (PARTITION BY quote_group"
                + " ORDER BY starts_on DESC, participation_id, quote_ordinal) AS quote_rank FROM (" + found + ") found";
        String sql = "SELECT quote_group, quote_text FROM (" + ranked
                + ") ranked WHERE quote_rank <= ? ORDER BY quote_group, quote_rank";
        parameters.add(limit);
        return new Statement(sql, parameters);
    }

    private static String key(Field field) {
        if (field.kind() == Field.Kind.CODE_SET) {
            return "g." + SqlVocabulary.codeSet(field).column();
        }
        return SqlVocabulary.column(field).orElseThrow();
    }
}
