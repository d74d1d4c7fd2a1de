package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Problem;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the application serves against the real JAX-RS resources of this package, both ways (see
 * {@link OpenApiConformance} for what is compared). When this fails, the message lists every difference: change the
 * document ({@code src/main/resources/openapi/meerwaarde-v1.json}) with the resource.
 */
class OpenApiConformanceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode document() throws IOException {
        return MAPPER.readTree(OpenApiResource.read());
    }

    static List<Class<?>> records() {
        List<Class<?>> records = new ArrayList<>(OpenApiConformance.namedRecords());
        records.add(Problem.class);
        records.add(Problem.FieldProblem.class);
        return records;
    }

    static List<String> differences(JsonNode document) {
        return OpenApiConformance.differences(document, OpenApiConformance.resourceClasses(), records());
    }

    @Test
    void theDocumentAndTheResourcesAgree() throws IOException {
        List<String> differences = differences(document());

        assertThat(differences)
                .as(
                        "differences between meerwaarde-v1.json and the JAX-RS resources:%n  %s",
                        String.join(System.lineSeparator() + "  ", differences))
                .isEmpty();
    }

    @Test
    void theResourcesAreFoundByReflection() {
        assertThat(OpenApiConformance.resourceClasses())
                .contains(
                        MeResource.class,
                        ScreensResource.class,
                        SignalsResource.class,
                        ActivitiesResource.class,
                        ImpactResource.class,
                        QuestionnairesResource.class,
                        SelfScansResource.class,
                        ImportResource.class,
                        OpenApiResource.class);
        assertThat(OpenApiConformance.namedRecords())
                .contains(Bodies.NewSignal.class, Bodies.Answers.class, Views.ImpactView.class)
                .doesNotContain(Views.PageView.class);
    }

    @Test
    void theDocumentIsOpenApi303ForVersion1UnderTheApplication() throws IOException {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.path("servers").path(0).path("url").asText())
                .isEqualTo(WebConstants.CONTEXT_PATH + WebConstants.APPLICATION_BASE + "/v1");
        assertThat(document.path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/"));
    }

    @Test
    void everyOperationNeedsTheHostSession() throws IOException {
        JsonNode document = document();
        JsonNode scheme = document.at("/components/securitySchemes/hostSession");

        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("cookie");
        assertThat(scheme.path("name").asText()).isEqualTo("MW_SESSION");
        assertThat(document.path("security").path(0).has("hostSession")).isTrue();
        document.path("paths")
                .forEach(item -> item.forEach(operation -> assertThat(operation.has("security"))
                        .as("no operation overrides the global security")
                        .isFalse()));
    }

    @Test
    void pagingIsDocumentedWithTheLimitsTheCodeEnforces() throws IOException {
        JsonNode limit = document().at("/components/parameters/Limit/schema");
        JsonNode offset = document().at("/components/parameters/Offset/schema");

        assertThat(limit.path("minimum").asInt()).isEqualTo(Paging.MIN_LIMIT);
        assertThat(limit.path("maximum").asInt()).isEqualTo(Paging.MAX_LIMIT);
        assertThat(limit.path("default").asInt()).isEqualTo(Paging.DEFAULT_LIMIT);
        assertThat(offset.path("minimum").asInt()).isZero();
    }

    @Test
    void theProblemSchemaHasTheMembersOfRfc9457AndTheFieldErrors() throws IOException {
        JsonNode problem = document().at("/components/schemas/Problem");

        assertThat(problem.path("properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "incident", "errors");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(document().at("/components/schemas/FieldProblem/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("field", "code", "message");
    }

    // ---- the comparison finds drift --------------------------------------------------------------------------------

    @Test
    void anUndocumentedOperationIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.path("paths")).remove("/signals/{id}/activity");

        assertThat(differences(document))
                .contains("implemented but not documented: PUT /meerwaarde/api/v1/signals/{id}/activity"
                        + " (SignalsResource.cluster(String, Cluster, HttpServletRequest))");
    }

    @Test
    void anOperationThatDoesNotExistIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ObjectNode item = (ObjectNode) document.path("paths").path("/signals/{id}");
        item.set("delete", item.path("get").deepCopy());

        assertThat(differences(document))
                .contains("documented but not implemented: DELETE /meerwaarde/api/v1/signals/{id}");
    }

    @Test
    void aRequestPropertyTheBodyRecordDoesNotHaveIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ObjectNode properties = (ObjectNode) document.at("/components/schemas/NewSignal/properties");
        properties.putObject("priority").put("type", "string");
        properties.remove("referrer");

        assertThat(differences(document))
                .anyMatch(line -> line.startsWith("#/components/schemas/NewSignal: properties differ from record")
                        && line.contains("not documented [referrer]")
                        && line.contains("not in the record [priority]"));
    }

    @Test
    void aWrongPropertyTypeOrAWronglyRequiredOptionalIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.at("/components/schemas/SignalView/properties/answered")).put("type", "string");
        ((ArrayNode) document.at("/components/schemas/SignalView/required")).add("referrer");

        assertThat(differences(document))
                .contains(
                        "#/components/schemas/SignalView.answered: boolean is type boolean, documented string",
                        "#/components/schemas/SignalView: referrer is Optional (left out when empty): not required");
    }

    @Test
    void aQueryParameterTheResourceDoesNotReadIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ((ArrayNode) document.at("/paths/~1activities/get/parameters"))
                .addObject()
                .put("name", "stage")
                .put("in", "query")
                .putObject("schema")
                .put("type", "string");

        assertThat(differences(document))
                .contains("GET /meerwaarde/api/v1/activities: query parameters documented [limit, offset, stage],"
                        + " implemented [limit, offset]");
    }

    @Test
    void aWrongResponseSchemaOrMediaTypeIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.at("/paths/~1me/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/TeamView");
        ObjectNode content = (ObjectNode) document.at("/paths/~1screens/get/responses/200/content");
        content.set("text/html", content.path("application/json"));

        assertThat(differences(document))
                .contains(
                        "GET /meerwaarde/api/v1/me 200 application/json: nl.meerwaarde.web.internal.rest.Views.Me is"
                                + " #/components/schemas/Me, documented #/components/schemas/TeamView",
                        "GET /meerwaarde/api/v1/screens 200: media types documented [application/json, text/html],"
                                + " @Produces [application/json]");
    }

    @Test
    void anErrorThatIsNotProblemDetailsOrADanglingReferenceIsReported() throws IOException {
        ObjectNode document = (ObjectNode) document();
        ObjectNode responses = (ObjectNode) document.at("/paths/~1questionnaires/post/responses");
        responses.putObject("422").putObject("content").putObject("application/json");
        responses.putObject("429").put("$ref", "#/components/responses/TooManyRequests");

        assertThat(differences(document))
                .contains(
                        "POST /meerwaarde/api/v1/questionnaires 422: an error answers only application/problem+json,"
                                + " documented [application/json]",
                        "#/paths/~1questionnaires/post/responses/429: $ref #/components/responses/TooManyRequests"
                                + " points nowhere");
    }

    @Test
    void pathTemplatesAreComparedWithoutTheirExpressions() {
        assertThat(OpenApiConformance.normalise("/meerwaarde/api//v1/questionnaires/{id : [a-z]+}/{version}/"))
                .isEqualTo("/meerwaarde/api/v1/questionnaires/{id}/{version}");
    }
}
