package nl.meerwaarde.web.internal.rest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /v1/me/self-scans}: a resident's own self-scans, and nothing else. Only a resident (a subject holding a
 * self-scan invitation) may call it; a worker is refused (403), as a resident is everywhere else in the API. A
 * self-scan is a questionnaire response about the resident that the resident entered: answers a worker entered
 * about the resident (an impact measurement, a ZRM assessment) are not shown here. Every response read is audited.
 */
@Component(service = SelfScansResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/me/self-scans")
public final class SelfScansResource {
    static final String AUDIT_TYPE = "response";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResponseStore responses;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    private final Clock clock;

    public SelfScansResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and clock given. */
    SelfScansResource(ResponseStore responses, AuditTrail audit, QuestionnaireCatalog catalog, Clock clock) {
        this.responses = responses;
        this.audit = audit;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The resident's own self-scans, oldest first, over every questionnaire the organisation holds. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Views.SelfScanView> list(@Context HttpServletRequest request) {
        Subject.ResidentSubject resident = resident(request);
        ResponseStore store = Problems.require(responses);
        AuditTrail trail = Problems.require(audit);
        List<QuestionnaireResponse> own = new ArrayList<>();
        for (Questionnaire questionnaire : Problems.require(catalog).latestVersions()) {
            store.ofResident(resident.resident(), questionnaire.ref().id()).stream()
                    .filter(response -> isOwn(response, resident))
                    .forEach(own::add);
        }
        own.sort(Comparator.comparing(QuestionnaireResponse::authored).thenComparing(QuestionnaireResponse::id));
        own.forEach(response -> audited(trail, response, resident));
        return own.stream().map(Views.SelfScanView::of).toList();
    }

    /** One of the resident's own self-scans; anything else, including another resident's, is 404. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Views.SelfScanView read(@PathParam("id") String id, @Context HttpServletRequest request) {
        Subject.ResidentSubject resident = resident(request);
        ResponseStore store = Problems.require(responses);
        AuditTrail trail = Problems.require(audit);
        QuestionnaireResponse response = uuid(id).flatMap(store::find)
                .filter(found -> isOwn(found, resident))
                .orElseThrow(NotFoundException::new);
        audited(trail, response, resident);
        return Views.SelfScanView.of(response);
    }

    private static Subject.ResidentSubject resident(HttpServletRequest request) {
        if (Caller.subject(request) instanceof Subject.ResidentSubject resident) {
            return resident;
        }
        throw new ForbiddenException();
    }

    private static boolean isOwn(QuestionnaireResponse response, Subject.ResidentSubject resident) {
        return response.resident().filter(resident.resident()::equals).isPresent()
                && response.authoredBy().equals(resident.auditName());
    }

    private void audited(AuditTrail trail, QuestionnaireResponse response, Subject.ResidentSubject resident) {
        trail.record(new AuditEvent(
                clock.instant(),
                resident.auditName(),
                "read",
                AUDIT_TYPE,
                response.id().toString(),
                resident.resident()));
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
