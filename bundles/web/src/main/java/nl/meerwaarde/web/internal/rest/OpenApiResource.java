package nl.meerwaarde.web.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /meerwaarde/api/v1/openapi.json}: the OpenAPI 3.0.3 document of this version of the API, the bundle
 * resource {@value #DOCUMENT}, as it is (hand-written; {@code OpenApiConformanceTest} keeps it in line with the
 * resources). Like every call of the application it is only reached by requests the host has authenticated.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/openapi.json")
public final class OpenApiResource {
    /** The document, inside the bundle. */
    static final String DOCUMENT = "/openapi/meerwaarde-v1.json";

    /** The media type of an OpenAPI document in JSON (as proposed by the OpenAPI Initiative). */
    static final String OPENAPI_JSON = "application/vnd.oai.openapi+json";

    private volatile byte[] document;

    @GET
    @Produces({OPENAPI_JSON, MediaType.APPLICATION_JSON})
    public Response get(@Context HttpServletRequest request) {
        Caller.subject(request);
        return Response.ok(document()).build();
    }

    /** The document's bytes, read from the bundle once. */
    byte[] document() {
        byte[] bytes = document;
        if (bytes == null) {
            bytes = read();
            document = bytes;
        }
        return bytes;
    }

    static byte[] read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("The bundle has no " + DOCUMENT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }
}
