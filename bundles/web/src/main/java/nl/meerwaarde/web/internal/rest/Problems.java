package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Problem;
import nl.meerwaarde.web.internal.Requests;

/** Error answers the resources throw, and the parsing of ids in paths. */
final class Problems {
    private static final ObjectMapper JSON = Json.newMapper();

    private Problems() {}

    /**
     * An error answer with problem details whose detail is the message {@code detailKey} in the request's language
     * (the exception mapper passes an answer with a body on as it is).
     */
    static WebApplicationException withDetail(
            HttpServletRequest request, int status, String detailKey, Object... arguments) {
        Messages messages = Messages.of(request == null ? null : Requests.locale(request));
        Problem problem = Problem.ofStatus(status, messages).withDetail(messages.get(detailKey, arguments));
        return new WebApplicationException(ProblemResponses.of(problem, JSON));
    }

    static NotFoundException notFound() {
        return new NotFoundException();
    }

    /** 503 while a service the answer needs is not there. */
    static <T> T require(T service) {
        if (service == null) {
            throw new ServiceUnavailableException(SignalsResource.RETRY_AFTER_SECONDS);
        }
        return service;
    }

    /** A UUID from a path; anything else names nothing that exists (404). */
    static UUID uuid(String value) {
        return parseUuid(value).orElseThrow(Problems::notFound);
    }

    static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
