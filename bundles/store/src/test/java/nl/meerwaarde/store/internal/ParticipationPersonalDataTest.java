package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
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
    }

    @OnBothDatabases
    void exportsSignalsParticipationsAndAuditEventsOfTheResident(Engine engine) {
        setUp(engine);

        Map<String, Object> export = handler.export(ANNA, OFFICER);

        assertThat(handler.category()).isEqualTo("participations");
        assertThat(export).containsOnlyKeys("signals", "participations", "auditEvents");
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

        assertThat(list(export, "auditEvents")).singleElement().satisfies(event -> assertThat(event)
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

        assertThat(erased).isEqualTo(3);
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
                .filter(p -> p.id().equals(annaWalking.id()))
                .findFirst()
                .orElseThrow();
        ResidentId marker = erasedWalking.resident();
        assertThat(marker.value()).startsWith("erased-");
        ImpactMeasurement before = annaWalking.measurement().orElseThrow();
        assertThat(erasedWalking)
                .isEqualTo(new Participation(
                        annaWalking.id(),
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
        assertThat(activities.participations(cooking.id()))
                .containsExactly(new Participation(annaCooking.id(), cooking.id(), marker, Optional.empty(), Set.of()));
        assertThat(activities.participations(walking.id())).contains(bobWalking);

        Signal erasedSignal = signals.find(annaSignal.id()).orElseThrow();
        assertThat(erasedSignal.resident()).contains(marker);
        assertThat(erasedSignal.question()).isNull();
        assertThat(erasedSignal.targetGroups()).isEqualTo(annaSignal.targetGroups());
        assertThat(signals.find(bobSignal.id())).contains(bobSignal);

        Map<String, Object> afterwards = handler.export(ANNA, OFFICER);
        assertThat(list(afterwards, "signals")).isEmpty();
        assertThat(list(afterwards, "participations")).isEmpty();
        assertThat(audit.about(ANNA)).extracting(AuditEvent::action).containsExactly("read", "erase", "export");
        assertThat(audit.about(ANNA))
                .as("no audit event leads from the resident to an anonymised record")
                .extracting(AuditEvent::objectId)
                .doesNotContain(annaWalking.id().toString(), annaSignal.id().toString());
        assertThat(handler.erase(ANNA, OFFICER)).isZero();
        assertThat(list(handler.export(BOB, OFFICER), "participations")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> export, String section) {
        return (List<Map<String, Object>>) export.get(section);
    }
}
