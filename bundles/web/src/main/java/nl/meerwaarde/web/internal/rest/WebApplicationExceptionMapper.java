package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
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
 * Answers a {@link WebApplicationException} (404 for an unknown path, 405, 403, 503...) with its status, its headers
 * (such as {@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}) and problem details whose title is the
 * status in the user's language. The exception's own message never reaches the client.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(Extensions.WEB_APPLICATION)
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    private final ObjectMapper json = Json.newMapper();

    /** The current request: a thread-local proxy the JAX-RS runtime injects. */
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return toResponse(exception, RequestInfo.of(request));
    }

    Response toResponse(WebApplicationException exception, RequestInfo info) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (original != null && (status < 400 || status > 599 || original.hasEntity())) {
            // a redirect, or an answer a resource wrote on purpose: passed on as it is
            return original;
        }
        if (status >= 500) {
            LOG.warn("{} {} answered {}: {}", info.method(), info.path(), status, exception.toString());
        } else {
            LOG.debug("{} {} answered {}: {}", info.method(), info.path(), status, exception.toString());
        }
        Problem problem = Problem.ofStatus(status, Messages.of(info.locale()));
        Response.ResponseBuilder builder = ProblemResponses.builder(problem, json);
        if (original != null) {
            for (Map.Entry<String, List<String>> header :
                    original.getStringHeaders().entrySet()) {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header.getKey())
                        && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(header.getKey())) {
                    header.getValue().forEach(value -> builder.header(header.getKey(), value));
                }
            }
        }
        return builder.build();
    }
}
