package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.kpi.internal.Formula.Aggregate;
import nl.meerwaarde.kpi.internal.Formula.Measure;

/**
 * The computation of some KPIs for one scope and period on one connection. The database computes every aggregate
 * (one statement per distinct {@link AggregateRequest}, shared between KPIs); this class combines their results
 * exactly: known plus anonymous, ratios, means of means.
 */
final class Computation {
    /** Quotes per figure at most; newest activities first. */
    static final int QUOTES_PER_FIGURE = 50;

    private final Connection connection;
    private final ScopeFilter activities;
    private final ScopeFilter signals;
    private final LocalDate from;
    private final LocalDate to;
    private final Period period;
    private final Scope scope;
    private final Function<String, Formula> formulas;
    private final Map<AggregateRequest, Map<String, Partial>> results = new HashMap<>();
    private final Map<RefKey, Figure> refs = new HashMap<>();
    private int statements;
    /** The span the maintained aggregates answer for, if they do for this scope and period. */
    private final Optional<MaintainedAggregates.Span> maintained;

    private int fromMaintained;
    /** The keys of the requests whose kept parts are current in this snapshot; read on first need. */
    private Set<String> current;

    /** A referenced KPI's figure for a group: computed once, however often it is referred to. */
    private record RefKey(String kpiId, Optional<Field> group, String key) {}

    /**
     * @param formulas the formula of a KPI by id, for {@code ref}s (the definitions were checked on load: every ref
     *     leads to a KPI without a breakdown, without cycles)
     */
    Computation(Connection connection, Scope scope, Period period, Function<String, Formula> formulas) {
        this(connection, scope, period, formulas, Optional.empty());
    }

    /**
     * @param maintained the span of scope and period when the maintained aggregates may answer (those of every month
     *     in it that is unchanged since it was kept), otherwise empty: every aggregate from the rows
     */
    Computation(
            Connection connection,
            Scope scope,
            Period period,
            Function<String, Formula> formulas,
            Optional<MaintainedAggregates.Span> maintained) {
        this.maintained = maintained;
        this.connection = connection;
        this.activities = ScopeSql.activities(scope);
        this.signals = ScopeSql.signals(scope);
        this.from = period.start();
        this.to = period.end();
        this.period = period;
        this.scope = scope;
        this.formulas = formulas;
    }

