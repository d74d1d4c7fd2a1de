package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.api.store.DefinitionStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.QuestionnaireParser;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Questionnaire definitions, under {@code /meerwaarde/api/v1/questionnaires}:
 *
 * <ul>
 *   <li>{@code GET}: the latest version of every definition (id, version, title);
 *   <li>{@code GET /{id}} and {@code GET /{id}/{version}}: one definition as a FHIR R4 Questionnaire resource. It is
 *       the parsed definition written back ({@link FhirQuestionnaires}), not the file as shipped or published, so
 *       every definition reads the same; it parses again to the same definition;
 *   <li>{@code POST}: publishes a definition (administrators only): the body is the FHIR Questionnaire JSON text,
 *       checked by the {@link QuestionnaireParser} (400 with every problem), kept as sent in the {@link
 *       DefinitionStore} (409 when that id and version exists already), 201 with its location.
 * </ul>
 *
 * Reading: any worker (a resident: 403). 503 while the catalog (or, for publishing, the store) is not there.
 */
@Component(service = QuestionnairesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/questionnaires")
public final class QuestionnairesResource {

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireParser parser;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DefinitionStore store;

    private final Clock clock;

    public QuestionnairesResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and clock given. */
    QuestionnairesResource(
            QuestionnaireCatalog catalog, QuestionnaireParser parser, DefinitionStore store, Clock clock) {
        this.catalog = catalog;
        this.parser = parser;
        this.store = store;
        this.clock = clock;
    }

    private QuestionnaireCatalog definitions() {
        return Problems.require(catalog);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Views.QuestionnaireSummary> list(@Context HttpServletRequest request) {
        Caller.worker(request);
        return definitions().latestVersions().stream()
                .map(q -> new Views.QuestionnaireSummary(q.ref().id(), q.ref().version(), q.title()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode latest(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller.worker(request);
        return FhirQuestionnaires.toJson(definitions().latest(id).orElseThrow(Problems::notFound));
    }

    @GET
    @Path("{id}/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode version(
            @PathParam("id") String id, @PathParam("version") String version, @Context HttpServletRequest request) {
        Caller.worker(request);
        return FhirQuestionnaires.toJson(definitions().find(ref(id, version)).orElseThrow(Problems::notFound));
    }

    /** The reference a path names; 404 for an id or version that cannot exist. */
    private static QuestionnaireRef ref(String id, String version) {
        try {
            return new QuestionnaireRef(id, Integer.parseInt(version));
        } catch (IllegalArgumentException e) {
            throw Problems.notFound();
        }
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/fhir+json"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(InputStream body, @Context HttpServletRequest request) throws IOException {
        Subject.WorkerSubject administrator = Caller.administrator(request);
        DefinitionStore definitions = Problems.require(store);
        QuestionnaireParser definitionParser = Problems.require(parser);
        QuestionnaireCatalog known = definitions();
        String json = utf8(BodyLimit.readAll(body));
        if (json.isBlank()) {
            throw new InvalidInputException(FieldError.of("body", FieldCodes.REQUIRED));
        }
        Questionnaire questionnaire = definitionParser.parse(json);
        List<FieldError> contract = ImpactMeasurements.contractErrors(questionnaire);
        if (!contract.isEmpty()) {
            throw new InvalidInputException(contract);
        }
        QuestionnaireRef ref = questionnaire.ref();
        if (known.find(ref).isPresent()) {
            throw exists(request, ref);
        }
        try {
            definitions.publish(
                    new DefinitionStore.PublishedDefinition(ref, json, clock.instant(), administrator.auditName()));
        } catch (IllegalStateException concurrent) {
            throw exists(request, ref);
        }
        return Response.created(URI.create("v1/questionnaires/" + ref.id() + "/" + ref.version()))
                .entity(new Views.QuestionnaireSummary(ref.id(), ref.version(), questionnaire.title()))
                .build();
    }

    private static javax.ws.rs.WebApplicationException exists(HttpServletRequest request, QuestionnaireRef ref) {
        return Problems.withDetail(
                request, 409, "problem.definitionExists.detail", ref.id(), Integer.toString(ref.version()));
    }

    /** The body as text; bytes that are not UTF-8 are invalid input. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(FieldError.of("body", FieldCodes.TYPE));
        }
    }
}
