package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Answers invalid input with 400 and problem details listing every invalid field: its path, its message code and the
 * message in the user's language.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(Extensions.INVALID_INPUT)
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
public final class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    private final ObjectMapper json = Json.newMapper();

    /** The current request: a thread-local proxy the JAX-RS runtime injects. */
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(InvalidInputException exception) {
        return toResponse(exception, RequestInfo.of(request));
    }

    Response toResponse(InvalidInputException exception, RequestInfo info) {
        Messages messages = Messages.of(info.locale());
        List<Problem.FieldProblem> errors = exception.errors().stream()
                .map(error -> new Problem.FieldProblem(error.field(), error.code(), message(error, messages)))
                .toList();
        Problem problem = new Problem(
                Problem.INVALID_INPUT,
                messages.get("problem.invalidInput.title"),
                400,
                messages.get("problem.invalidInput.detail"),
                null,
                null,
                errors);
        return ProblemResponses.of(problem, json);
    }

    /** The text of a field error in the user's language: the same for the REST answer and the screens. */
    public static String message(InvalidInputException.FieldError error, Messages messages) {
        return messages.find(error.code(), arguments(error, messages))
                .orElseGet(() -> messages.get(FieldCodes.INVALID));
    }

    /**
     * The message arguments of an error; the workflow codes' arguments are stage names, shown as the stage's title
     * in the user's language.
     */
    static Object[] arguments(InvalidInputException.FieldError error, Messages messages) {
        if (!error.code().startsWith("workflow.")) {
            return error.arguments().toArray();
        }
        return error.arguments().stream()
                .map(argument -> messages.find("stage." + argument).orElse(String.valueOf(argument)))
                .toArray();
    }
}
