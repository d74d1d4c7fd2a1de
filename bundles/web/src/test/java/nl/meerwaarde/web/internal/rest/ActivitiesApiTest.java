package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.BRAM;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.forms.internal.ReferenceModelWorkflow;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Languages;
import org.junit.jupiter.api.Test;

class ActivitiesApiTest {
    private final ObjectMapper json = Json.newMapper();
    private final Fakes.Activities store = new Fakes.Activities();
    private final ActivitiesResource resource = new ActivitiesResource(
            store, new Fakes.Org(), new ReferenceModelWorkflow(), new Fakes.Catalog(), Fakes.CLOCK);

    static Bodies.NewActivity body(String team, String stage, String funder) {
        return new Bodies.NewActivity(
                "Moedergroep <b>Emmen</b>",
                team,
                stage,
                List.of("jonge-moeders"),
                funder,
                LocalDate.of(2026, 4, 1),
                new Bodies.Budget(new BigDecimal("40"), new BigDecimal("1250.50")),
                List.of(new Bodies.Goal("8 moeders breiden hun netwerk uit")),
                null,
                null,
                null);
    }

    private CollectiveActivity stored(Stage stage) {
        CollectiveActivity activity = Fakes.activity(Fixtures.NOORD, stage);
        store.save(activity);
        store.writes = 0;
        return activity;
    }

    @Test
    void aWorkerCreatesAnActivityInPlanWithFunderBudgetAndGoals() {
        Response response = resource.create(body("team-noord", "PLAN", "gemeente-emmen"), as(ANNA));

        assertThat(response.getStatus()).isEqualTo(201);
        CollectiveActivity saved = store.saved.values().iterator().next();
        assertThat(saved.stage()).isEqualTo(Stage.PLAN);
        assertThat(saved.title()).isEqualTo("Moedergroep <b>Emmen</b>");
        assertThat(saved.funder().orElseThrow().value()).isEqualTo("gemeente-emmen");
        assertThat(saved.budget().orElseThrow().euros()).contains(new BigDecimal("1250.50"));
        assertThat(saved.goals()).hasSize(1);
        Views.ActivityDetailView view = (Views.ActivityDetailView) response.getEntity();
        assertThat(view.stage().title()).isEqualTo("Plan van aanpak");
        assertThat(view.nextStages()).extracting(Views.NextStageView::stage).containsExactly("ANALYSIS", "EXECUTION");
    }

    @Test
    void badActivitiesAreRefusedAndNothingIsSaved() {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.create(
                        new Bodies.NewActivity(
                                " ",
                                "team-zuid",
                                "CLOSED",
                                List.of(),
                                "gemeente-elders",
                                null,
                                new Bodies.Budget(new BigDecimal("-1"), new BigDecimal("0.001")),
                                List.of(new Bodies.Goal(null)),
                                null,
                                new Bodies.Instrument("anders", ""),
                                List.of(" ")),
                        as(ANNA)));
        assertThat(e.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "title field.required",
                        "team team.notMember",
                        "stage field.option",
                        "funder field.option",
                        "budget.hours field.range",
                        "budget.euros field.type",
                        "goals[0].description field.required",
                        "instrument.otherName field.required",
                        "partners[0] field.required");
        assertThatThrownBy(() -> resource.create(body("team-noord", null, null), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.writes).isZero();
    }

