package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.ws.rs.core.Response;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Problem;

/** Builds the response carrying a problem. */
final class ProblemResponses {
    private ProblemResponses() {}

    /**
     * A response with the problem's status and the problem as its {@code application/problem+json} body. The body is
     * written here, as text, so that an error answer never depends on the JSON provider being there.
     */
    static Response.ResponseBuilder builder(Problem problem, ObjectMapper json) {
        return Response.status(problem.status()).type(WebConstants.PROBLEM_JSON).entity(problem.toJson(json));
    }

    static Response of(Problem problem, ObjectMapper json) {
        return builder(problem, json).build();
    }
}
