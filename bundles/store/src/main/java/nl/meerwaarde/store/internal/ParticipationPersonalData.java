package nl.meerwaarde.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.PersonalDataHandler;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Subject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Access (AVG art. 15) and erasure (AVG art. 17) of what the store holds on one resident.
 *
 * <p><b>Export</b> returns four sections of plain values: {@code signals} about the resident, the resident's
 * {@code participations} with their impact measurements and referrals, the resident's questionnaire {@code
 * responses} (instrument measurements, self-scans) with questionnaire id, version and answers, and the {@code
 * auditEvents} about the resident in Meerwaarde's own audit table (events that went to the host's audit sink are
 * the host's to export).
 *
 * <p><b>Erase</b> anonymises rather than deletes, so that activity and KPI counts still add up, in one
 * transaction:
 *
 * <ul>
 *   <li>the resident's participations lose every free text (reason for "helped", grade explanation, worker
 *       observation, quotes); what is counted stays: measured, helped, grade, dimensions, referrals;
 *   <li>the signals about the resident lose the referrer's question (free text);
 *   <li>the resident's questionnaire responses lose every free text (answer values of type {@code string});
 *       choice codes, booleans, numbers and dates stay, so instrument scores and counted answers (impact
 *       dimensions, ZRM levels) still count; a response the resident authored (self-scan) is marked as authored
 *       by {@code resident:<marker>};
 *   <li>the resident's host id is replaced on all of them by one new random marker {@code erased-<uuid>}, the
 *       same for all of this resident's records, so that counts of distinct residents stay right; the marker is
 *       kept nowhere else, so nothing leads back to the resident.
 * </ul>
 *
 * <p>Audit events are kept: they record who saw or changed the data, contain no content, and are the evidence
 * of lawful processing (and of this erasure). Both an export and an erasure are themselves audited.
 */
@Component(name = "nl.meerwaarde.store.personaldata", service = PersonalDataHandler.class)
public final class ParticipationPersonalData implements PersonalDataHandler {
    static final String CATEGORY = "participations";
    static final String ERASED_PREFIX = "erased-";

    private final Jdbc jdbc;
    private final AuditTrail auditTrail;
    private final JdbcSignalStore signals;
    private final JdbcActivityStore activities;
    private final JdbcResponseStore responses;
    private final Clock clock;

    @Activate
    public ParticipationPersonalData(
            @Reference(name = "database") MigratedDatabase database,
            @Reference(name = "auditTrail") AuditTrail auditTrail) {
        this(database, auditTrail, Clock.systemUTC());
    }

    ParticipationPersonalData(MigratedDatabase database, AuditTrail auditTrail, Clock clock) {
        this.jdbc = database.jdbc();
        this.auditTrail = auditTrail;
        this.signals = new JdbcSignalStore(database);
        this.activities = new JdbcActivityStore(database);
        this.responses = new JdbcResponseStore(database);
        this.clock = clock;
    }

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    public Map<String, Object> export(ResidentId resident, Subject requestedBy) {
        Map<String, Object> export = jdbc.read("export the personal data of a resident", connection -> {
            Map<String, Object> sections = new LinkedHashMap<>();
            sections.put(
                    "signals",
                    signals.about(connection, resident).stream()
                            .map(ParticipationPersonalData::signal)
                            .toList());
            sections.put(
                    "participations",
                    activities.participationsOf(connection, resident).stream()
                            .map(ParticipationPersonalData::participation)
                            .toList());
            sections.put(
                    "responses",
                    responses.ofResident(connection, resident).stream()
                            .map(ParticipationPersonalData::response)
                            .toList());
            sections.put(
                    "auditEvents",
                    JdbcAuditTrail.about(connection, resident).stream()
                            .map(ParticipationPersonalData::auditEvent)
                            .toList());
            return sections;
        });
        audit("export", resident, requestedBy);
        return export;
    }

    /** The columns of a participation besides its id, copied to its new id. */
    private static final String PARTICIPATION_COPY = "activity_id, resident_id, measured, helped, helped_reason,"
            + " grade, grade_explanation, worker_observation";

