package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.kpi.KpiLibraries;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /v1/kpi-libraries}: the KPI libraries in use (shipped, from the organisation's folder, published), and the
 * organisation's own: an administrator publishes a library file ({@code meerwaarde-kpi-library}, docs/kpi-engine.md)
 * with {@code PUT}, checked whole and against every other library before it is taken, and removes it with {@code
 * DELETE}.
 */
@Component(service = KpiLibrariesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/kpi-libraries")
public final class KpiLibrariesResource {
    static final Pattern ID = KpiSetsResource.ID;
    static final String ID_MISMATCH = "kpi.libraryId";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiLibraries libraries;

    private final ObjectMapper json = Json.newMapper();

    public KpiLibrariesResource() {}

    /** For tests: the service given. */
    KpiLibrariesResource(KpiLibraries libraries) {
        this.libraries = libraries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KpiViews.KpiLibraryView> list(@Context HttpServletRequest request) {
        Caller.worker(request);
        return Problems.require(libraries).libraries().stream()
                .map(KpiViews.KpiLibraryView::of)
                .toList();
    }

    /** Publishes the library in the body under its id (which must be the id in the path). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public KpiViews.KpiLibraryView publish(
            @PathParam("id") String id, InputStream body, @Context HttpServletRequest request) throws IOException {
        Subject.WorkerSubject administrator = Caller.administrator(request);
        String text = utf8(BodyLimit.readAll(body));
        if (text.isBlank()) {
            throw new InvalidInputException(FieldError.of("body", FieldCodes.REQUIRED));
        }
        JsonNode document;
        try {
            document = json.readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException(FieldError.of("", FieldCodes.TYPE));
        }
        if (document == null || !id.equals(document.path("id").asText(null))) {
            throw new InvalidInputException(FieldError.of("id", ID_MISMATCH, id));
        }
        try {
            return KpiViews.KpiLibraryView.of(Problems.require(libraries).publish(text, administrator.auditName()));
        } catch (IllegalStateException concurrent) {
            throw Problems.withDetail(request, 409, KpiSetsResource.CONCURRENT);
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller.administrator(request);
        if (!ID.matcher(id).matches() || !Problems.require(libraries).remove(id)) {
            throw Problems.notFound();
        }
        return Response.noContent().build();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(FieldError.of("", FieldCodes.TYPE));
        }
    }
}
