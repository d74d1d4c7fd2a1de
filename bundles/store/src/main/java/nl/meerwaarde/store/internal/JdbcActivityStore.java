package nl.meerwaarde.store.internal;

import static nl.meerwaarde.store.internal.Jdbc.Columns.instant;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalAmount;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalBoolean;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalDate;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalInt;
import static nl.meerwaarde.store.internal.Jdbc.Columns.optionalString;
import static nl.meerwaarde.store.internal.Jdbc.Columns.uuid;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.ChosenInstrument;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.StageChange;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Collective activities ({@code mw_activity} with {@code mw_activity_target_group} and {@code mw_activity_goal})
 * and participations ({@code mw_participation} with {@code mw_participation_dimension}, {@code
 * mw_participation_quote} and {@code mw_participation_referral}).
 *
 * <p>Each save runs in one transaction: the main row is updated (or inserted when new) and the child rows are
 * replaced, so an aggregate is stored whole or not at all. Saving an activity never touches its participations.
 * Hours and euros are stored with two decimals (rounded half up) and read back without trailing zeros ({@code
 * 12.50} comes back as {@code 12.5}). Participations of an activity are listed by resident id, then id.
 *
 * <p>Stage changes ({@code mw_activity_stage_change}) are written by {@link #changeStage} together with the
 * activity's new stage, in one transaction, guarded by the stage the caller saw ({@code ... WHERE stage = ?}), so
 * that of two workers moving the same activity at once only the first succeeds.
 */
@Component(name = "nl.meerwaarde.store.activities", service = ActivityStore.class)
public final class JdbcActivityStore implements ActivityStore {
    private static final String ACTIVITY_COLUMNS = "a.id, a.team_id, a.title, a.stage, a.funder_id, a.starts_on,"
            + " a.budget_registered, a.budget_hours, a.budget_euros, a.actual_registered, a.actual_hours,"
            + " a.actual_euros, a.anon_participants, a.anon_measured, a.anon_helped, a.individual_questions,"
            + " a.referrer_satisfaction, a.analysis, a.instrument, a.instrument_other, a.sessions, a.lessons_learned";
    private static final String PARTICIPATION_COLUMNS = "p.id, p.activity_id, p.resident_id, p.measured, p.helped,"
            + " p.helped_reason, p.grade, p.grade_explanation, p.worker_observation";

    /** Which participations to read: a condition on {@code mw_participation p} with one parameter. */
    private enum ParticipationsOf {
        ACTIVITY("p.activity_id = ?"),
        RESIDENT("p.resident_id = ?");

        private final String condition;

        ParticipationsOf(String condition) {
            this.condition = condition;
        }
    }

    private final Jdbc jdbc;

    @Activate
    public JdbcActivityStore(@Reference(name = "database") MigratedDatabase database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public void save(CollectiveActivity activity) {
        jdbc.transaction("save activity " + activity.id(), connection -> {
            writeActivities(connection, List.of(activity));
            return null;
        });
    }

    /**
     * Inserts the activities, or replaces those with the same id, with their target groups, goals and partners,
     * on the caller's connection (and transaction), in batches; their participations are not touched. Of two
     * activities with the same id the last is written.
     */
    static void writeActivities(Connection connection, Collection<CollectiveActivity> activities) throws SQLException {
        List<CollectiveActivity> distinct =
                Jdbc.lastById(activities, activity -> activity.id().value());
        Set<RegistrationMonths.TeamMonth> months = RegistrationMonths.ofActivities(
                connection,
                distinct.stream().map(activity -> activity.id().value()).toList());
        for (CollectiveActivity activity : distinct) {
            activity.startsOn()
                    .ifPresent(day -> months.add(
                            RegistrationMonths.TeamMonth.of(activity.team().value(), day)));
        }
        int[] updated = Jdbc.batchCounts(
                connection,
                "UPDATE mw_activity SET team_id = ?, title = ?, stage = ?, funder_id = ?, starts_on = ?,"
                        + " budget_registered = ?, budget_hours = ?, budget_euros = ?, actual_registered = ?,"
                        + " actual_hours = ?, actual_euros = ?, anon_participants = ?, anon_measured = ?,"
                        + " anon_helped = ?, individual_questions = ?, referrer_satisfaction = ?, analysis = ?,"
                        + " instrument = ?, instrument_other = ?, sessions = ?, lessons_learned = ? WHERE id = ?",
                distinct,
                (p, activity, ordinal) ->
                        bindFields(p, activity).uuid(activity.id().value()));
        List<CollectiveActivity> inserted = new ArrayList<>();
        List<UUID> replaced = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (updated[i] == 0) {
                inserted.add(distinct.get(i));
            } else {
                replaced.add(distinct.get(i).id().value());
            }
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_activity (team_id, title, stage, funder_id, starts_on, budget_registered,"
                        + " budget_hours, budget_euros, actual_registered, actual_hours, actual_euros,"
                        + " anon_participants, anon_measured, anon_helped, individual_questions,"
                        + " referrer_satisfaction, analysis, instrument, instrument_other, sessions,"
                        + " lessons_learned, id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserted,
                (p, activity, ordinal) ->
                        bindFields(p, activity).uuid(activity.id().value()));
        for (String child : List.of("mw_activity_target_group", "mw_activity_goal", "mw_activity_partner")) {
            Jdbc.batch(
                    connection,
                    "DELETE FROM " + child + " WHERE activity_id = ?",
                    replaced,
                    (p, id, ordinal) -> p.uuid(id));
        }
        List<Jdbc.Child<String>> partners = new ArrayList<>();
        List<Jdbc.Child<String>> groups = new ArrayList<>();
        List<Jdbc.Child<SmartGoal>> goals = new ArrayList<>();
        for (CollectiveActivity activity : distinct) {
            UUID id = activity.id().value();
            activity.partners().forEach(partner -> partners.add(new Jdbc.Child<>(id, 0, partner)));
            activity.targetGroups().forEach(group -> groups.add(new Jdbc.Child<>(id, 0, group)));
            for (int i = 0; i < activity.goals().size(); i++) {
                goals.add(new Jdbc.Child<>(id, i, activity.goals().get(i)));
            }
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_activity_partner (activity_id, partner) VALUES (?, ?)",
                partners,
                (p, partner, ordinal) -> p.uuid(partner.parent()).string(partner.value()));
        Jdbc.batch(
                connection,
                "INSERT INTO mw_activity_target_group (activity_id, target_group) VALUES (?, ?)",
                groups,
                (p, group, ordinal) -> p.uuid(group.parent()).string(group.value()));
        Jdbc.batch(
                connection,
                "INSERT INTO mw_activity_goal (activity_id, ordinal, description, realisation) VALUES (?, ?, ?, ?)",
                goals,
                (p, goal, ordinal) -> p.uuid(goal.parent())
                        .integer(goal.ordinal())
                        .string(goal.value().description())
                        .string(goal.value().realisation().map(Enum::name).orElse(null)));
        RegistrationMonths.raise(connection, months);
    }

    private static Jdbc.Params bindFields(Jdbc.Params params, CollectiveActivity activity) throws SQLException {
        Optional<AnonymousCounts> anonymous = activity.anonymous();
        return params.string(activity.team().value())
                .string(activity.title())
                .string(activity.stage().name())
                .string(activity.funder().map(FunderId::value).orElse(null))
                .date(activity.startsOn().orElse(null))
                .bool(activity.budget().isPresent())
                .amount(activity.budget().flatMap(Investment::hours).orElse(null))
                .amount(activity.budget().flatMap(Investment::euros).orElse(null))
                .bool(activity.actual().isPresent())
                .amount(activity.actual().flatMap(Investment::hours).orElse(null))
                .amount(activity.actual().flatMap(Investment::euros).orElse(null))
                .integer(anonymous.map(AnonymousCounts::participants).orElse(null))
                .integer(anonymous.map(AnonymousCounts::measured).orElse(null))
                .integer(anonymous.map(AnonymousCounts::helped).orElse(null))
                .integer(activity.individualQuestionsAnswered().orElse(null))
                .integer(activity.referrerSatisfaction().orElse(null))
                .string(activity.analysis().orElse(null))
                .string(activity.instrument().map(ChosenInstrument::code).orElse(null))
                .string(activity.instrument()
                        .flatMap(ChosenInstrument::otherName)
                        .orElse(null))
                .integer(activity.sessions().orElse(null))
                .string(activity.lessonsLearned().orElse(null));
    }

    @Override
    public Optional<CollectiveActivity> find(ActivityId id) {
        return jdbc.read("find activity " + id, connection -> withChildren(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + ACTIVITY_COLUMNS + " FROM mw_activity a WHERE a.id = ?",
                                p -> p.uuid(id.value()),
                                ActivityRow::of))
                .stream()
                .findFirst());
    }

    @Override
    public List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit) {
        return list(teams, Set.of(), offset, limit);
    }

    @Override
    public List<CollectiveActivity> list(Collection<TeamId> teams, Set<Stage> stages, int offset, int limit) {
        Jdbc.requirePaging(offset, limit);
        List<String> teamIds = JdbcSignalStore.teamIds(teams);
        if (teamIds.isEmpty() || limit == 0) {
            return List.of();
        }
        List<String> stageNames = stages.stream().map(Enum::name).sorted().toList();
        String stageCondition =
                stageNames.isEmpty() ? "" : " AND a.stage IN (" + Jdbc.placeholders(stageNames.size()) + ")";
        return jdbc.read(
                "list activities",
                connection -> withChildren(
                        connection,
                        Jdbc.query(
                                connection,
                                "SELECT " + ACTIVITY_COLUMNS + " FROM mw_activity a WHERE a.team_id IN ("
                                        + Jdbc.placeholders(teamIds.size()) + ")" + stageCondition
                                        + " ORDER BY a.starts_on DESC NULLS LAST, a.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                                p -> p.all(teamIds)
                                        .all(stageNames)
                                        .integer(offset)
                                        .integer(limit),
                                ActivityRow::of)));
    }

    @Override
    public Map<Stage, Long> countByStage(Collection<TeamId> teams) {
        List<String> teamIds = JdbcSignalStore.teamIds(teams);
        if (teamIds.isEmpty()) {
            return Map.of();
        }
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        jdbc.read(
                        "count activities by stage",
                        connection -> Jdbc.query(
                                connection,
                                "SELECT stage, COUNT(*) FROM mw_activity WHERE team_id IN ("
                                        + Jdbc.placeholders(teamIds.size()) + ") GROUP BY stage",
                                p -> p.all(teamIds),
                                row -> Map.entry(Stage.valueOf(row.getString(1)), row.getLong(2))))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Override
    public long count(Collection<TeamId> teams) {
        List<String> teamIds = JdbcSignalStore.teamIds(teams);
        if (teamIds.isEmpty()) {
            return 0;
        }
        return jdbc.read("count activities", connection -> Jdbc.queryOne(
                        connection,
                        "SELECT COUNT(*) FROM mw_activity WHERE team_id IN (" + Jdbc.placeholders(teamIds.size()) + ")",
                        p -> p.all(teamIds),
                        row -> row.getLong(1))
                .orElse(0L));
    }

    /** The stored activities among these ids, in no particular order. */
    static List<CollectiveActivity> activitiesWithIds(Connection connection, List<UUID> ids) throws SQLException {
        List<CollectiveActivity> activities = new ArrayList<>();
        for (List<UUID> chunk : Jdbc.chunks(ids, Jdbc.IN_LIST_SIZE)) {
            activities.addAll(withChildren(
                    connection,
                    Jdbc.query(
                            connection,
                            "SELECT " + ACTIVITY_COLUMNS + " FROM mw_activity a WHERE a.id IN ("
                                    + Jdbc.placeholders(chunk.size()) + ")",
                            p -> p.allUuids(chunk),
                            ActivityRow::of)));
        }
        return activities;
    }

    private static List<CollectiveActivity> withChildren(Connection connection, List<ActivityRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(ActivityRow::id).toList();
        String in = Jdbc.placeholders(ids.size());
        Map<UUID, List<String>> groups = Jdbc.grouped(
                connection,
                "SELECT activity_id, target_group FROM mw_activity_target_group WHERE activity_id IN (" + in + ")",
                p -> p.allUuids(ids));
        Map<UUID, List<SmartGoal>> goals = Jdbc.grouped(
                connection,
                "SELECT activity_id, description, realisation FROM mw_activity_goal WHERE activity_id IN (" + in
                        + ") ORDER BY activity_id, ordinal",
                p -> p.allUuids(ids),
                row -> new SmartGoal(
                        row.getString("description"),
                        optionalString(row, "realisation").map(GoalRealisation::valueOf)));
        Map<UUID, List<String>> partners = Jdbc.grouped(
                connection,
                "SELECT activity_id, partner FROM mw_activity_partner WHERE activity_id IN (" + in + ")",
                p -> p.allUuids(ids));
        return rows.stream()
                .map(row -> row.toActivity(
                        Set.copyOf(groups.getOrDefault(row.id(), List.of())),
                        goals.getOrDefault(row.id(), List.of()),
                        Set.copyOf(partners.getOrDefault(row.id(), List.of()))))
                .toList();
    }

    @Override
    public void saveParticipation(Participation participation) {
        jdbc.transaction("save participation " + participation.id(), connection -> {
            writeParticipations(connection, List.of(participation));
            return null;
        });
    }

    @Override
    public void saveMeasurement(Participation participation, QuestionnaireResponse response) {
        List<JdbcResponseStore.AnswerRow> answers = JdbcResponseStore.answerRows(response);
        jdbc.transaction("save the measurement of participation " + participation.id(), connection -> {
            writeParticipations(connection, List.of(participation));
            JdbcResponseStore.write(connection, response, answers);
            return null;
        });
    }

    /**
     * Inserts the participations, or replaces those with the same id, with their dimensions, quotes and
     * referrals, on the caller's connection (and transaction), in batches. Of two participations with the same id
     * the last is written.
     *
     * @throws StoreException when an activity they belong to does not exist (nothing is written then)
     */
    static void writeParticipations(Connection connection, Collection<Participation> participations)
            throws SQLException {
        List<Participation> distinct = Jdbc.lastById(participations, Participation::id);
        requireActivities(connection, distinct);
        Set<RegistrationMonths.TeamMonth> months = RegistrationMonths.ofParticipations(
                connection, distinct.stream().map(Participation::id).toList());
        months.addAll(RegistrationMonths.ofActivities(
                connection,
                distinct.stream()
                        .map(participation -> participation.activity().value())
                        .collect(Collectors.toSet())));
        int[] updated = Jdbc.batchCounts(
                connection,
                "UPDATE mw_participation SET activity_id = ?, resident_id = ?, measured = ?, helped = ?,"
                        + " helped_reason = ?, grade = ?, grade_explanation = ?, worker_observation = ?"
                        + " WHERE id = ?",
                distinct,
                (p, participation, ordinal) -> bindFields(p, participation).uuid(participation.id()));
        List<Participation> inserted = new ArrayList<>();
        List<UUID> replaced = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (updated[i] == 0) {
                inserted.add(distinct.get(i));
            } else {
                replaced.add(distinct.get(i).id());
            }
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_participation (activity_id, resident_id, measured, helped, helped_reason,"
                        + " grade, grade_explanation, worker_observation, id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                inserted,
                (p, participation, ordinal) -> bindFields(p, participation).uuid(participation.id()));
        for (String child :
                List.of("mw_participation_dimension", "mw_participation_quote", "mw_participation_referral")) {
            Jdbc.batch(
                    connection,
                    "DELETE FROM " + child + " WHERE participation_id = ?",
                    replaced,
                    (p, id, ordinal) -> p.uuid(id));
        }
        List<Jdbc.Child<String>> dimensions = new ArrayList<>();
        List<Jdbc.Child<String>> quotes = new ArrayList<>();
        List<Jdbc.Child<String>> referrals = new ArrayList<>();
        for (Participation participation : distinct) {
            UUID id = participation.id();
            participation.measurement().ifPresent(measurement -> {
                measurement.dimensions().forEach(dimension -> dimensions.add(new Jdbc.Child<>(id, 0, dimension)));
                for (int i = 0; i < measurement.quotes().size(); i++) {
                    quotes.add(new Jdbc.Child<>(id, i, measurement.quotes().get(i)));
                }
            });
            participation.referrals().forEach(partner -> referrals.add(new Jdbc.Child<>(id, 0, partner)));
        }
        Jdbc.batch(
                connection,
                "INSERT INTO mw_participation_dimension (participation_id, dimension) VALUES (?, ?)",
                dimensions,
                (p, dimension, ordinal) -> p.uuid(dimension.parent()).string(dimension.value()));
        Jdbc.batch(
                connection,
                "INSERT INTO mw_participation_quote (participation_id, ordinal, quote) VALUES (?, ?, ?)",
                quotes,
                (p, quote, ordinal) ->
                        p.uuid(quote.parent()).integer(quote.ordinal()).string(quote.value()));
        Jdbc.batch(
                connection,
                "INSERT INTO mw_participation_referral (participation_id, partner) VALUES (?, ?)",
                referrals,
                (p, partner, ordinal) -> p.uuid(partner.parent()).string(partner.value()));
        RegistrationMonths.raise(connection, months);
    }

    private static void requireActivities(Connection connection, List<Participation> participations)
            throws SQLException {
        List<UUID> activities = participations.stream()
                .map(participation -> participation.activity().value())
                .distinct()
                .toList();
        Set<UUID> existing = new HashSet<>();
        for (List<UUID> chunk : Jdbc.chunks(activities, Jdbc.IN_LIST_SIZE)) {
            existing.addAll(Jdbc.query(
                    connection,
                    "SELECT id FROM mw_activity WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")",
                    p -> p.allUuids(chunk),
                    row -> uuid(row, "id")));
        }
        for (Participation participation : participations) {
            if (!existing.contains(participation.activity().value())) {
                throw new StoreException("Could not save participation " + participation.id() + ": activity "
                        + participation.activity() + " does not exist");
            }
        }
    }

    private static Jdbc.Params bindFields(Jdbc.Params params, Participation participation) throws SQLException {
        Optional<ImpactMeasurement> measurement = participation.measurement();
        return params.uuid(participation.activity().value())
                .string(participation.resident().value())
                .bool(measurement.isPresent())
                .bool(measurement.map(ImpactMeasurement::helped).orElse(null))
                .string(measurement.flatMap(ImpactMeasurement::helpedReason).orElse(null))
                .integer(measurement.flatMap(ImpactMeasurement::grade).orElse(null))
                .string(measurement.flatMap(ImpactMeasurement::gradeExplanation).orElse(null))
                .string(measurement
                        .flatMap(ImpactMeasurement::workerObservation)
                        .orElse(null));
    }

    @Override
    public List<Participation> participations(ActivityId activity) {
        return jdbc.read(
                "list participations of activity " + activity,
                connection ->
                        participations(connection, ParticipationsOf.ACTIVITY.condition, p -> p.uuid(activity.value())));
    }

    /** The participations of one resident, by activity, then id (for access requests). */
    List<Participation> participationsOf(Connection connection, ResidentId resident) throws SQLException {
        return participations(connection, ParticipationsOf.RESIDENT.condition, p -> p.string(resident.value()));
    }

    /** The stored participations among these ids, by activity, then resident, then id within each part. */
    static List<Participation> participationsWithIds(Connection connection, List<UUID> ids) throws SQLException {
        List<Participation> participations = new ArrayList<>();
        for (List<UUID> chunk : Jdbc.chunks(ids, Jdbc.IN_LIST_SIZE)) {
            String in = " IN (" + Jdbc.placeholders(chunk.size()) + ")";
            participations.addAll(
                    participations(connection, "p.id" + in, "c.participation_id" + in, p -> p.allUuids(chunk)));
        }
        return participations;
    }

    /** Who takes part in these activities: one entry per participation. */
    static List<Participant> participantsOf(Connection connection, List<UUID> activities) throws SQLException {
        List<Participant> participants = new ArrayList<>();
        for (List<UUID> chunk : Jdbc.chunks(activities, Jdbc.IN_LIST_SIZE)) {
            participants.addAll(Jdbc.query(
                    connection,
                    "SELECT id, activity_id, resident_id FROM mw_participation WHERE activity_id IN ("
                            + Jdbc.placeholders(chunk.size()) + ")",
                    p -> p.allUuids(chunk),
                    row -> new Participant(
                            uuid(row, "id"),
                            new ActivityId(uuid(row, "activity_id")),
                            ResidentId.of(row.getString("resident_id")))));
        }
        return participants;
    }

    /** A participation's id, activity and resident. */
    record Participant(UUID id, ActivityId activity, ResidentId resident) {}

    /**
     * The participations matching a condition on {@code mw_participation p}, with their children; the children are
     * selected by the same condition (joined to {@code p}), or by {@code childCondition} on the child table's {@code
     * c.participation_id} when given (faster for a list of ids).
     */
    private static List<Participation> participations(Connection connection, String condition, Jdbc.Binder binder)
            throws SQLException {
        return participations(connection, condition, null, binder);
    }

    private static List<Participation> participations(
            Connection connection, String condition, String childCondition, Jdbc.Binder binder) throws SQLException {
        List<ParticipationRow> rows = Jdbc.query(
                connection,
                "SELECT " + PARTICIPATION_COLUMNS + " FROM mw_participation p WHERE " + condition
                        + " ORDER BY p.activity_id, p.resident_id, p.id",
                binder,
                ParticipationRow::of);
        if (rows.isEmpty()) {
            return List.of();
        }
        String children = childCondition == null
                ? " JOIN mw_participation p ON p.id = c.participation_id WHERE " + condition
                : " WHERE " + childCondition;
        Map<UUID, List<String>> dimensions = Jdbc.grouped(
                connection,
                "SELECT c.participation_id, c.dimension FROM mw_participation_dimension c" + children,
                binder);
        Map<UUID, List<String>> quotes = Jdbc.grouped(
                connection,
                "SELECT c.participation_id, c.quote FROM mw_participation_quote c" + children
                        + " ORDER BY c.participation_id, c.ordinal",
                binder);
        Map<UUID, List<String>> referrals = Jdbc.grouped(
                connection, "SELECT c.participation_id, c.partner FROM mw_participation_referral c" + children, binder);
        List<Participation> participations = new ArrayList<>(rows.size());
        for (ParticipationRow row : rows) {
            participations.add(row.toParticipation(
                    Set.copyOf(dimensions.getOrDefault(row.id(), List.of())),
                    quotes.getOrDefault(row.id(), List.of()),
                    Set.copyOf(referrals.getOrDefault(row.id(), List.of()))));
        }
        return participations;
    }

    @Override
    public void changeStage(StageChange change) {
        UUID id = change.activity().value();
        jdbc.transaction("change the stage of activity " + id, connection -> {
            int updated = Jdbc.update(
                    connection, "UPDATE mw_activity SET stage = ? WHERE id = ? AND stage = ?", p -> p.string(
                                    change.to().name())
                            .uuid(id)
                            .string(change.from().name()));
            if (updated == 0) {
                // nothing was written: the transaction ends without a change
                throw new IllegalStateException("Activity " + id + " is missing or no longer in stage " + change.from()
                        + "; its stage was not changed");
            }
            Jdbc.update(
                    connection,
                    "INSERT INTO mw_activity_stage_change (activity_id, from_stage, to_stage, skipped, reason,"
                            + " changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    p -> p.uuid(id)
                            .string(change.from().name())
                            .string(change.to().name())
                            .string(skippedColumn(change.skipped()))
                            .string(change.reason().orElse(null))
                            .timestamp(change.at())
                            .string(change.by()));
            return null;
        });
    }

    @Override
    public List<StageChange> stageChanges(ActivityId activity) {
        return jdbc.read(
                "list the stage changes of activity " + activity,
                connection -> Jdbc.query(
                        connection,
                        "SELECT from_stage, to_stage, skipped, reason, changed_at, changed_by FROM mw_activity_stage_change"
                                + " WHERE activity_id = ? ORDER BY changed_at, id",
                        p -> p.uuid(activity.value()),
                        row -> new StageChange(
                                activity,
                                Stage.valueOf(row.getString("from_stage")),
                                Stage.valueOf(row.getString("to_stage")),
                                skipped(row.getString("skipped")),
                                optionalString(row, "reason"),
                                instant(row, "changed_at"),
                                row.getString("changed_by"))));
    }

    /** The skipped stages as stored: their names in {@link Stage} order, comma-separated; null for none. */
    static String skippedColumn(Set<Stage> skipped) {
        if (skipped.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(skipped).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Stage> skipped(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String name : column.split(",")) {
            stages.add(Stage.valueOf(name));
        }
        return stages;
    }

    /** A row of {@code mw_activity}, before its target groups and goals are read. */
    private record ActivityRow(
            UUID id,
            String team,
            String title,
            Stage stage,
            Optional<FunderId> funder,
            Optional<LocalDate> startsOn,
            Optional<Investment> budget,
            Optional<Investment> actual,
            Optional<AnonymousCounts> anonymous,
            Optional<Integer> individualQuestionsAnswered,
            Optional<Integer> referrerSatisfaction,
            Optional<String> analysis,
            Optional<ChosenInstrument> instrument,
            Optional<Integer> sessions,
            Optional<String> lessonsLearned) {

        static ActivityRow of(ResultSet row) throws SQLException {
            Optional<Integer> participants = optionalInt(row, "anon_participants");
            Optional<AnonymousCounts> anonymous = participants.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new AnonymousCounts(
                            participants.get(), row.getInt("anon_measured"), row.getInt("anon_helped")));
            return new ActivityRow(
                    uuid(row, "id"),
                    row.getString("team_id"),
                    row.getString("title"),
                    Stage.valueOf(row.getString("stage")),
                    optionalString(row, "funder_id").map(FunderId::new),
                    optionalDate(row, "starts_on"),
                    investment(row, "budget"),
                    investment(row, "actual"),
                    anonymous,
                    optionalInt(row, "individual_questions"),
                    optionalInt(row, "referrer_satisfaction"),
                    optionalString(row, "analysis"),
                    instrument(row),
                    optionalInt(row, "sessions"),
                    optionalString(row, "lessons_learned"));
        }

        private static Optional<ChosenInstrument> instrument(ResultSet row) throws SQLException {
            Optional<String> code = optionalString(row, "instrument");
            if (code.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ChosenInstrument(code.get(), optionalString(row, "instrument_other")));
        }

        private static Optional<Investment> investment(ResultSet row, String prefix) throws SQLException {
            if (!row.getBoolean(prefix + "_registered")) {
                return Optional.empty();
            }
            return Optional.of(
                    new Investment(optionalAmount(row, prefix + "_hours"), optionalAmount(row, prefix + "_euros")));
        }

        CollectiveActivity toActivity(Set<String> targetGroups, List<SmartGoal> goals, Set<String> partners) {
            return new CollectiveActivity(
                    new ActivityId(id),
                    new TeamId(team),
                    title,
                    stage,
                    targetGroups,
                    funder,
                    startsOn,
                    budget,
                    actual,
                    anonymous,
                    individualQuestionsAnswered,
                    referrerSatisfaction,
                    goals,
                    analysis,
                    instrument,
                    partners,
                    sessions,
                    lessonsLearned);
        }
    }

    /** A row of {@code mw_participation}, before its dimensions, quotes and referrals are read. */
    private record ParticipationRow(
            UUID id,
            UUID activity,
            String resident,
            boolean measured,
            Optional<Boolean> helped,
            Optional<String> helpedReason,
            Optional<Integer> grade,
            Optional<String> gradeExplanation,
            Optional<String> workerObservation) {

        static ParticipationRow of(ResultSet row) throws SQLException {
            return new ParticipationRow(
                    uuid(row, "id"),
                    uuid(row, "activity_id"),
                    row.getString("resident_id"),
                    row.getBoolean("measured"),
                    optionalBoolean(row, "helped"),
                    optionalString(row, "helped_reason"),
                    optionalInt(row, "grade"),
                    optionalString(row, "grade_explanation"),
                    optionalString(row, "worker_observation"));
        }

        Participation toParticipation(Set<String> dimensions, List<String> quotes, Set<String> referrals) {
            Optional<ImpactMeasurement> measurement = measured
                    ? Optional.of(new ImpactMeasurement(
                            helped.orElseThrow(() -> new StoreException(
                                    "Participation " + id + " is measured but has no 'helped' answer")),
                            helpedReason,
                            grade,
                            gradeExplanation,
                            dimensions,
                            quotes,
                            workerObservation))
                    : Optional.empty();
            return new Participation(id, new ActivityId(activity), ResidentId.of(resident), measurement, referrals);
        }
    }
}