    /** The tables whose rows belong to a participation, by their column naming it. */
    private static final Map<String, String> PARTICIPATION_CHILDREN = Map.of(
            "mw_participation_dimension", "participation_id",
            "mw_participation_quote", "participation_id",
            "mw_participation_referral", "participation_id");

    private static final String SIGNAL_COPY =
            "team_id, registered_on, signal_type, referrer, question, answered, resident_id, activity_id";

    private static final Map<String, String> SIGNAL_CHILDREN = Map.of("mw_signal_target_group", "signal_id");

    /**
     * Gives every row of the resident in the table a new random id, moving its child rows along, and records the
     * former id in {@code mw_erased_record}. Ids are primary keys that child rows refer to, so a row is copied to
     * its new id, its children moved, and the old row deleted.
     */
    private void rekey(
            Connection connection, String table, String columns, Map<String, String> children, ResidentId resident)
            throws SQLException {
        List<UUID> ids = Jdbc.query(
                connection,
                "SELECT id FROM " + table + " WHERE resident_id = ?",
                p -> p.string(resident.value()),
                row -> row.getObject(1, UUID.class));
        java.time.Instant now = clock.instant();
        for (UUID former : ids) {
            UUID fresh = UUID.randomUUID();
            Jdbc.update(connection, "INSERT INTO mw_erased_record (id, erased_at) VALUES (?, ?)", p -> p.uuid(former)
                    .timestamp(now));
            Jdbc.update(
                    connection,
                    "INSERT INTO " + table + " (id, " + columns + ") SELECT ?, " + columns + " FROM " + table
                            + " WHERE id = ?",
                    p -> p.uuid(fresh).uuid(former));
            for (Map.Entry<String, String> child : new java.util.TreeMap<>(children).entrySet()) {
                Jdbc.update(
                        connection,
                        "UPDATE " + child.getKey() + " SET " + child.getValue() + " = ? WHERE " + child.getValue()
                                + " = ?",
                        p -> p.uuid(fresh).uuid(former));
            }
            Jdbc.update(connection, "DELETE FROM " + table + " WHERE id = ?", p -> p.uuid(former));
        }
    }

    /** What an audit event about an erased record points at instead of the record's id. */
    static final String ERASED_OBJECT = "erased";

    /** How {@code Subject.auditName()} names a resident (the author of a self-scan). */
    static final String RESIDENT_AUTHOR = "resident:";

    @Override
    public int erase(ResidentId resident, Subject requestedBy) {
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(requestedBy, "requestedBy");
        String marker = ERASED_PREFIX + UUID.randomUUID();
        int erased = jdbc.transaction("erase the personal data of a resident", connection -> {
            // New random ids first: an imported record's id derives from its key in the source system, which would
            // lead from there to the anonymised figures, and a re-import would write the erased data back. The
            // former ids are kept (without anything else) so that an import refuses them.
            rekey(connection, "mw_participation", PARTICIPATION_COPY, PARTICIPATION_CHILDREN, resident);
            rekey(connection, "mw_signal", SIGNAL_COPY, SIGNAL_CHILDREN, resident);
            Jdbc.update(
                    connection,
                    "DELETE FROM mw_participation_quote WHERE participation_id IN"
                            + " (SELECT id FROM mw_participation WHERE resident_id = ?)",
                    p -> p.string(resident.value()));
            int participations = Jdbc.update(
                    connection,
                    "UPDATE mw_participation SET resident_id = ?, helped_reason = NULL, grade_explanation = NULL,"
                            + " worker_observation = NULL WHERE resident_id = ?",
                    p -> p.string(marker).string(resident.value()));
            // The resident keeps his or her number under the new id: the KPI engine's bitmaps of residents stay
            // right and no longer lead to the host's id.
            Jdbc.update(
                    connection,
                    "UPDATE mw_resident_number SET resident_id = ? WHERE resident_id = ?",
                    p -> p.string(marker).string(resident.value()));
            int signalCount = Jdbc.update(
                    connection,
                    "UPDATE mw_signal SET resident_id = ?, question = NULL WHERE resident_id = ?",
                    p -> p.string(marker).string(resident.value()));
            // Only free text: codes, like numbers, are counted data.
            Jdbc.update(
                    connection,
                    "DELETE FROM mw_response_answer WHERE value_type = ? AND response_id IN"
                            + " (SELECT id FROM mw_response WHERE resident_id = ?)",
                    p -> p.string(JdbcResponseStore.STRING).string(resident.value()));
            Jdbc.update(connection, "UPDATE mw_response SET authored_by = ? WHERE authored_by = ?", p -> p.string(
                            RESIDENT_AUTHOR + marker)
                    .string(RESIDENT_AUTHOR + resident.value()));
            int responseCount = Jdbc.update(
                    connection, "UPDATE mw_response SET resident_id = ? WHERE resident_id = ?", p -> p.string(marker)
                            .string(resident.value()));
            // The audit trail keeps who did what and when, but no longer points at the anonymised records:
            // their ids would lead straight back from the resident to the figures that are no longer his or hers.
            Jdbc.update(
                    connection,
                    "UPDATE mw_audit_event SET object_id = ? WHERE resident_id = ?"
                            + " AND object_type IN ('participation', 'signal', 'response', 'measurement')",
                    p -> p.string(ERASED_OBJECT).string(resident.value()));
            return participations + signalCount + responseCount;
        });
        audit("erase", resident, requestedBy);
        return erased;
    }

