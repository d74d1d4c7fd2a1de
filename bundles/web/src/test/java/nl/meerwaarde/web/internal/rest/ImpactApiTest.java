package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.BRAM;
import static nl.meerwaarde.web.internal.rest.Fakes.MANOUK;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotFoundException;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.forms.internal.QuestionnaireValidator;
import nl.meerwaarde.forms.internal.ReferenceModelWorkflow;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Json;
import org.junit.jupiter.api.Test;

class ImpactApiTest {
    private final Fakes.Responses responses = new Fakes.Responses();
    private final Fakes.Activities activities = new Fakes.Activities(responses);
    private final Fakes.Audit audit = new Fakes.Audit();
    private final ImpactResource resource = new ImpactResource(
            activities,
            responses,
            audit,
            new Fakes.KnownResidents(MANOUK),
            new Fakes.Catalog(),
            new QuestionnaireValidator(),
            Fakes.CLOCK);
    private final CollectiveActivity activity = Fakes.activity(Fixtures.NOORD, Stage.IMPACT_MEASUREMENT);

    ImpactApiTest() {
        activities.save(activity);
        activities.writes = 0;
    }

    static Bodies.Answers answers(Object grade) {
        return new Bodies.Answers(
                null,
                List.of(
                        new Bodies.AnswerBody("geholpen", List.of(true)),
                        new Bodies.AnswerBody("redenGeholpen", List.of("Ik ken nu andere moeders")),
                        new Bodies.AnswerBody("cijfer", List.of(grade)),
                        new Bodies.AnswerBody("dimensies", List.of("verbonden", "erkend")),
                        new Bodies.AnswerBody(
                                "uitspraken", List.of("\"Ik sta er niet meer alleen voor\"", SignalsApiTest.INJECTION)),
                        new Bodies.AnswerBody("observatie", List.of("Manouk nam zelf het woord")),
                        new Bodies.AnswerBody("doorverwijzingen", List.of("Leerwerkloket"))));
    }

    private String id() {
        return activity.id().toString();
    }

    @Test
    void aMeasurementIsValidatedStoredMappedAndAudited() {
        Views.ImpactView view = resource.put(id(), "r-manouk", answers(8), as(ANNA));

        assertThat(view.questionnaire()).isEqualTo("impactmeting");
        assertThat(view.questionnaireVersion()).isEqualTo(1);
        assertThat(responses.saved).hasSize(1);
        Participation participation = activities.participations.get(0);
        Participation.ImpactMeasurement m = participation.measurement().orElseThrow();
        assertThat(m.helped()).isTrue();
        assertThat(m.helpedReason()).contains("Ik ken nu andere moeders");
        assertThat(m.grade()).contains(8);
        assertThat(m.dimensions()).containsExactlyInAnyOrder("erkend", "verbonden");
        assertThat(m.quotes()).containsExactly("\"Ik sta er niet meer alleen voor\"", SignalsApiTest.INJECTION);
        assertThat(m.workerObservation()).contains("Manouk nam zelf het woord");
        assertThat(participation.referrals()).containsExactly("Leerwerkloket");
        assertThat(audit.events).singleElement().satisfies(e -> assertAudit(e, "create", participation));

        resource.put(id(), "r-manouk", answers(9), as(ANNA));
        assertThat(responses.saved).hasSize(1);
        assertThat(activities.participations).hasSize(1);
        assertThat(activities.participations.get(0).measurement().orElseThrow().grade())
                .contains(9);
        assertThat(audit.events).hasSize(2);
        assertAudit(audit.events.get(1), "update", participation);

        Views.ImpactView read = resource.get(id(), "r-manouk", as(ANNA));
        assertThat(read.measurement().orElseThrow().grade()).contains(9);
        assertThat(read.answers()).hasSize(7);
        assertThat(audit.events).hasSize(3);
        assertAudit(audit.events.get(2), "read", participation);
    }

