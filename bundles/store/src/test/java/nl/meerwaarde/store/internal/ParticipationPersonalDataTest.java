package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.host.spi.Worker;
import nl.meerwaarde.host.spi.WorkerId;
import org.junit.jupiter.api.io.TempDir;

class ParticipationPersonalDataTest {
    private static final ResidentId ANNA = ResidentId.of("res-anna");
    private static final ResidentId BOB = ResidentId.of("res-bob");
    private static final Instant NOW = Instant.parse("2025-07-01T09:00:00Z");
    private static final Subject OFFICER = new Subject.WorkerSubject(new Worker(
            new WorkerId("w-privacy"),
            "Privacy Officer",
            Set.of(new TeamId("team-noord")),
            Set.of(Role.ADMINISTRATOR)));

    @TempDir
    Path dir;

    private MigratedDatabase database;
    private JdbcActivityStore activities;
    private JdbcSignalStore signals;
    private JdbcAuditTrail audit;
    private ParticipationPersonalData handler;

    private CollectiveActivity walking;
    private CollectiveActivity cooking;
    private Participation annaWalking;
    private Participation annaCooking;
    private Participation bobWalking;
    private Signal annaSignal;
    private Signal bobSignal;
    private AuditEvent annaRead;
    private JdbcResponseStore responses;
    private QuestionnaireResponse annaScan;
    private QuestionnaireResponse bobScan;
    private QuestionnaireResponse registration;

