package nl.meerwaarde.web.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.RedirectionException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Languages;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {
    private static final RequestInfo DUTCH = new RequestInfo("GET", "/meerwaarde/api/v1/signals", Languages.DUTCH);
    private static final RequestInfo ENGLISH = new RequestInfo("GET", "/meerwaarde/api/v1/signals", Languages.ENGLISH);

    private final ObjectMapper json = Json.newMapper();

    private JsonNode body(Response response) throws Exception {
        assertThat(response.getEntity()).isInstanceOf(String.class);
        return json.readTree((String) response.getEntity());
    }

    @Test
    void invalidInputIs400WithEveryFieldAndItsMessageInDutch() throws Exception {
        InvalidInputException invalid = new InvalidInputException(
                List.of(FieldError.of("limit", "field.range", 1, 200), FieldError.of("title", "field.required")));

        Response response = new InvalidInputMapper().toResponse(invalid, DUTCH);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("type").asText()).isEqualTo("tag:meerwaarde.nl,2026:problem:invalid-input");
        assertThat(problem.get("title").asText()).isEqualTo("Ongeldige invoer");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("field.range");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("Vul een waarde van 1 tot en met 200 in.");
        assertThat(problem.get("errors").get(1).get("message").asText()).isEqualTo("Dit veld is verplicht.");
        assertThat(problem.has("incident")).isFalse();
    }

    @Test
    void invalidInputMessagesFollowTheRequestLanguageAndUnknownCodesGetAGenericText() throws Exception {
        InvalidInputException invalid = new InvalidInputException(
                List.of(FieldError.of("limit", "field.range", 1, 200), FieldError.of("x", "something.unknown")));

        JsonNode problem = body(new InvalidInputMapper().toResponse(invalid, ENGLISH));

        assertThat(problem.get("title").asText()).isEqualTo("Invalid input");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("Enter a value from 1 to 200.");
        assertThat(problem.get("errors").get(1).get("code").asText()).isEqualTo("something.unknown");
        assertThat(problem.get("errors").get(1).get("message").asText()).isEqualTo("This value is not valid.");
    }

    @Test
    void anUnknownPathIs404ProblemDetails() throws Exception {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotFoundException(), DUTCH);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Niet gevonden");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void webApplicationExceptionsKeepTheirStatusAndHeadersButNotTheirMessage() throws Exception {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

        Response notAllowed = mapper.toResponse(
                new NotAllowedException("internal detail: resource class X", "GET", new String[] {"HEAD"}), ENGLISH);
        assertThat(notAllowed.getStatus()).isEqualTo(405);
        assertThat(notAllowed.getHeaderString("Allow")).contains("GET");
        assertThat(body(notAllowed).get("title").asText()).isEqualTo("Method not allowed");
        assertThat((String) notAllowed.getEntity()).doesNotContain("internal detail");

        Response unavailable = mapper.toResponse(new ServiceUnavailableException(30L), DUTCH);
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("30");
        assertThat(body(unavailable).get("title").asText()).isEqualTo("Tijdelijk niet beschikbaar");

        Response forbidden = mapper.toResponse(new ForbiddenException(), DUTCH);
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(body(forbidden).get("title").asText()).isEqualTo("Geen toegang");

        Response teapot = mapper.toResponse(new WebApplicationException(418), DUTCH);
        assertThat(body(teapot).get("title").asText()).isEqualTo("Fout 418");
    }

    @Test
    void redirectsAndAnswersWithABodyPassUnchanged() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        RedirectionException redirect =
                new RedirectionException(Response.Status.SEE_OTHER, java.net.URI.create("/meerwaarde/"));
        assertThat(mapper.toResponse(redirect, DUTCH)).isSameAs(redirect.getResponse());

        Response written = Response.status(409).entity("already closed").build();
        assertThat(mapper.toResponse(new WebApplicationException(written), DUTCH))
                .isSameAs(written);
    }

    @Test
    void anyOtherFailureIs500WithAnIncidentIdAndNoStackTrace() throws Exception {
        IllegalStateException failure = new IllegalStateException("password=hunter2 in jdbc:postgresql://db");

        Response response = new UnexpectedErrorMapper().toResponse(failure, DUTCH);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        String incident = problem.get("incident").asText();
        assertThat(incident).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(problem.get("instance").asText()).isEqualTo("urn:uuid:" + incident);
        assertThat(problem.get("title").asText()).isEqualTo("Interne serverfout");
        assertThat(problem.get("detail").asText()).contains(incident);
        String text = (String) response.getEntity();
        assertThat(text)
                .doesNotContain("IllegalStateException")
                .doesNotContain("hunter2")
                .doesNotContain("jdbc")
                .doesNotContain("\tat ")
                .doesNotContain("ProblemMappersTest");
    }

    @Test
    void everyIncidentGetsItsOwnId() throws Exception {
        UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();
        String first = body(mapper.toResponse(new RuntimeException("a"), DUTCH))
                .get("incident")
                .asText();
        String second = body(mapper.toResponse(new RuntimeException("b"), DUTCH))
                .get("incident")
                .asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void outsideARequestTheMappersStillAnswerInDutch() throws Exception {
        Response response = new WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertThat(body(response).get("title").asText()).isEqualTo("Niet gevonden");
    }
}
