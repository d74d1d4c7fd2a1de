package nl.meerwaarde.kpi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.kpi.internal.Formula.Condition;

/**
 * The quotes that go with a KPI's figures: those of the participations in scope and period that meet the quote
 * conditions, newest activity first, at most a fixed number. With an {@code @group} condition (KPI 15: the quotes of
 * the participations that reported the dimension) one statement per group, with the group as a bound value, so the
 * database can stop after that number instead of ranking every quote of the period. Conditions on a participation's
 * dimensions or referrals are {@code EXISTS} tests, so a participation with two dimensions brings its quote once.
 * Reading quotes is the one place where rows reach Java, and only this bounded number.
 */
final class QuoteSql {
    private QuoteSql() {}

    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = List.copyOf(parameters);
        }
    }

    /** The field of the {@code @group} condition, if any. */
    static Optional<Field> groupField(List<Condition> conditions) {
        return conditions.stream()
                .filter(condition -> condition.test() instanceof Formula.IsGroup)
                .map(Condition::field)
                .findFirst();
    }

    /**
     * The quotes for one group (the {@code @group} condition bound to it), or for the whole figure when {@code group}
     * is empty (then there must be no {@code @group} condition).
     */
    static Statement compile(
            List<Condition> conditions,
            Optional<String> group,
            ScopeFilter scope,
            LocalDate from,
            LocalDate to,
            int limit) {
        List<Condition> bound = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition.test() instanceof Formula.IsGroup) {
                bound.add(new Condition(
                        condition.field(),
                        new Formula.EqualsCode(
                                group.orElseThrow(() -> new IllegalArgumentException("@group needs a group")))));
            } else {
                bound.add(condition);
            }
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT q.quote FROM mw_participation_quote q")
                .append(" JOIN mw_participation p ON p.id = q.participation_id")
                .append(" JOIN mw_activity a ON a.id = p.activity_id")
                .append(" WHERE a.starts_on >= ? AND a.starts_on < ? AND ")
                .append(scope.activityCondition());
        parameters.add(from);
        parameters.add(to);
        parameters.addAll(scope.parameters());
        List<Condition> dimensions = new ArrayList<>();
        List<Condition> referrals = new ArrayList<>();
        for (Condition condition : bound) {
            Entity entity = condition.field().entity();
            if (entity == Entity.DIMENSION) {
                dimensions.add(condition);
            } else if (entity == Entity.REFERRAL) {
                referrals.add(condition);
            } else {
                sql.append(" AND ").append(condition(condition, parameters));
            }
        }
        exists(sql, "mw_participation_dimension d", "d", dimensions, parameters);
        exists(sql, "mw_participation_referral r", "r", referrals, parameters);
        sql.append(" ORDER BY a.starts_on DESC, p.id, q.ordinal FETCH FIRST ? ROWS ONLY");
        parameters.add(limit);
        return new Statement(sql.toString(), parameters);
    }

    /** Conditions on the rows of a child table, all on one row of it. */
    private static void exists(
            StringBuilder sql, String table, String alias, List<Condition> conditions, List<Object> parameters) {
        if (conditions.isEmpty()) {
            return;
        }
        sql.append(" AND EXISTS (SELECT 1 FROM ")
                .append(table)
                .append(" WHERE ")
                .append(alias)
                .append(".participation_id = p.id");
        for (Condition condition : conditions) {
            sql.append(" AND ").append(condition(condition, parameters));
        }
        sql.append(')');
    }

    /** A condition as SQL; an activity id compared as the uuid it is. */
    private static String condition(Condition condition, List<Object> parameters) {
        if (condition.field() == Field.ACTIVITY_ID && condition.test() instanceof Formula.EqualsCode code) {
            parameters.add(UUID.fromString(code.code()));
            return "a.id = ?";
        }
        return AggregateSql.condition(condition, parameters);
    }
}