    private void setUp(Engine engine) {
        database = engine.migrated(dir);
        activities = new JdbcActivityStore(database);
        signals = new JdbcSignalStore(database);
        audit = new JdbcAuditTrail(database);
        handler = new ParticipationPersonalData(database, audit, Clock.fixed(NOW, ZoneOffset.UTC));

        walking = JdbcActivityStoreTest.full();
        cooking = JdbcActivityStoreTest.minimal();
        activities.save(walking);
        activities.save(cooking);
        annaWalking = JdbcActivityStoreTest.measured(walking.id(), ANNA);
        annaCooking = JdbcActivityStoreTest.unmeasured(cooking.id(), ANNA);
        bobWalking = JdbcActivityStoreTest.measured(walking.id(), BOB);
        for (Participation participation : List.of(annaWalking, annaCooking, bobWalking)) {
            activities.saveParticipation(participation);
        }
        annaSignal = JdbcSignalStoreTest.aboutResident(JdbcSignalStoreTest.full(), ANNA);
        bobSignal = JdbcSignalStoreTest.aboutResident(JdbcSignalStoreTest.full(), BOB);
        signals.save(annaSignal);
        signals.save(bobSignal);
        signals.save(JdbcSignalStoreTest.minimal());
        annaRead = new AuditEvent(
                NOW.minusSeconds(3600),
                "worker:w-17",
                "read",
                "participation",
                annaWalking.id().toString(),
                ANNA);
        audit.record(annaRead);

        responses = new JdbcResponseStore(database);
        annaScan = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("impactmeting", 1),
                Optional.of(ANNA),
                Optional.of(walking.id()),
                NOW.minusSeconds(7200),
                "resident:res-anna",
                List.of(
                        answer("geholpen", true),
                        answer("cijfer", new BigDecimal("8")),
                        answer("deelnemers", 3L),
                        answer("datum", LocalDate.of(2025, 6, 30)),
                        answer("toelichting", "Mijn buurman Jan helpt me nu met boodschappen"),
                        answer("dimensies", new Coding("erkend"), new Coding("verbonden")),
                        answer("plan.doelen[1].omschrijving", "Vaker naar buiten", "Samen koken")));
        bobScan = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("impactmeting", 1),
                Optional.of(BOB),
                Optional.of(walking.id()),
                NOW.minusSeconds(7000),
                "worker:w-17",
                List.of(answer("geholpen", false), answer("toelichting", "Bob's eigen woorden")));
        registration = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("activiteit-registratie", 1),
                Optional.empty(),
                Optional.of(walking.id()),
                NOW.minusSeconds(9000),
                "worker:w-17",
                List.of(answer("plan.titel", "Wandelgroep")));
        for (QuestionnaireResponse response : List.of(annaScan, bobScan, registration)) {
            responses.save(response);
        }
        annaScanRead = new AuditEvent(
                NOW.minusSeconds(1800),
                "worker:w-17",
                "read",
                "response",
                annaScan.id().toString(),
                ANNA);
        audit.record(annaScanRead);
    }

    private AuditEvent annaScanRead;

    private static Answer answer(String path, Object... values) {
        return new Answer(path, List.of(values));
    }

    @OnBothDatabases
    void exportsSignalsParticipationsAndAuditEventsOfTheResident(Engine engine) {
        setUp(engine);

        Map<String, Object> export = handler.export(ANNA, OFFICER);

        assertThat(handler.category()).isEqualTo("participations");
        assertThat(export).containsOnlyKeys("signals", "participations", "responses", "auditEvents");
        assertThat(list(export, "signals")).singleElement().satisfies(signal -> assertThat(signal)
                .containsEntry("id", annaSignal.id().toString())
                .containsEntry("team", "team-noord")
                .containsEntry("registeredOn", "2025-03-14")
                .containsEntry("type", "eenzaamheid")
                .containsEntry("targetGroups", List.of("mantelzorgers", "ouderen"))
                .containsEntry("referrer", "huisarts")
                .containsEntry("question", annaSignal.question())
                .containsEntry("answered", true)
                .containsEntry("activity", annaSignal.activity().orElseThrow().toString()));

        List<Map<String, Object>> participations = list(export, "participations");
        assertThat(participations)
                .extracting(p -> p.get("id"))
                .containsExactlyInAnyOrder(
                        annaWalking.id().toString(), annaCooking.id().toString());
        Map<String, Object> walkingExport = participations.stream()
                .filter(p -> p.get("id").equals(annaWalking.id().toString()))
                .findFirst()
                .orElseThrow();
        ImpactMeasurement measurement = annaWalking.measurement().orElseThrow();
        assertThat(walkingExport)
                .containsEntry("activity", walking.id().toString())
                .containsEntry("measured", true)
                .containsEntry("referrals", List.of("Buurtkamer", "Welzijn Ouderen"));
        @SuppressWarnings("unchecked")
        Map<String, Object> measurementExport = (Map<String, Object>) walkingExport.get("measurement");
        assertThat(measurementExport)
                .containsEntry("helped", true)
                .containsEntry("helpedReason", measurement.helpedReason().orElseThrow())
                .containsEntry("grade", 8)
                .containsEntry(
                        "gradeExplanation", measurement.gradeExplanation().orElseThrow())
                .containsEntry("dimensions", List.of("meedoen", "sociale contacten"))
                .containsEntry("quotes", measurement.quotes())
                .containsEntry(
                        "workerObservation", measurement.workerObservation().orElseThrow());

        assertThat(list(export, "responses")).singleElement().satisfies(response -> assertThat(response)
                .containsEntry("id", annaScan.id().toString())
                .containsEntry("questionnaire", "impactmeting")
                .containsEntry("version", 1)
                .containsEntry("activity", walking.id().toString())
                .containsEntry("authored", annaScan.authored().toString())
                .containsEntry("authoredBy", "resident:res-anna")
                .containsEntry(
                        "answers",
                        List.of(
                                Map.of("linkId", "geholpen", "values", List.of(true)),
                                Map.of("linkId", "cijfer", "values", List.of(new BigDecimal("8"))),
                                Map.of("linkId", "deelnemers", "values", List.of(3L)),
                                Map.of("linkId", "datum", "values", List.of("2025-06-30")),
                                Map.of(
                                        "linkId",
                                        "toelichting",
                                        "values",
                                        List.of("Mijn buurman Jan helpt me nu met boodschappen")),
                                Map.of("linkId", "dimensies", "values", List.of("erkend", "verbonden")),
                                Map.of(
                                        "linkId",
                                        "plan.doelen[1].omschrijving",
                                        "values",
                                        List.of("Vaker naar buiten", "Samen koken")))));

        assertThat(list(export, "auditEvents")).first().satisfies(event -> assertThat(event)
                .containsEntry("at", annaRead.at().toString())
                .containsEntry("actor", "worker:w-17")
                .containsEntry("action", "read")
                .containsEntry("objectType", "participation")
                .containsEntry("objectId", annaWalking.id().toString()));

        assertThat(audit.about(ANNA))
                .last()
                .isEqualTo(new AuditEvent(NOW, "worker:w-privacy", "export", "resident", "res-anna", ANNA));
    }

    @OnBothDatabases
    void eraseRemovesFreeTextsAndUnlinksTheResidentButKeepsTheCounts(Engine engine) {
        setUp(engine);
        DataSource dataSource = database.dataSource();
        long participationsBefore = Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation");
        long residentsBefore = Sql.count(dataSource, "SELECT COUNT(DISTINCT resident_id) FROM mw_participation");
        long dimensionsBefore = Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation_dimension");

        int erased = handler.erase(ANNA, OFFICER);

        assertThat(erased).isEqualTo(4);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation"))
                .isEqualTo(participationsBefore);
        assertThat(Sql.count(dataSource, "SELECT COUNT(DISTINCT resident_id) FROM mw_participation"))
                .isEqualTo(residentsBefore);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation_dimension"))
                .isEqualTo(dimensionsBefore);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation WHERE resident_id = ?", ANNA.value()))
                .isZero();
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_signal WHERE resident_id = ?", ANNA.value()))
                .isZero();

        Participation erasedWalking = activities.participations(walking.id()).stream()
                .filter(p -> p.resident().value().startsWith("erased-"))
                .findFirst()
                .orElseThrow();
        ResidentId marker = erasedWalking.resident();
        assertThat(erasedWalking.id())
                .as("a new id: the old one (derived from a key, for an imported record) leads nowhere")
                .isNotEqualTo(annaWalking.id());
        ImpactMeasurement before = annaWalking.measurement().orElseThrow();
        assertThat(erasedWalking)
                .isEqualTo(new Participation(
                        erasedWalking.id(),
                        walking.id(),
                        marker,
                        Optional.of(new ImpactMeasurement(
                                before.helped(),
                                Optional.empty(),
                                before.grade(),
                                Optional.empty(),
                                before.dimensions(),
                                List.of(),
                                Optional.empty())),
                        annaWalking.referrals()));
        assertThat(activities.participations(cooking.id())).singleElement().satisfies(p -> assertThat(p)
                .isEqualTo(new Participation(p.id(), cooking.id(), marker, Optional.empty(), Set.of())));
        assertThat(activities.participations(walking.id())).contains(bobWalking);

        assertThat(signals.find(annaSignal.id())).isEmpty();
        Signal erasedSignal = signals.find(new nl.meerwaarde.api.SignalId(
                        Sql.rows(dataSource, "SELECT id FROM mw_signal WHERE resident_id = ?", marker.value()).stream()
                                .map(row -> (java.util.UUID) row.get("id"))
                                .findFirst()
                                .orElseThrow()))
                .orElseThrow();
        assertThat(erasedSignal.resident()).contains(marker);
        assertThat(erasedSignal.question()).isNull();
        assertThat(erasedSignal.targetGroups()).isEqualTo(annaSignal.targetGroups());
        assertThat(signals.find(bobSignal.id())).contains(bobSignal);

        // responses: the marker replaces the resident (also as self-scan author); the free texts are gone, the
        // counted answers stay: booleans, numbers, dates and the choice codes (the impact dimensions)
        QuestionnaireResponse erasedScan = responses.find(annaScan.id()).orElseThrow();
        assertThat(erasedScan)
                .isEqualTo(new QuestionnaireResponse(
                        annaScan.id(),
                        annaScan.questionnaire(),
                        Optional.of(marker),
                        annaScan.activity(),
                        annaScan.authored(),
                        "resident:" + marker.value(),
                        List.of(
                                answer("geholpen", true),
                                answer("cijfer", new BigDecimal("8")),
                                answer("deelnemers", 3L),
                                answer("datum", LocalDate.of(2025, 6, 30)),
                                answer("dimensies", new Coding("erkend"), new Coding("verbonden")))));
        assertThat(Sql.rows(
                        dataSource,
                        "SELECT value_type, COUNT(*) AS n FROM mw_response_answer WHERE response_id = ?"
                                + " GROUP BY value_type ORDER BY value_type",
                        annaScan.id()))
                .extracting(row -> row.get("value_type") + " " + ((Number) row.get("n")).longValue())
                .containsExactly("boolean 1", "code 2", "date 1", "decimal 1", "integer 1");
        assertThat(responses.ofResident(ANNA, "impactmeting")).isEmpty();
        assertThat(responses.ofActivity(walking.id())).containsExactly(registration, erasedScan, bobScan);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_response_answer WHERE value_text LIKE ?", "%Jan%"))
                .isZero();

        Map<String, Object> afterwards = handler.export(ANNA, OFFICER);
        assertThat(list(afterwards, "signals")).isEmpty();
        assertThat(list(afterwards, "participations")).isEmpty();
        assertThat(list(afterwards, "responses")).isEmpty();
        assertThat(audit.about(ANNA)).extracting(AuditEvent::action).containsExactly("read", "read", "erase", "export");
        assertThat(audit.about(ANNA))
                .as("no audit event leads from the resident to an anonymised record")
                .extracting(AuditEvent::objectId)
                .doesNotContain(
                        annaWalking.id().toString(),
                        annaSignal.id().toString(),
                        annaScan.id().toString());
        assertThat(handler.erase(ANNA, OFFICER)).isZero();

        // the former ids are remembered, so that an import cannot write the erased records back
        JdbcRegistrationBatch batch = new JdbcRegistrationBatch(database);
        assertThat(batch.erased(List.of(
                        annaWalking.id(), annaCooking.id(), annaSignal.id().value(), bobWalking.id())))
                .containsExactlyInAnyOrder(
                        annaWalking.id(), annaCooking.id(), annaSignal.id().value());
        long participations = Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> batch.saveAll(List.of(), List.of(), List.of(annaWalking)))
                .isInstanceOf(RuntimeException.class);
        assertThat(Sql.count(dataSource, "SELECT COUNT(*) FROM mw_participation"))
                .isEqualTo(participations);
        assertThat(activities.participations(walking.id()))
                .extracting(p -> p.resident().value())
                .doesNotContain(ANNA.value());
        assertThat(list(handler.export(BOB, OFFICER), "participations")).hasSize(1);
        assertThat(list(handler.export(BOB, OFFICER), "responses")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> export, String section) {
        return (List<Map<String, Object>>) export.get(section);
    }
}
