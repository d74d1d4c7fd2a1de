package nl.meerwaarde.kpi.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The vocabulary of formulas: every field a KPI may count, sum, average, filter or break down by. A formula names
 * fields only from this list ({@code participation.grade}); how each maps to tables and columns is the compiler's
 * business, so no formula ever carries SQL.
 */
enum Field {
    SIGNAL_ID("signal.id", Entity.SIGNAL, Kind.ID),
    SIGNAL_TYPE("signal.type", Entity.SIGNAL, Kind.CODE),
    SIGNAL_ANSWERED("signal.answered", Entity.SIGNAL, Kind.BOOLEAN),
    SIGNAL_RESIDENT("signal.resident", Entity.SIGNAL, Kind.RESIDENT),
    ACTIVITY_ID("activity.id", Entity.ACTIVITY, Kind.ID),
    ACTIVITY_TARGET_GROUP("activity.targetGroup", Entity.ACTIVITY, Kind.CODE_SET),
    ACTIVITY_PARTNER("activity.partner", Entity.ACTIVITY, Kind.CODE_SET),
    ACTIVITY_FUNDER("activity.funder", Entity.ACTIVITY, Kind.CODE),
    ACTIVITY_BUDGET_HOURS("activity.budgetHours", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_BUDGET_EUROS("activity.budgetEuros", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_ACTUAL_HOURS("activity.actualHours", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_ACTUAL_EUROS("activity.actualEuros", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_ANON_PARTICIPANTS("activity.anonParticipants", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_ANON_MEASURED("activity.anonMeasured", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_ANON_HELPED("activity.anonHelped", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_INDIVIDUAL_QUESTIONS("activity.individualQuestions", Entity.ACTIVITY, Kind.NUMBER),
    ACTIVITY_REFERRER_SATISFACTION("activity.referrerSatisfaction", Entity.ACTIVITY, Kind.NUMBER),
    /** Derived: a measured participation exists, or anonymous measured counts above 0. */
    ACTIVITY_MEASURED_ANY("activity.measuredAny", Entity.ACTIVITY, Kind.BOOLEAN),
    PARTICIPATION_ID("participation.id", Entity.PARTICIPATION, Kind.ID),
    PARTICIPATION_RESIDENT("participation.resident", Entity.PARTICIPATION, Kind.RESIDENT),
    PARTICIPATION_MEASURED("participation.measured", Entity.PARTICIPATION, Kind.BOOLEAN),
    PARTICIPATION_HELPED("participation.helped", Entity.PARTICIPATION, Kind.BOOLEAN),
    PARTICIPATION_GRADE("participation.grade", Entity.PARTICIPATION, Kind.NUMBER),
    DIMENSION_CODE("dimension.code", Entity.DIMENSION, Kind.CODE),
    DIMENSION_RESIDENT("dimension.resident", Entity.DIMENSION, Kind.RESIDENT),
    REFERRAL_PARTNER("referral.partner", Entity.REFERRAL, Kind.CODE),
    REFERRAL_RESIDENT("referral.resident", Entity.REFERRAL, Kind.RESIDENT);

    /** What a field holds, which decides what a formula may do with it. */
    enum Kind {
        ID,
        RESIDENT,
        CODE,
        /** Several codes per row (an activity's target groups): a breakdown counts the row in each. */
        CODE_SET,
        BOOLEAN,
        NUMBER
    }

    private final String path;
    private final Entity entity;
    private final Kind kind;

    Field(String path, Entity entity, Kind kind) {
        this.path = path;
        this.entity = entity;
        this.kind = kind;
    }

    String path() {
        return path;
    }

    Entity entity() {
        return entity;
    }

    Kind kind() {
        return kind;
    }

    static Optional<Field> of(String path) {
        return Arrays.stream(values()).filter(field -> field.path.equals(path)).findFirst();
    }

    /** A value that can be averaged or summed. */
    boolean numeric() {
        return kind == Kind.NUMBER;
    }

    /**
     * A value a KPI can be broken down by: its groups. Of the ids only the activity's (KPIs 12 and 22 are per
     * activity): a breakdown per signal or participation would be a figure per person, not a KPI.
     */
    boolean groups() {
        return kind == Kind.CODE || kind == Kind.CODE_SET || this == ACTIVITY_ID;
    }
}
