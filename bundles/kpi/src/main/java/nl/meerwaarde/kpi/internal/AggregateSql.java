package nl.meerwaarde.kpi.internal;

import java.util.ArrayList;
import java.util.List;
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

    /** What a statement selects before the aggregate: nothing, or the team and month of the rows. */
    enum Shape {
        /** {@code [group,] aggregate, values}. */
        PLAIN,
        /** {@code team, month, [group,] aggregate, values}: the parts the maintained aggregates keep. */
        BY_MONTH,
        /** {@code team, month, [group,] resident number}, once per distinct resident: for bitmaps of residents. */
        RESIDENTS_BY_MONTH
    }

    static Statement compile(
            AggregateRequest request, ScopeFilter activities, ScopeFilter signals, Object from, Object to) {
        return compile(request, activities, signals, from, to, Shape.PLAIN);
    }

    static Statement compile(
            AggregateRequest request,
            ScopeFilter activities,
            ScopeFilter signals,
            Object from,
            Object to,
            Shape shape) {
        Formula.Aggregate aggregate = request.aggregate();
        Entity entity = aggregate.field().entity();
        List<Object> parameters = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (shape != Shape.PLAIN) {
            keys.add(SqlVocabulary.teamColumn(entity));
            keys.add(SqlVocabulary.monthOf(entity));
        }
        request.group().map(AggregateSql::groupKey).ifPresent(keys::add);
        String column = column(aggregate);

        StringBuilder sql = new StringBuilder(shape == Shape.RESIDENTS_BY_MONTH ? "SELECT DISTINCT " : "SELECT ");
        keys.forEach(key -> sql.append(key).append(", "));
        if (shape == Shape.RESIDENTS_BY_MONTH) {
            sql.append("n.number");
        } else {
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
        if (shape == Shape.RESIDENTS_BY_MONTH) {
            sql.append(" JOIN mw_resident_number n ON n.resident_id = ").append(column);
        }
        sql.append(" WHERE ").append(rows(aggregate, activities, signals, from, to, parameters));
        if (shape != Shape.RESIDENTS_BY_MONTH && !keys.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        return new Statement(sql.toString(), parameters);
    }

    /**
     * Numbers the residents of an aggregate's rows that have no number yet ({@code mw_resident_number}), so that
     * {@link Shape#RESIDENTS_BY_MONTH} finds every one of them.
     */
    static Statement numberResidents(
            Formula.Aggregate aggregate, ScopeFilter activities, ScopeFilter signals, Object from, Object to) {
        List<Object> parameters = new ArrayList<>();
        String column = column(aggregate);
        String sql = "INSERT INTO mw_resident_number (resident_id) SELECT DISTINCT " + column + " FROM "
                + SqlVocabulary.from(aggregate.field().entity()) + " WHERE "
                + rows(aggregate, activities, signals, from, to, parameters) + " AND " + column
                + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mw_resident_number known WHERE known.resident_id = "
                + column + ")";
        return new Statement(sql, parameters);
    }

    private static String column(Formula.Aggregate aggregate) {
        return SqlVocabulary.column(aggregate.field())
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot aggregate " + aggregate.field().path()));
    }

    /** The rows of an aggregate in scope and period that meet its conditions. */
    private static String rows(
            Formula.Aggregate aggregate,
            ScopeFilter activities,
            ScopeFilter signals,
            Object from,
            Object to,
            List<Object> parameters) {
        Entity entity = aggregate.field().entity();
        ScopeFilter scope = entity == Entity.SIGNAL ? signals : activities;
        String period = SqlVocabulary.periodColumn(entity);
        StringBuilder sql =
                new StringBuilder(period).append(" >= ? AND ").append(period).append(" < ?");
        parameters.add(from);
        parameters.add(to);
        sql.append(" AND ").append(scope.activityCondition());
        parameters.addAll(scope.parameters());
        for (Condition condition : aggregate.where()) {
            sql.append(" AND ").append(condition(condition, parameters));
        }
        return sql.toString();
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
