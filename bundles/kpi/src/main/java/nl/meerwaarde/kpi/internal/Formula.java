package nl.meerwaarde.kpi.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI's formula as the engine reads it (docs/kpi-engine.md): a measure, optionally broken down by a field, and for
 * a KPI that tells as well as counts, which quotes go with each figure.
 *
 * @param quotes the conditions that pick the quotes of a figure's participations; empty when the KPI has none
 */
record Formula(Measure measure, Optional<Field> by, Optional<List<Condition>> quotes) {
    Formula {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(by, "by");
        quotes = quotes.map(List::copyOf);
    }

    /** What is computed: one aggregate, or a combination of them. */
    sealed interface Measure {}

    /** The measures a measure is made of directly (none for an aggregate or a ref). */
    static List<Measure> parts(Measure measure) {
        if (measure instanceof Plus plus) {
            return plus.parts();
        }
        if (measure instanceof Ratio ratio) {
            return List.of(ratio.of(), ratio.to());
        }
        if (measure instanceof MeanOverActivities mean) {
            return List.of(mean.of());
        }
        return List.of();
    }

    enum Function {
        COUNT("count"),
        COUNT_DISTINCT("countDistinct"),
        SUM("sum"),
        MEAN("mean");

        final String key;

        Function(String key) {
            this.key = key;
        }
    }

    /** One aggregate over the rows of the field's entity that meet every condition, in the scope and period. */
    record Aggregate(Function function, Field field, List<Condition> where) implements Measure {
        Aggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(field, "field");
            where = List.copyOf(where);
        }
    }

    /** Parts added up, e.g. known participants plus anonymous counts; no value only when every part has none. */
    record Plus(List<Measure> parts) implements Measure {
        Plus {
            parts = List.copyOf(parts);
        }
    }

    /** {@code times × of / to}; no value when {@code to} is 0 or has none. */
    record Ratio(Measure of, Measure to, BigDecimal times) implements Measure {
        Ratio {
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(times, "times");
        }
    }

    /** The measure per activity first, then the mean over the activities that have a value and meet the conditions. */
    record MeanOverActivities(Measure of, List<Condition> where) implements Measure {
        MeanOverActivities {
            Objects.requireNonNull(of, "of");
            where = List.copyOf(where);
        }
    }

    /** The measure of another KPI (one without a breakdown), so that e.g. a percentage uses exactly its count. */
    record Ref(String kpiId) implements Measure {
        Ref {
            Objects.requireNonNull(kpiId, "kpiId");
        }
    }

    /**
     * An instrument outcome (kpis.md C) of a questionnaire's scored items, one figure per item: residents with a
     * baseline and a follow-up, the mean change, or the share improved, stable or worsened. Only a whole formula, never
     * part of another measure; its breakdown per item is implicit.
     */
    record Outcome(Statistic statistic, String questionnaire) implements Measure {
        Outcome {
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(questionnaire, "questionnaire");
        }
    }

    /** What an outcome formula tells per item. */
    enum Statistic {
        CLIENTS("clients"),
        /** The mean first score of the residents whose change is a number: where they started. */
        BASELINE("baseline"),
        /** The mean last score of those residents: where they are now. */
        LATEST("latest"),
        MEAN_CHANGE("meanChange"),
        IMPROVED("improved"),
        STABLE("stable"),
        WORSENED("worsened");

        final String key;

        Statistic(String key) {
            this.key = key;
        }
    }

    /** A condition on a field: the rows counted must meet it. */
    record Condition(Field field, Test test) {
        Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(test, "test");
        }
    }

    /** What a condition tests. */
    sealed interface Test {}

    record IsTrue(boolean value) implements Test {}

    record Present() implements Test {}

    record Absent() implements Test {}

    record EqualsCode(String code) implements Test {
        EqualsCode {
            Objects.requireNonNull(code, "code");
        }
    }

    /** In {@code quotes}: the field equals the group of the figure the quotes go with. */
    record IsGroup() implements Test {}
}