    @Test
    void publishingANewVersionLeavesAnOldMeasurementAsItWasAndNewOnesFollowTheNewVersion() {
        Fakes.Published published = new Fakes.Published();
        ImpactResource versioned = new ImpactResource(
                activities,
                responses,
                audit,
                new Fakes.KnownResidents(MANOUK),
                new Fakes.Catalog(published),
                new QuestionnaireValidator(),
                Fakes.CLOCK);
        Bodies.Answers relieved = new Bodies.Answers(
                null,
                List.of(
                        new Bodies.AnswerBody("geholpen", List.of(true)),
                        new Bodies.AnswerBody("dimensies", List.of("opgelucht"))));
        versioned.put(id(), "r-manouk", relieved, as(ANNA));

        published.publish(new nl.meerwaarde.api.store.DefinitionStore.PublishedDefinition(
                new nl.meerwaarde.api.questionnaire.QuestionnaireRef("impactmeting", 2),
                QuestionnairesApiTest.impactV2(),
                java.time.Instant.parse("2026-03-11T09:00:00Z"),
                "worker:w-joost"));

        Views.ImpactView old = versioned.get(id(), "r-manouk", as(ANNA));
        assertThat(old.questionnaireVersion()).isEqualTo(1);
        assertThat(old.measurement().orElseThrow().dimensions()).containsExactly("opgelucht");

        InvalidInputException gone = catchThrowableOfType(
                InvalidInputException.class, () -> versioned.put(id(), "r-manouk", relieved, as(ANNA)));
        assertThat(gone.errors()).extracting(e -> e.field() + " " + e.code()).containsExactly("dimensies field.option");
        assertThat(versioned.get(id(), "r-manouk", as(ANNA)).questionnaireVersion())
                .as("the refused answers changed nothing")
                .isEqualTo(1);

        Views.ImpactView hopeful = versioned.put(
                id(),
                "r-manouk",
                new Bodies.Answers(
                        null,
                        List.of(
                                new Bodies.AnswerBody("geholpen", List.of(true)),
                                new Bodies.AnswerBody("dimensies", List.of("hoopvol")))),
                as(ANNA));
        assertThat(hopeful.questionnaireVersion()).isEqualTo(2);
        assertThat(versioned
                        .put(id(), "r-manouk", new Bodies.Answers(1, relieved.answers()), as(ANNA))
                        .questionnaireVersion())
                .as("an answer may still be given under the old version on purpose")
                .isEqualTo(1);
    }

    @Test
    void choicesComeAndGoAsPlainCodesInJsonAndAreKeptAsCodings() throws Exception {
        ObjectMapper json = Json.newMapper();
        Bodies.Answers body = json.readValue("""
                {"answers": [{"linkId": "geholpen", "values": [true]},
                             {"linkId": "dimensies", "values": ["verbonden", "erkend"]},
                             {"linkId": "doorverwijzingen", "values": ["erkend"]}]}
                """, Bodies.Answers.class);

        Views.ImpactView view = resource.put(id(), "r-manouk", body, as(ANNA));

        assertThat(responses.saved.values()).singleElement().satisfies(saved -> assertThat(saved.answers())
                .containsExactly(
                        new QuestionnaireResponse.Answer("geholpen", List.of(true)),
                        new QuestionnaireResponse.Answer(
                                "dimensies", List.of(new Coding("verbonden"), new Coding("erkend"))),
                        new QuestionnaireResponse.Answer("doorverwijzingen", List.of("erkend"))));
        Participation participation = activities.participations.get(0);
        assertThat(participation.measurement().orElseThrow().dimensions())
                .containsExactlyInAnyOrder("erkend", "verbonden");
        assertThat(participation.referrals()).containsExactly("erkend");
        String written = json.writeValueAsString(view);
        assertThat(written)
                .contains("{\"linkId\":\"dimensies\",\"values\":[\"verbonden\",\"erkend\"]}")
                .contains("\"dimensions\":[\"erkend\",\"verbonden\"]")
                .doesNotContain("\"code\"");
        assertThat(json.writeValueAsString(resource.get(id(), "r-manouk", as(ANNA))))
                .isEqualTo(written);
    }