    private void audit(String action, ResidentId resident, Subject requestedBy) {
        auditTrail.record(new AuditEvent(
                clock.instant(), requestedBy.auditName(), action, "resident", resident.value(), resident));
    }

    private static Map<String, Object> signal(Signal signal) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", signal.id().toString());
        values.put("team", signal.team().value());
        values.put("registeredOn", signal.registeredOn().toString());
        values.put("type", signal.type());
        values.put("targetGroups", sorted(signal.targetGroups()));
        values.put("referrer", signal.referrer());
        values.put("question", signal.question());
        values.put("answered", signal.answered());
        values.put("activity", signal.activity().map(ActivityId::toString).orElse(null));
        return values;
    }

    private static Map<String, Object> participation(Participation participation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", participation.id().toString());
        values.put("activity", participation.activity().toString());
        values.put("measured", participation.measurement().isPresent());
        participation.measurement().ifPresent(measurement -> values.put("measurement", measurement(measurement)));
        values.put("referrals", sorted(participation.referrals()));
        return values;
    }

    private static Map<String, Object> measurement(ImpactMeasurement measurement) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("helped", measurement.helped());
        values.put("helpedReason", measurement.helpedReason().orElse(null));
        values.put("grade", measurement.grade().orElse(null));
        values.put("gradeExplanation", measurement.gradeExplanation().orElse(null));
        values.put("dimensions", sorted(measurement.dimensions()));
        values.put("quotes", measurement.quotes());
        values.put("workerObservation", measurement.workerObservation().orElse(null));
        return values;
    }

    private static Map<String, Object> response(QuestionnaireResponse response) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", response.id().toString());
        values.put("questionnaire", response.questionnaire().id());
        values.put("version", response.questionnaire().version());
        values.put("activity", response.activity().map(ActivityId::toString).orElse(null));
        values.put("authored", response.authored().toString());
        values.put("authoredBy", response.authoredBy());
        values.put(
                "answers",
                response.answers().stream()
                        .map(answer -> Map.of(
                                "linkId",
                                answer.linkId(),
                                "values",
                                answer.values().stream()
                                        .map(ParticipationPersonalData::plain)
                                        .toList()))
                        .toList());
        return values;
    }

    /** A value as plain JSON-able data: booleans, numbers and texts as they are, codes as such, dates as ISO text. */
    private static Object plain(Object value) {
        if (value instanceof Coding coding) {
            return coding.code();
        }
        return value instanceof Boolean || value instanceof Number || value instanceof String
                ? value
                : value.toString();
    }

    private static Map<String, Object> auditEvent(AuditEvent event) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("at", event.at().toString());
        values.put("actor", event.actor());
        values.put("action", event.action());
        values.put("objectType", event.objectType());
        values.put("objectId", event.objectId());
        return values;
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return List.copyOf(list);
    }
}
