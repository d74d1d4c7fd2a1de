package nl.meerwaarde.kpi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.meerwaarde.kpi.internal.Formula.Condition;

/**
 * Compiles an {@link AggregateRequest} for a scope and period to one parameterised {@code SELECT} over the store's
 * tables: the group key (when grouped), the aggregate, and the number of values it was computed from.
 *
 * <pre>
 * SELECT g.target_group, COUNT(DISTINCT p.resident_id), COUNT(DISTINCT p.resident_id)
 * FROM mw_participation p JOIN mw_activity a ON a.id = p.activity_id
 *      JOIN mw_activity_target_group g ON g.activity_id = a.id
 * WHERE a.starts_on &gt;= ? AND a.starts_on &lt; ? AND a.team_id = ? AND p.helped = ?
 * GROUP BY g.target_group
 * </pre>
 */
final class AggregateSql {
    private static final String GROUP_ALIAS = "g";

    private AggregateSql() {}

    /** The statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
        Statement {
            parameters = List.copyOf(parameters);
        }
    }

    static Statement compile(
            AggregateRequest request, ScopeFilter activities, ScopeFilter signals, Object from, Object to) {
        Formula.Aggregate aggregate = request.aggregate();
        Entity entity = aggregate.field().entity();
        ScopeFilter scope = entity == Entity.SIGNAL ? signals : activities;
        List<Object> parameters = new ArrayList<>();

        StringBuilder sql = new StringBuilder("SELECT ");
        Optional<String> key = request.group().map(AggregateSql::groupKey);
        key.ifPresent(k -> sql.append(k).append(", "));
        String column = SqlVocabulary.column(aggregate.field())
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot aggregate " + aggregate.field().path()));
        switch (aggregate.function()) {
            case COUNT ->
                sql.append("COUNT(")
                        .append(column)
                        .append("), COUNT(")
                        .append(column)
                        .append(')');
            case COUNT_DISTINCT ->
                sql.append("COUNT(DISTINCT ")
                        .append(column)
                        .append("), COUNT(DISTINCT ")
                        .append(column)
                        .append(')');
            case SUM, MEAN ->
                sql.append("SUM(")
                        .append(column)
                        .append("), COUNT(")
                        .append(column)
                        .append(')');
        }
        sql.append(" FROM ").append(SqlVocabulary.from(entity));
        request.group().filter(group -> group.kind() == Field.Kind.CODE_SET).ifPresent(group -> {
            SqlVocabulary.CodeSet set = SqlVocabulary.codeSet(group);
            sql.append(" JOIN ")
                    .append(set.table())
                    .append(' ')
                    .append(GROUP_ALIAS)
                    .append(" ON ")
                    .append(GROUP_ALIAS)
                    .append(".activity_id = a.id");
        });
        String period = SqlVocabulary.periodColumn(entity);
        sql.append(" WHERE ").append(period).append(" >= ? AND ").append(period).append(" < ?");
        parameters.add(from);
        parameters.add(to);
        sql.append(" AND ").append(scope.activityCondition());
        parameters.addAll(scope.parameters());
        for (Condition condition : aggregate.where()) {
            sql.append(" AND ").append(condition(condition, parameters));
        }
        key.ifPresent(k -> sql.append(" GROUP BY ").append(k));
        return new Statement(sql.toString(), parameters);
    }

    private static String groupKey(Field group) {
        if (group.kind() == Field.Kind.CODE_SET) {
            return GROUP_ALIAS + "." + SqlVocabulary.codeSet(group).column();
        }
        return SqlVocabulary.column(group)
                .orElseThrow(() -> new IllegalArgumentException("cannot group by " + group.path()));
    }

    /** A condition as SQL; its value, if any, is added to the parameters. */
    static String condition(Condition condition, List<Object> parameters) {
        Field field = condition.field();
        Formula.Test test = condition.test();
        if (field.kind() == Field.Kind.CODE_SET) {
            SqlVocabulary.CodeSet set = SqlVocabulary.codeSet(field);
            String exists = "EXISTS (SELECT 1 FROM " + set.table() + " c WHERE c.activity_id = a.id";
            if (test instanceof Formula.Present) {
                return exists + ")";
            }
            if (test instanceof Formula.Absent) {
                return "NOT " + exists + ")";
            }
            if (test instanceof Formula.EqualsCode code) {
                parameters.add(code.code());
                return exists + " AND c." + set.column() + " = ?)";
            }
            throw new IllegalArgumentException("no such condition on " + field.path());
        }
        String column = SqlVocabulary.column(field).orElseThrow();
        if (test instanceof Formula.Present) {
            return column + " IS NOT NULL";
        }
        if (test instanceof Formula.Absent) {
            return column + " IS NULL";
        }
        if (test instanceof Formula.IsTrue isTrue) {
            parameters.add(isTrue.value());
            return column + " = ?";
        }
        if (test instanceof Formula.EqualsCode code) {
            parameters.add(code.code());
            return column + " = ?";
        }
        throw new IllegalArgumentException("@group only in quotes");
    }
}
