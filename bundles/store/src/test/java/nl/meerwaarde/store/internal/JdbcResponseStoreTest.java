package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.io.TempDir;

class JdbcResponseStoreTest {
    static final ResidentId ANNA = ResidentId.of("res-anna");
    static final Instant AUTHORED = Instant.parse("2025-05-06T10:15:30.123456Z");

    @TempDir
    Path dir;

    static Answer answer(String path, Object... values) {
        return new Answer(path, Arrays.asList(values));
    }

    /** A response with a value of every type, nested and repeating paths, and answers out of alphabetical order. */
    static QuestionnaireResponse everyType(Optional<ResidentId> resident, Optional<ActivityId> activity) {
        return new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("activiteit-registratie", 2),
                resident,
                activity,
                AUTHORED,
                "worker:w-17",
                List.of(
                        answer("plan.titel", "Wandelgroep De Horst"),
                        answer("plan.doelen[0].omschrijving", "Twintig deelnemers"),
                        answer("plan.doelen[1].omschrijving", "Zij kennen twee buurtgenoten; \"citaat\" 'x' -- é ✓"),
                        answer("plan.doelen[1].gerealiseerd", true),
                        answer("plan.doelen[0].gerealiseerd", false),
                        answer("uitvoering.uren", new BigDecimal("12.50")),
                        answer("uitvoering.euro", new BigDecimal("1E+3")),
                        answer("uitvoering.fractie", new BigDecimal("0.0000001")),
                        answer("uitvoering.negatief", new BigDecimal("-3.25")),
                        answer("uitvoering.deelnemers", 40L),
                        answer("uitvoering.groot", Long.MAX_VALUE, Long.MIN_VALUE, 0L),
                        answer("uitvoering.start", LocalDate.of(2025, 2, 3)),
                        answer("uitvoering.data", LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 10)),
                        answer("plan.doelgroepen", new Coding("ouderen"), new Coding("eenzamen")),
                        answer("plan.meetinstrument", new Coding("zrm-2017")),
                        answer("plan.leeg"),
                        answer("plan.lege-tekst", "")));
    }

    @OnBothDatabases
    void aMeasurementIsSavedWithItsResponseOrNotAtAll(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore activities = new JdbcActivityStore(database);
        JdbcResponseStore store = new JdbcResponseStore(database);
        CollectiveActivity activity = JdbcActivityStoreTest.full();
        activities.save(activity);
        Participation measured = JdbcActivityStoreTest.measured(activity.id(), ANNA);
        QuestionnaireResponse response = everyType(Optional.of(ANNA), Optional.of(activity.id()));

        activities.saveMeasurement(measured, response);

        assertThat(activities.participations(activity.id())).containsExactly(measured);
        assertThat(store.find(response.id())).isPresent();

        // An answer path longer than its column makes the response's insert fail after the participation's.
        Participation other = JdbcActivityStoreTest.measured(activity.id(), ResidentId.of("res-bob"));
        QuestionnaireResponse tooLong = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("impactmeting", 1),
                Optional.of(ResidentId.of("res-bob")),
                Optional.of(activity.id()),
                AUTHORED,
                "worker:w-17",
                List.of(answer("x".repeat(1_000), true)));

        assertThatThrownBy(() -> activities.saveMeasurement(other, tooLong)).isInstanceOf(StoreException.class);

        assertThat(activities.participations(activity.id())).containsExactly(measured);
        assertThat(store.find(tooLong.id())).isEmpty();
    }

    @OnBothDatabases
    void roundTripsEveryValueTypeExactly(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore activities = new JdbcActivityStore(database);
        JdbcResponseStore store = new JdbcResponseStore(database);
        CollectiveActivity activity = JdbcActivityStoreTest.full();
        activities.save(activity);
        QuestionnaireResponse withEverything = everyType(Optional.of(ANNA), Optional.of(activity.id()));
        QuestionnaireResponse bare = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("zrm-2017", 1),
                Optional.empty(),
                Optional.empty(),
                AUTHORED,
                "resident:res-anna",
                List.of());

        store.save(withEverything);
        store.save(bare);

        QuestionnaireResponse read = store.find(withEverything.id()).orElseThrow();
        assertThat(read).isEqualTo(withEverything);
        assertThat(read.answers()).isEqualTo(withEverything.answers());
        // BigDecimal.equals compares the scale too: 12.50 stays 12.50, 1E+3 stays 1E+3
        assertThat(read.answers().get(5).values()).containsExactly(new BigDecimal("12.50"));
        assertThat(read.answers().get(6).values().get(0)).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) read.answers().get(6).values().get(0)).scale()).isEqualTo(-3);
        assertThat(read.answers().get(9).values()).containsExactly(40L);
        assertThat(store.find(bare.id())).contains(bare);
        assertThat(store.find(UUID.randomUUID())).isEmpty();
        assertThat(Sql.rows(
                        database.dataSource(),
                        "SELECT value_type, value_text FROM mw_response_answer WHERE response_id = ? AND link_path = ?",
                        withEverything.id(),
                        "uitvoering.uren"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("value_type", "decimal"))
                .satisfies(row -> assertThat(row.get("value_text").toString()).isEqualTo("12.50"));
    }

    @OnBothDatabases
    void keepsACodeApartFromTheSameFreeText(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcResponseStore store = new JdbcResponseStore(database);
        QuestionnaireResponse response = response(
                Optional.of(ANNA),
                AUTHORED,
                answer("dimensies", new Coding("erkend"), new Coding("verbonden")),
                answer("toelichting", "erkend"));

        store.save(response);

        QuestionnaireResponse read = store.find(response.id()).orElseThrow();
        assertThat(read).isEqualTo(response);
        assertThat(read.answers().get(0).values()).containsExactly(new Coding("erkend"), new Coding("verbonden"));
        assertThat(read.answers().get(1).values()).containsExactly("erkend");
        assertThat(Sql.rows(
                        database.dataSource(),
                        "SELECT link_path, value_type, value_text FROM mw_response_answer WHERE response_id = ?"
                                + " ORDER BY ordinal, value_ordinal",
                        response.id()))
                .extracting(row -> row.get("link_path") + " " + row.get("value_type") + " " + row.get("value_text"))
                .containsExactly("dimensies code erkend", "dimensies code verbonden", "toelichting string erkend");
    }

    @OnBothDatabases
    void readsIntegerValuesBackAsLong(Engine engine) {
        JdbcResponseStore store = new JdbcResponseStore(engine.migrated(dir));
        QuestionnaireResponse response = response(Optional.of(ANNA), AUTHORED, answer("score", 7, (short) 3, (byte) 1));

        store.save(response);

        assertThat(store.find(response.id()).orElseThrow().answers())
                .singleElement()
                .satisfies(a -> assertThat(a.values()).containsExactly(7L, 3L, 1L));
    }

    @OnBothDatabases
    void refusesAValueOfAnotherTypeAndStoresNothing(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcResponseStore store = new JdbcResponseStore(database);
        QuestionnaireResponse inexact = response(Optional.of(ANNA), AUTHORED, answer("score", 7.5d));

        assertThatThrownBy(() -> store.save(inexact))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score")
                .hasMessageContaining("java.lang.Double");

        assertThat(store.find(inexact.id())).isEmpty();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_response"))
                .isZero();
    }

    @OnBothDatabases
    void savingAgainReplacesTheResponseAndItsAnswers(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcResponseStore store = new JdbcResponseStore(database);
        QuestionnaireResponse original = everyType(Optional.of(ANNA), Optional.empty());
        store.save(original);

        QuestionnaireResponse changed = new QuestionnaireResponse(
                original.id(),
                new QuestionnaireRef("activiteit-registratie", 3),
                Optional.of(ResidentId.of("res-bob")),
                Optional.empty(),
                AUTHORED.plusSeconds(60),
                "worker:w-18",
                List.of(answer("plan.doelen[1].omschrijving", "Anders"), answer("uitvoering.deelnemers", 41L)));
        store.save(changed);

        assertThat(store.find(original.id())).contains(changed);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_response"))
                .isEqualTo(1);
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_response_answer"))
                .isEqualTo(2);
        assertThat(store.ofResident(ANNA, "activiteit-registratie")).isEmpty();
    }

    @OnBothDatabases
    void savesAResponseWholeOrNotAtAll(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcResponseStore store = new JdbcResponseStore(database);
        QuestionnaireResponse original = everyType(Optional.of(ANNA), Optional.empty());
        store.save(original);

        // the response row and the first answers are written before the over-long answer path fails
        QuestionnaireResponse broken = new QuestionnaireResponse(
                original.id(),
                original.questionnaire(),
                Optional.of(ResidentId.of("res-bob")),
                Optional.empty(),
                AUTHORED,
                "worker:w-18",
                List.of(answer("a", true), answer("p".repeat(401), "x")));
        assertThatThrownBy(() -> store.save(broken))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save response " + original.id());
        assertThat(store.find(original.id())).contains(original);

        QuestionnaireResponse inMissingActivity = everyType(Optional.of(ANNA), Optional.of(ActivityId.random()));
        assertThatThrownBy(() -> store.save(inMissingActivity))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
        assertThat(store.find(inMissingActivity.id())).isEmpty();
        assertThat(Sql.count(database.dataSource(), "SELECT COUNT(*) FROM mw_response"))
                .isEqualTo(1);
    }

    @OnBothDatabases
    void listsTheResponsesOfAResidentAndOfAnActivityOldestFirst(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore activities = new JdbcActivityStore(database);
        JdbcResponseStore store = new JdbcResponseStore(database);
        CollectiveActivity activity = JdbcActivityStoreTest.full();
        activities.save(activity);
        ResidentId bob = ResidentId.of("res-bob");
        QuestionnaireResponse later = withQuestionnaire(
                response(Optional.of(ANNA), AUTHORED.plusSeconds(3600), answer("score", 4L)), "zrm-2017", 2);
        QuestionnaireResponse earlier =
                withQuestionnaire(response(Optional.of(ANNA), AUTHORED, answer("score", 3L)), "zrm-2017", 1);
        QuestionnaireResponse otherInstrument = withQuestionnaire(
                response(Optional.of(ANNA), AUTHORED, answer("score", 9L)), "positieve-gezondheid", 1);
        QuestionnaireResponse bobs = withQuestionnaire(
                response(Optional.of(bob), AUTHORED.minusSeconds(60), answer("score", 2L)), "zrm-2017", 1);
        QuestionnaireResponse registration = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("activiteit-registratie", 1),
                Optional.empty(),
                Optional.of(activity.id()),
                AUTHORED.plusSeconds(10),
                "worker:w-17",
                List.of(answer("plan.titel", "Wandelgroep")));
        QuestionnaireResponse measurement = new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("impactmeting", 1),
                Optional.of(bob),
                Optional.of(activity.id()),
                AUTHORED.minusSeconds(10),
                "worker:w-17",
                List.of(answer("geholpen", true)));
        for (QuestionnaireResponse response :
                List.of(later, earlier, otherInstrument, bobs, registration, measurement)) {
            store.save(response);
        }

        assertThat(store.ofResident(ANNA, "zrm-2017")).containsExactly(earlier, later);
        assertThat(store.ofResident(ANNA, "positieve-gezondheid")).containsExactly(otherInstrument);
        assertThat(store.ofResident(bob, "zrm-2017")).containsExactly(bobs);
        assertThat(store.ofResident(ResidentId.of("res-nobody"), "zrm-2017")).isEmpty();
        assertThat(store.ofActivity(activity.id())).containsExactly(measurement, registration);
        assertThat(store.ofActivity(ActivityId.random())).isEmpty();
    }

    static QuestionnaireResponse response(Optional<ResidentId> resident, Instant authored, Answer... answers) {
        return new QuestionnaireResponse(
                UUID.randomUUID(),
                new QuestionnaireRef("zrm-2017", 1),
                resident,
                Optional.empty(),
                authored,
                "worker:w-17",
                List.of(answers));
    }

    static QuestionnaireResponse withQuestionnaire(QuestionnaireResponse r, String id, int version) {
        return new QuestionnaireResponse(
                r.id(),
                new QuestionnaireRef(id, version),
                r.resident(),
                r.activity(),
                r.authored(),
                r.authoredBy(),
                r.answers());
    }
}
