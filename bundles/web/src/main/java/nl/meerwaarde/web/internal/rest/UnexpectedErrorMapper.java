package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers any other failure with 500 and a generic message. The exception is logged (in English, with its stack
 * trace) under a new incident id; the client sees only that id, so that support can find the log entry.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(Extensions.UNEXPECTED)
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    private final ObjectMapper json = Json.newMapper();

    /** The current request: a thread-local proxy the JAX-RS runtime injects. */
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        return toResponse(exception, RequestInfo.of(request));
    }

    Response toResponse(Throwable exception, RequestInfo info) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error answering {} {} (incident {})", info.method(), info.path(), incident, exception);
        return ProblemResponses.of(Problem.unexpected(incident, Messages.of(info.locale())), json);
    }
}
