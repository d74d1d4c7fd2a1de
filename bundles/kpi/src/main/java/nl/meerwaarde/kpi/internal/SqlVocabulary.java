package nl.meerwaarde.kpi.internal;

import java.util.Optional;

/**
 * Where each entity and field of the formula vocabulary lives in the store's tables. This class and {@link ScopeSql}
 * are the only places that name tables and columns; every identifier in the engine's SQL comes from here, every value
 * is a bound parameter.
 *
 * <p>Aliases: {@code s} signal, {@code a} activity, {@code p} participation, {@code d} dimension, {@code r} referral.
 */
final class SqlVocabulary {
    private SqlVocabulary() {}

    /** The rows of an entity, joined to the activity they belong to (signals stand alone). */
    static String from(Entity entity) {
        return switch (entity) {
            case SIGNAL -> "mw_signal s";
            case ACTIVITY -> "mw_activity a";
            case PARTICIPATION -> "mw_participation p JOIN mw_activity a ON a.id = p.activity_id";
            case DIMENSION ->
                "mw_participation_dimension d JOIN mw_participation p ON p.id = d.participation_id"
                        + " JOIN mw_activity a ON a.id = p.activity_id";
            case REFERRAL ->
                "mw_participation_referral r JOIN mw_participation p ON p.id = r.participation_id"
                        + " JOIN mw_activity a ON a.id = p.activity_id";
        };
    }

    /** The date that puts a row in a period: a signal's registration day, otherwise its activity's first day. */
    static String periodColumn(Entity entity) {
        return entity == Entity.SIGNAL ? "s.registered_on" : "a.starts_on";
    }

    /** The team a row belongs to: a signal's own, otherwise its activity's. */
    static String teamColumn(Entity entity) {
        return entity == Entity.SIGNAL ? "s.team_id" : "a.team_id";
    }

    /** The month ({@code yyyymm}) of a row's {@link #periodColumn(Entity) date}, the same on H2 and PostgreSQL. */
    static String monthOf(Entity entity) {
        String date = periodColumn(entity);
        return "CAST(EXTRACT(YEAR FROM " + date + ") * 100 + EXTRACT(MONTH FROM " + date + ") AS INT)";
    }

    /** The column (or derived expression) of a field with one value per row; empty for a set of codes. */
    static Optional<String> column(Field field) {
        return Optional.ofNullable(
                switch (field) {
                    case SIGNAL_ID -> "s.id";
                    case SIGNAL_TYPE -> "s.signal_type";
                    case SIGNAL_ANSWERED -> "s.answered";
                    case SIGNAL_RESIDENT -> "s.resident_id";
                    case ACTIVITY_ID -> "a.id";
                    case ACTIVITY_FUNDER -> "a.funder_id";
                    case ACTIVITY_BUDGET_HOURS -> "a.budget_hours";
                    case ACTIVITY_BUDGET_EUROS -> "a.budget_euros";
                    case ACTIVITY_ACTUAL_HOURS -> "a.actual_hours";
                    case ACTIVITY_ACTUAL_EUROS -> "a.actual_euros";
                    case ACTIVITY_ANON_PARTICIPANTS -> "a.anon_participants";
                    case ACTIVITY_ANON_MEASURED -> "a.anon_measured";
                    case ACTIVITY_ANON_HELPED -> "a.anon_helped";
                    case ACTIVITY_INDIVIDUAL_QUESTIONS -> "a.individual_questions";
                    case ACTIVITY_REFERRER_SATISFACTION -> "a.referrer_satisfaction";
                    case ACTIVITY_MEASURED_ANY ->
                        "(EXISTS (SELECT 1 FROM mw_participation mp"
                                + " WHERE mp.activity_id = a.id AND mp.measured) OR COALESCE(a.anon_measured, 0) > 0)";
                    case PARTICIPATION_ID -> "p.id";
                    case PARTICIPATION_RESIDENT, DIMENSION_RESIDENT, REFERRAL_RESIDENT -> "p.resident_id";
                    case PARTICIPATION_MEASURED -> "p.measured";
                    case PARTICIPATION_HELPED -> "p.helped";
                    case PARTICIPATION_GRADE -> "p.grade";
                    case DIMENSION_CODE -> "d.dimension";
                    case REFERRAL_PARTNER -> "r.partner";
                    case ACTIVITY_TARGET_GROUP, ACTIVITY_PARTNER -> null;
                });
    }

    /** A set of codes per activity: its table and code column, keyed by {@code activity_id}. */
    record CodeSet(String table, String column) {}

    static CodeSet codeSet(Field field) {
        return switch (field) {
            case ACTIVITY_TARGET_GROUP -> new CodeSet("mw_activity_target_group", "target_group");
            case ACTIVITY_PARTNER -> new CodeSet("mw_activity_partner", "partner");
            default -> throw new IllegalArgumentException("not a set of codes: " + field.path());
        };
    }

    /** The field whose count is the number of rows of an entity: to find the groups a breakdown lists. */
    static Field rowField(Entity entity) {
        return switch (entity) {
            case SIGNAL -> Field.SIGNAL_ID;
            case ACTIVITY -> Field.ACTIVITY_ID;
            case PARTICIPATION -> Field.PARTICIPATION_ID;
            case DIMENSION -> Field.DIMENSION_CODE;
            case REFERRAL -> Field.REFERRAL_PARTNER;
        };
    }

    /** Anonymous counts: summed, they count people, so a sum of them rests on that many people. */
    static boolean anonymousCount(Field field) {
        return field == Field.ACTIVITY_ANON_PARTICIPANTS
                || field == Field.ACTIVITY_ANON_MEASURED
                || field == Field.ACTIVITY_ANON_HELPED;
    }
}