    /** The figures of a formula: one, or one per group of its breakdown, ordered by group. */
    Map<String, Figure> figures(Formula formula) throws SQLException {
        if (formula.by().isEmpty()) {
            return Map.of(AggregateRequest.WHOLE, figure(formula.measure(), Optional.empty(), AggregateRequest.WHOLE));
        }
        Field by = formula.by().get();
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String group : groups(by)) {
            figures.put(group, figure(formula.measure(), Optional.of(by), group));
        }
        return figures;
    }

    /**
     * The quotes per group (or under {@link AggregateRequest#WHOLE}) of a formula that has them: with an {@code @group}
     * condition those of each of the given groups (the figures' groups), one statement per group.
     */
    Map<String, List<String>> quotes(Formula formula, Collection<String> groups) throws SQLException {
        if (formula.quotes().isEmpty()) {
            return Map.of();
        }
        List<Formula.Condition> conditions = formula.quotes().get();
        Map<String, List<String>> quotes = new TreeMap<>();
        if (QuoteSql.groupField(conditions).isEmpty()) {
            quotes.put(AggregateRequest.WHOLE, quotes(conditions, Optional.empty()));
            return quotes;
        }
        for (String group : groups) {
            List<String> found = quotes(conditions, Optional.of(group));
            if (!found.isEmpty()) {
                quotes.put(group, found);
            }
        }
        return quotes;
    }

    /**
     * The newest quotes, looked for in windows that go back from the end of the period and double in length (a
     * month, two, four...): the newest month usually has enough, and a small window lets the database use the
     * scope's index on (team, first day) instead of sorting the quotes of the whole period.
     */
    private List<String> quotes(List<Formula.Condition> conditions, Optional<String> group) throws SQLException {
        List<String> quotes = new ArrayList<>();
        LocalDate end = to;
        int months = 1;
        while (end.isAfter(from) && quotes.size() < QUOTES_PER_FIGURE) {
            LocalDate start = end.minusMonths(months);
            if (start.isBefore(from)) {
                start = from;
            }
            QuoteSql.Statement statement =
                    QuoteSql.compile(conditions, group, activities, start, end, QUOTES_PER_FIGURE - quotes.size());
            try (PreparedStatement prepared = prepare(statement.sql(), statement.parameters());
                    ResultSet rows = prepared.executeQuery()) {
                while (rows.next()) {
                    quotes.add(rows.getString(1));
                }
            }
            end = start;
            months *= 2;
        }
        return quotes;
    }

    /** The outcome figures of a questionnaire's scored items in scope and period, one statement. */
    List<OutcomeFigures> outcomes(OutcomeScale scale) throws SQLException {
        statements++;
        return OutcomeQuery.compute(connection, activities, period, scale.questionnaireId(), scale.items());
    }

    Scope scope() {
        return scope;
    }

    Period period() {
        return period;
    }

    /** How many statements ran (for tests and the benchmark). */
    int statements() {
        return statements;
    }

    /** How many requests the maintained aggregates answered (for tests and the benchmark). */
    int fromMaintained() {
        return fromMaintained;
    }

    /** Every group of a breakdown that occurs among the rows of its entity in scope and period (sorted). */
    private TreeSet<String> groups(Field by) throws SQLException {
        return new TreeSet<>(partials(groupsRequest(by)).keySet());
    }

    /** The request whose groups are those of a breakdown: the rows of its entity, counted per group. */
    static AggregateRequest groupsRequest(Field by) {
        Field rows = SqlVocabulary.rowField(by.entity());
        return new AggregateRequest(new Aggregate(Formula.Function.COUNT, rows, List.of()), Optional.of(by));
    }

    /**
     * How an aggregate is grouped for a figure of a group: by the grouping field when its rows belong to that
     * field's entity, otherwise not (the same value for every group).
     */
    static Optional<Field> grouping(Aggregate aggregate, Optional<Field> group) {
        return group.filter(field -> aggregate.field().entity().reaches(field.entity()));
    }

    /** The activities a mean over activities runs over: those in scope and period that meet its conditions. */
    static AggregateRequest selectionRequest(Formula.MeanOverActivities mean) {
        Aggregate selection = new Aggregate(Formula.Function.COUNT, Field.ACTIVITY_ID, mean.where());
        return new AggregateRequest(selection, Optional.of(Field.ACTIVITY_ID));
    }

    private Figure figure(Measure measure, Optional<Field> group, String key) throws SQLException {
        if (measure instanceof Aggregate aggregate) {
            return aggregate(aggregate, group, key);
        }
        if (measure instanceof Formula.Plus plus) {
            return plus(plus, group, key);
        }
        if (measure instanceof Formula.Ratio ratio) {
            return ratio(ratio, group, key);
        }
        if (measure instanceof Formula.MeanOverActivities mean) {
            return meanOverActivities(mean);
        }
        if (measure instanceof Formula.Ref ref) {
            RefKey at = new RefKey(ref.kpiId(), group, key);
            Figure known = refs.get(at);
            if (known == null) {
                known = figure(formulas.apply(ref.kpiId()).measure(), group, key);
                refs.put(at, known);
            }
            return known;
        }
        // outcomes are whole formulas (KpiEngineComponent computes them) and no ref may lead to one
        throw new IllegalStateException("not a measure of registrations: " + measure);
    }

    /**
     * An aggregate for a group: grouped when its rows belong to the grouping field's entity, otherwise the same
     * value for every group (KPI 15: the residents measured are the denominator of every dimension).
     */
    private Figure aggregate(Aggregate aggregate, Optional<Field> group, String key) throws SQLException {
        Optional<Field> grouping = grouping(aggregate, group);
        Partial partial = partials(new AggregateRequest(aggregate, grouping))
                .get(grouping.isPresent() ? key : AggregateRequest.WHOLE);
        long values = partial == null ? 0 : partial.values();
        BigDecimal value = partial == null ? BigDecimal.ZERO : partial.value();
        return switch (aggregate.function()) {
            case COUNT, COUNT_DISTINCT -> Figure.of(Exact.of(value), values);
            case SUM -> {
                if (values == 0) {
                    yield Figure.none();
                }
                Exact sum = Exact.of(value);
                yield Figure.of(sum, SqlVocabulary.anonymousCount(aggregate.field()) ? sum.longValueExact() : values);
            }
            case MEAN -> {
                if (values == 0) {
                    yield Figure.none();
                }
                Exact sum = Exact.of(value);
                Exact count = Exact.of(values);
                yield new Figure(sum.dividedBy(count), values, sum, count, null, null);
            }
        };
    }

    private Figure plus(Formula.Plus plus, Optional<Field> group, String key) throws SQLException {
        Exact total = null;
        long n = 0;
        Exact known = Exact.ZERO;
        Exact anonymous = Exact.ZERO;
        boolean anyKnown = false;
        boolean anyAnonymous = false;
        for (Measure part : plus.parts()) {
            Figure figure = figure(part, group, key);
            n += figure.n();
            boolean anonymousPart =
                    part instanceof Aggregate aggregate && SqlVocabulary.anonymousCount(aggregate.field());
            anyAnonymous |= anonymousPart;
            anyKnown |= !anonymousPart;
            if (figure.hasValue()) {
                total = total == null ? figure.value() : total.plus(figure.value());
                if (anonymousPart) {
                    anonymous = anonymous.plus(figure.value());
                } else {
                    known = known.plus(figure.value());
                }
            }
        }
        if (anyKnown && anyAnonymous && total != null && known.terminates() && anonymous.terminates()) {
            return new Figure(total, n, null, null, known.longValueExact(), anonymous.longValueExact());
        }
        return total == null ? new Figure(null, n, null, null, null, null) : Figure.of(total, n);
    }

    private Figure ratio(Formula.Ratio ratio, Optional<Field> group, String key) throws SQLException {
        Figure of = figure(ratio.of(), group, key);
        Figure to = figure(ratio.to(), group, key);
        if (!of.hasValue() || !to.hasValue() || to.value().isZero()) {
            return new Figure(null, to.n(), null, null, null, null);
        }
        Exact value = Exact.of(ratio.times()).times(of.value()).dividedBy(to.value());
        return new Figure(value, to.n(), of.value(), to.value(), null, null);
    }

    /**
     * The measure per activity (the activities in scope and period that meet the conditions), then the plain mean
     * of those that have a value. The per-activity values are grouped results of the database, one row per activity.
     */
    private Figure meanOverActivities(Formula.MeanOverActivities mean) throws SQLException {
        Map<String, Partial> selected = partials(selectionRequest(mean));
        Exact sum = Exact.ZERO;
        long count = 0;
        for (String activity : selected.keySet()) {
            Figure figure = figure(mean.of(), Optional.of(Field.ACTIVITY_ID), activity);
            if (figure.hasValue()) {
                sum = sum.plus(figure.value());
                count++;
            }
        }
        if (count == 0) {
            return Figure.none();
        }
        Exact denominator = Exact.of(count);
        return new Figure(sum.dividedBy(denominator), count, sum, denominator, null, null);
    }

    private Map<String, Partial> partials(AggregateRequest request) throws SQLException {
        Map<String, Partial> known = results.get(request);
        if (known != null) {
            return known;
        }
        if (maintained.isPresent() && MaintainedAggregates.keeps(request)) {
            if (current == null) {
                statements += 2;
                current = MaintainedAggregates.current(connection, maintained.get());
            }
            if (current.contains(MaintainedAggregates.key(request))) {
                statements++;
                Optional<Map<String, Partial>> kept =
                        MaintainedAggregates.values(connection, request, maintained.get());
                if (kept.isPresent()) {
                    fromMaintained++;
                    results.put(request, kept.get());
                    return kept.get();
                }
            }
        }
        AggregateSql.Statement statement = AggregateSql.compile(request, activities, signals, from, to);
        Map<String, Partial> partials = new HashMap<>();
        boolean grouped = request.group().isPresent();
        try (PreparedStatement prepared = prepare(statement.sql(), statement.parameters());
                ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                int column = grouped ? 2 : 1;
                String key = grouped ? rows.getString(1) : AggregateRequest.WHOLE;
                if (key == null) {
                    continue; // a row without a value of the breakdown field is in no group
                }
                BigDecimal value = rows.getBigDecimal(column);
                partials.put(key, new Partial(value == null ? BigDecimal.ZERO : value, rows.getLong(column + 1)));
            }
        }
        results.put(request, partials);
        return partials;
    }

    private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
        statements++;
        PreparedStatement prepared = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            return prepared;
        } catch (SQLException e) {
            prepared.close();
            throw e;
        }
    }
}
