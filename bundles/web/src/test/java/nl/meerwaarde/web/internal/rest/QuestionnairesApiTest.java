package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.JOOST;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.forms.internal.JsonQuestionnaireParser;
import org.junit.jupiter.api.Test;

class QuestionnairesApiTest {
    private final Fakes.Published published = new Fakes.Published();
    private final Fakes.Catalog catalog = new Fakes.Catalog(published);
    private final JsonQuestionnaireParser parser = new JsonQuestionnaireParser();
    private final QuestionnairesResource resource = new QuestionnairesResource(catalog, parser, published, Fakes.CLOCK);

    static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static String impactV2() {
        return Fakes.Catalog.shipped("impactmeting-v1.json")
                .replace("\"version\": \"1\"", "\"version\": \"2\"")
                .replace("\"code\": \"opgelucht\"", "\"code\": \"hoopvol\"");
    }

    @Test
    void everyWorkerListsTheLatestVersionsAndAResidentMayNot() {
        assertThat(resource.list(as(ANNA)))
                .extracting(q -> q.id() + "@" + q.version())
                .containsExactly(
                        "activiteit-registratie@1",
                        "effectenmonitor@1",
                        "impactmeting@1",
                        "positieve-gezondheid-demo@1",
                        "zrm-2017@1");
        assertThatThrownBy(() -> resource.list(as(RESIDENT))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyShippedDefinitionIsServedAsFhirJsonThatParsesToTheSameDefinition() {
        for (Questionnaire shipped : catalog.all()) {
            ObjectNode served = resource.version(
                    shipped.ref().id(), Integer.toString(shipped.ref().version()), as(ANNA));
            assertThat(served.get("resourceType").asText()).isEqualTo("Questionnaire");
            assertThat(parser.parse(served.toString())).isEqualTo(shipped);
        }
        assertThat(resource.latest("impactmeting", as(ANNA)).get("version").asText())
                .isEqualTo("1");
        assertThatThrownBy(() -> resource.latest("onbekend", as(ANNA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.version("impactmeting", "x", as(ANNA)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.version("IMPACT!", "1", as(ANNA))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAdministratorPublishesANewVersionWhichThenIsTheLatest() throws Exception {
        Response response = resource.publish(text(impactV2()), as(JOOST));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo("v1/questionnaires/impactmeting/2");
        assertThat(published.saved).singleElement().satisfies(d -> {
            assertThat(d.json()).isEqualTo(impactV2());
            assertThat(d.publishedBy()).isEqualTo("worker:w-joost");
        });
        assertThat(resource.latest("impactmeting", as(ANNA)).get("version").asText())
                .isEqualTo("2");
        assertThat(resource.list(as(ANNA)))
                .extracting(q -> q.id() + "@" + q.version())
                .contains("impactmeting@2");
    }

    @Test
    void onlyAnAdministratorMayPublish() {
        assertThatThrownBy(() -> resource.publish(text(impactV2()), as(ANNA))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.publish(text(impactV2()), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(published.saved).isEmpty();
    }

    @Test
    void anExistingVersionIsAConflict() throws Exception {
        WebApplicationException shipped = catchThrowableOfType(
                WebApplicationException.class,
                () -> resource.publish(text(Fakes.Catalog.shipped("impactmeting-v1.json")), as(JOOST)));
        assertThat(shipped.getResponse().getStatus()).isEqualTo(409);

        resource.publish(text(impactV2()), as(JOOST));
        WebApplicationException again = catchThrowableOfType(
                WebApplicationException.class, () -> resource.publish(text(impactV2()), as(JOOST)));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat((String) again.getResponse().getEntity())
                .contains("Versie 2 van vragenlijst impactmeting bestaat al");
        assertThat(published.saved).hasSize(1);
    }

    @Test
    void badDefinitionsAreRefusedWith400AndNothingIsStored() {
        for (String bad : new String[] {
            "",
            "{",
            "[1,2]",
            "{\"resourceType\":\"Questionnaire\",\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"item\":[],\"requried\":true}",
            impactV2().replace("\"type\": \"integer\"", "\"type\": \"quantity\""),
        }) {
            assertThatThrownBy(() -> resource.publish(text(bad), as(JOOST)))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> resource.publish(new ByteArrayInputStream(notUtf8), as(JOOST)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(published.saved).isEmpty();
    }

    @Test
    void aNewImpactVersionMustKeepTheItemsTheMeasurementIsReadFrom() {
        InvalidInputException retyped = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.publish(
                        text(impactV2()
                                .replace(
                                        "\"linkId\": \"cijfer\",\n      \"type\": \"integer\"",
                                        "\"linkId\": \"cijfer\",\n      \"type\": \"decimal\"")),
                        as(JOOST)));
        assertThat(retyped.errors())
                .extracting(e -> e.field() + " " + e.code() + " " + e.arguments())
                .containsExactly("item definition.mappedItemType [cijfer, integer]");

        InvalidInputException renamed = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.publish(
                        text(impactV2()
                                .replace("\"linkId\": \"geholpen\"", "\"linkId\": \"hulp\"")
                                .replace("\"question\": \"geholpen\"", "\"question\": \"hulp\"")),
                        as(JOOST)));
        assertThat(renamed.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("item definition.mappedItemMissing");
        assertThat(published.saved).isEmpty();
    }

    @Test
    void aHugeDefinitionIsRefusedWith413BeforeParsing() {
        byte[] huge = new byte[BodyLimit.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        WebApplicationException e = catchThrowableOfType(
                WebApplicationException.class, () -> resource.publish(new ByteArrayInputStream(huge), as(JOOST)));

        assertThat(e.getResponse().getStatus()).isEqualTo(413);
        assertThat(published.saved).isEmpty();
    }
}