    @Test
    void aChoiceMustBeACodeInJson() {
        InvalidInputException notACode = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(),
                        "r-manouk",
                        new Bodies.Answers(
                                null,
                                List.of(
                                        new Bodies.AnswerBody("geholpen", List.of(true)),
                                        new Bodies.AnswerBody("dimensies", List.of("verbonden", 3)),
                                        new Bodies.AnswerBody("uitspraken", List.of("Ik ben erkend")))),
                        as(ANNA)));
        assertThat(notACode.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("dimensies field.type");
        InvalidInputException unknownCode = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(),
                        "r-manouk",
                        new Bodies.Answers(
                                null,
                                List.of(
                                        new Bodies.AnswerBody("geholpen", List.of(true)),
                                        new Bodies.AnswerBody("dimensies", List.of("gelukkig")))),
                        as(ANNA)));
        assertThat(unknownCode.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("dimensies field.option");
        assertThat(responses.saves).isZero();
    }

    private static void assertAudit(AuditEvent event, String action, Participation participation) {
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.actor()).isEqualTo("worker:w-anna");
        assertThat(event.objectType()).isEqualTo("measurement");
        assertThat(event.objectId()).isEqualTo(participation.id().toString());
        assertThat(event.resident()).isEqualTo(MANOUK);
        assertThat(event.at()).isEqualTo(Fakes.CLOCK.instant());
    }

    @Test
    void invalidAnswersStoreNothingAndAuditNothing() {
        InvalidInputException outOfRange = catchThrowableOfType(
                InvalidInputException.class, () -> resource.put(id(), "r-manouk", answers(11), as(ANNA)));
        assertThat(outOfRange.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("cijfer field.range");
        InvalidInputException wrongType = catchThrowableOfType(
                InvalidInputException.class, () -> resource.put(id(), "r-manouk", answers("acht"), as(ANNA)));
        assertThat(wrongType.errors()).extracting(e -> e.code()).containsExactly("field.type");
        InvalidInputException unknown = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(),
                        "r-manouk",
                        new Bodies.Answers(
                                null,
                                List.of(
                                        new Bodies.AnswerBody("geholpen", List.of(true)),
                                        new Bodies.AnswerBody("bsn", List.of("123456782")))),
                        as(ANNA)));
        assertThat(unknown.errors()).extracting(e -> e.field() + " " + e.code()).containsExactly("bsn field.unknown");
        InvalidInputException missing = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(),
                        "r-manouk",
                        new Bodies.Answers(null, List.of(new Bodies.AnswerBody("cijfer", List.of(7)))),
                        as(ANNA)));
        assertThat(missing.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("geholpen field.required");
        InvalidInputException noVersion = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(), "r-manouk", new Bodies.Answers(9, answers(8).answers()), as(ANNA)));
        assertThat(noVersion.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("questionnaireVersion questionnaire.unknown");
        InvalidInputException empty =
                catchThrowableOfType(InvalidInputException.class, () -> resource.put(id(), "r-manouk", null, as(ANNA)));
        assertThat(empty.errors()).extracting(e -> e.field()).containsExactly("answers");
        InvalidInputException longPartner = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.put(
                        id(),
                        "r-manouk",
                        new Bodies.Answers(
                                null,
                                List.of(
                                        new Bodies.AnswerBody("geholpen", List.of(false)),
                                        new Bodies.AnswerBody("doorverwijzingen", List.of("p".repeat(201))))),
                        as(ANNA)));
        assertThat(longPartner.errors()).extracting(e -> e.code()).containsExactly("field.length");

        assertThat(responses.saves).isZero();
        assertThat(activities.writes).isZero();
        assertThat(audit.events).isEmpty();
    }

    @Test
    void onlyWorkersOfTheActivitysTeamReachAMeasurement() {
        resource.put(id(), "r-manouk", answers(8), as(ANNA));
        audit.events.clear();
        int writes = activities.writes;

        assertThatThrownBy(() -> resource.get(id(), "r-manouk", as(BRAM))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.put(id(), "r-manouk", answers(1), as(BRAM)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get(id(), "r-manouk", as(RESIDENT))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.put(id(), "r-manouk", answers(1), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.put(id(), "r-unknown", answers(1), as(ANNA)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get(id(), "r-unknown", as(ANNA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get("nonsense", "r-manouk", as(ANNA))).isInstanceOf(NotFoundException.class);

        assertThat(activities.writes).isEqualTo(writes);
        assertThat(audit.events).isEmpty();
    }

    @Test
    void aMeasuredParticipationLetsTheActivityMoveOnWithoutReason() {
        resource.put(id(), "r-manouk", answers(8), as(ANNA));
        ActivitiesResource stages = new ActivitiesResource(
                activities, new Fakes.Org(), new ReferenceModelWorkflow(), new Fakes.Catalog(), Fakes.CLOCK);

        Views.ActivityDetailView detail = stages.get(id(), as(ANNA));
        assertThat(detail.participants()).isEqualTo(1);
        assertThat(detail.measured()).isEqualTo(1);
        assertThat(detail.nextStages())
                .filteredOn(s -> s.stage().equals("CLOSED"))
                .singleElement()
                .satisfies(s -> assertThat(s.needsSkipReason()).isTrue());

        stages.move(id(), new Bodies.StageMove("CLOSED", "Evaluatie met de gemeente volgt apart"), as(ANNA));
        assertThat(activities.changes.get(0).skipped()).containsExactly(Stage.EVALUATION);
    }
}