    @Test
    void theDetailShowsCountsGoalsNextStagesAndHistoryToTheTeamOnly() throws Exception {
        CollectiveActivity activity = stored(Stage.SIGNAL);
        resource.move(activity.id().toString(), new Bodies.StageMove("ANALYSIS", null), as(ANNA));

        Views.ActivityDetailView view = resource.get(activity.id().toString(), Fakes.as(ANNA, "en"));

        assertThat(view.stage().stage()).isEqualTo("ANALYSIS");
        assertThat(view.stage().title()).isEqualTo("Analysis");
        assertThat(view.participants()).isZero();
        assertThat(view.goals()).extracting(Views.GoalView::description).containsExactly("Netwerk vergroten");
        assertThat(view.history()).hasSize(1);
        JsonNode written = json.readTree(json.writeValueAsString(view));
        assertThat(written.at("/history/0/by").asText()).isEqualTo("worker:w-anna");
        assertThat(written.at("/history/0/from/stage").asText()).isEqualTo("SIGNAL");
        assertThatThrownBy(() -> resource.get(activity.id().toString(), as(BRAM)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get(activity.id().toString(), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void closingWithoutMeasurementNeedsAReasonShownWithStageTitles() throws Exception {
        CollectiveActivity activity = stored(Stage.EXECUTION);

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.move(activity.id().toString(), new Bodies.StageMove("CLOSED", null), as(ANNA)));

        assertThat(refused.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("skipReason workflow.skipReason", "skipReason workflow.skipReason");
        Response problem = new InvalidInputMapper().toResponse(refused, new RequestInfo("POST", "/x", Languages.DUTCH));
        JsonNode body = json.readTree((String) problem.getEntity());
        assertThat(body.at("/errors/0/message").asText())
                .isEqualTo("Geef een reden om fase Impact meten over te slaan.");
        Response english =
                new InvalidInputMapper().toResponse(refused, new RequestInfo("POST", "/x", Languages.ENGLISH));
        assertThat(json.readTree((String) english.getEntity())
                        .at("/errors/1/message")
                        .asText())
                .isEqualTo("Give a reason for skipping stage Evaluation.");
        assertThat(store.writes).isZero();

        resource.move(activity.id().toString(), new Bodies.StageMove("CLOSED", "Groep viel uiteen"), as(ANNA));

        assertThat(store.changes).singleElement().satisfies(change -> {
            assertThat(change.skipped()).isEqualTo(Set.of(Stage.IMPACT_MEASUREMENT, Stage.EVALUATION));
            assertThat(change.reason()).contains("Groep viel uiteen");
            assertThat(change.by()).isEqualTo("worker:w-anna");
        });
    }

    @Test
    void stageMovesOfOthersAndNonsenseAreRefused() {
        CollectiveActivity activity = stored(Stage.PLAN);
        String id = activity.id().toString();

        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> resource.move(id, new Bodies.StageMove("FINISHED", null), as(ANNA)))
                        .errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("to field.option");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> resource.move(id, new Bodies.StageMove("SIGNAL", null), as(ANNA)))
                        .errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("to workflow.transition");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> resource.move(id, null, as(ANNA)))
                        .errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("to field.required");
        assertThatThrownBy(() -> resource.move(id, new Bodies.StageMove("EXECUTION", null), as(BRAM)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.move(id, new Bodies.StageMove("EXECUTION", null), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(store.writes).isZero();
    }

    @Test
    void aConcurrentMoveIsAConflict() throws Exception {
        CollectiveActivity activity = stored(Stage.PLAN);
        store.concurrentMove = true;

        WebApplicationException conflict = catchThrowableOfType(
                WebApplicationException.class,
                () -> resource.move(activity.id().toString(), new Bodies.StageMove("EXECUTION", null), as(ANNA)));

        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        JsonNode body = json.readTree((String) conflict.getResponse().getEntity());
        assertThat(body.get("title").asText()).isEqualTo("Conflict");
        assertThat(body.get("detail").asText()).startsWith("De activiteit is intussen");
        assertThat(store.changes).isEmpty();
    }

    // --- PATCH /activities/{id} ---

    private static Bodies.ActivityUpdate update(
            Bodies.Budget actual,
            Bodies.Counts anonymous,
            Integer questions,
            Integer satisfaction,
            List<Bodies.GoalUpdate> goals) {
        return new Bodies.ActivityUpdate(
                null,
                null,
                null,
                null,
                null,
                actual,
                anonymous,
                questions,
                satisfaction,
                goals,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aWorkerUpdatesTheRegisteredFieldsAndWhatIsLeftOutStays() {
        CollectiveActivity activity = stored(Stage.EXECUTION);

        Views.ActivityDetailView view = resource.update(
                activity.id().toString(),
                update(
                        new Bodies.Budget(new BigDecimal("12.5"), new BigDecimal("300")),
                        new Bodies.Counts(20, 15, 9),
                        4,
                        8,
                        List.of(new Bodies.GoalUpdate("Netwerk vergroten", "PARTLY"))),
                as(ANNA));

        CollectiveActivity saved = store.saved.get(activity.id());
        assertThat(store.writes).isEqualTo(1);
        assertThat(saved.stage()).isEqualTo(Stage.EXECUTION);
        assertThat(saved.title()).isEqualTo(activity.title());
        assertThat(saved.targetGroups()).isEqualTo(activity.targetGroups());
        assertThat(saved.actual().orElseThrow().hours()).contains(new BigDecimal("12.5"));
        assertThat(saved.anonymous()).contains(new CollectiveActivity.AnonymousCounts(20, 15, 9));
        assertThat(saved.individualQuestionsAnswered()).contains(4);
        assertThat(saved.referrerSatisfaction()).contains(8);
        assertThat(saved.goals()).singleElement().satisfies(goal -> assertThat(goal.realisation())
                .contains(CollectiveActivity.GoalRealisation.PARTLY));
        assertThat(view.goals())
                .extracting(Views.GoalView::realisation)
                .containsExactly(java.util.Optional.of("PARTLY"));

        resource.update(
                activity.id().toString(),
                new Bodies.ActivityUpdate(
                        "Nieuwe titel",
                        List.of("ouderen"),
                        "gemeente-emmen",
                        LocalDate.of(2026, 5, 1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                as(ANNA));
        CollectiveActivity again = store.saved.get(activity.id());
        assertThat(again.title()).isEqualTo("Nieuwe titel");
        assertThat(again.targetGroups()).containsExactly("ouderen");
        assertThat(again.funder().orElseThrow().value()).isEqualTo("gemeente-emmen");
        assertThat(again.startsOn()).contains(LocalDate.of(2026, 5, 1));
        assertThat(again.anonymous()).contains(new CollectiveActivity.AnonymousCounts(20, 15, 9));
        assertThat(again.referrerSatisfaction()).contains(8);
        assertThat(again.goals()).isEqualTo(saved.goals());
    }

    @Test
    void thePlanNamesAnInstrumentOfTheRegistrationQuestionnaireAndItsPartners() {
        CollectiveActivity activity = stored(Stage.PLAN);
        String id = activity.id().toString();

        Views.ActivityDetailView view = resource.update(
                id,
                new Bodies.ActivityUpdate(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Drie signalen over eenzaamheid.",
                        new Bodies.Instrument("anders", " Wandelmeter "),
                        List.of("Bibliotheek", " Huisarts "),
                        10,
                        "Vaste plek werkt."),
                as(ANNA));

        CollectiveActivity saved = store.saved.get(activity.id());
        assertThat(saved.analysis()).contains("Drie signalen over eenzaamheid.");
        assertThat(saved.instrument())
                .contains(new CollectiveActivity.ChosenInstrument("anders", java.util.Optional.of("Wandelmeter")));
        assertThat(saved.partners()).containsExactlyInAnyOrder("Bibliotheek", "Huisarts");
        assertThat(saved.sessions()).contains(10);
        assertThat(saved.lessonsLearned()).contains("Vaste plek werkt.");
        assertThat(view.partners()).containsExactly("Bibliotheek", "Huisarts");
        assertThat(view.instrument().orElseThrow().otherName()).contains("Wandelmeter");

        InvalidInputException withoutName = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.update(
                        id,
                        new Bodies.ActivityUpdate(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new Bodies.Instrument("anders", null),
                                null,
                                null,
                                null),
                        as(ANNA)));
        assertThat(withoutName.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly("instrument.otherName field.required");

        resource.update(
                id,
                new Bodies.ActivityUpdate(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "",
                        new Bodies.Instrument("zrm-2017", "genegeerd"),
                        List.of(),
                        null,
                        ""),
                as(ANNA));
        CollectiveActivity cleared = store.saved.get(activity.id());
        assertThat(cleared.analysis()).isEmpty();
        assertThat(cleared.instrument())
                .contains(new CollectiveActivity.ChosenInstrument("zrm-2017", java.util.Optional.empty()));
        assertThat(cleared.partners()).isEmpty();
        assertThat(cleared.sessions()).contains(10);
        assertThat(cleared.lessonsLearned()).isEmpty();
    }

    @Test
    void badUpdatesAreRefusedWithEveryErrorAndNothingIsSaved() {
        CollectiveActivity activity = stored(Stage.EXECUTION);
        String id = activity.id().toString();

        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.update(
                        id,
                        new Bodies.ActivityUpdate(
                                " ",
                                null,
                                "gemeente-elders",
                                null,
                                new Bodies.Budget(new BigDecimal("-1"), null),
                                new Bodies.Budget(null, new BigDecimal("0.001")),
                                new Bodies.Counts(5, 6, null),
                                -1,
                                11,
                                List.of(new Bodies.GoalUpdate(null, "MAYBE")),
                                "x".repeat(10_001),
                                new Bodies.Instrument("vragenlijst-x", null),
                                List.of("Bibliotheek", "Bibliotheek"),
                                -2,
                                null),
                        as(ANNA)));

        assertThat(e.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "title field.required",
                        "funder field.option",
                        "budget.hours field.range",
                        "actual.euros field.type",
                        "anonymous.helped field.required",
                        "individualQuestionsAnswered field.range",
                        "referrerSatisfaction field.range",
                        "goals[0].description field.required",
                        "goals[0].realisation field.option",
                        "analysis field.length",
                        "instrument.code field.option",
                        "partners[1] field.invalid",
                        "sessions field.range");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> resource.update(
                                        id, update(null, new Bodies.Counts(5, 6, 7), null, 0, null), as(ANNA)))
                        .errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "anonymous.measured field.max",
                        "anonymous.helped field.max",
                        "referrerSatisfaction field.range");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> resource.update(id, null, as(ANNA)))
                        .errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly("body field.required");
        assertThat(store.writes).isZero();
        assertThat(store.saved.get(activity.id())).isEqualTo(activity);
    }

    @Test
    void onlyTheOwnTeamWithTheWorkerRoleMayUpdate() {
        CollectiveActivity activity = stored(Stage.PLAN);
        String id = activity.id().toString();
        Bodies.ActivityUpdate body = update(null, null, 3, null, null);

        assertThatThrownBy(() -> resource.update(id, body, as(BRAM))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.update(id, body, as(RESIDENT))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.update(id, body, as(Fakes.MIRA))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.update("not-an-id", body, as(ANNA))).isInstanceOf(NotFoundException.class);
        assertThat(store.writes).isZero();
    }
}
