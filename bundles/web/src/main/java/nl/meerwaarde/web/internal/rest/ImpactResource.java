package nl.meerwaarde.web.internal.rest;

import java.time.Clock;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.ResponseStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.ResponseValidator;
import nl.meerwaarde.host.spi.Residents;
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
 * A participant's impact measurement, {@code /meerwaarde/api/v1/activities/{activityId}/participations/{residentId}/impact}:
 *
 * <ul>
 *   <li>{@code PUT} ({@link Bodies.Answers}): answers to the {@value #QUESTIONNAIRE} questionnaire (the given
 *       version, else the latest), checked by the {@link ResponseValidator}; when valid, kept as a questionnaire
 *       response ({@link ResponseStore}, replacing the participant's earlier one in this activity) and mapped onto
 *       the participation's {@link Participation.ImpactMeasurement} and referrals ({@link
 *       ActivityStore#saveParticipation}; the participation is created when the resident, known to the host, has
 *       none yet). Audited as {@code create} or {@code update} of a {@code measurement}.
 *   <li>{@code GET}: the measurement, audited as {@code read}.
 * </ul>
 *
 * Only workers of the activity's team (others: 404; a resident: 403); writing needs the role WORKER. Invalid
 * answers: 400 with every problem, nothing stored, nothing audited.
 */
@Component(service = ImpactResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/activities/{activityId}/participations/{residentId}/impact")
public final class ImpactResource {
    /** The shipped questionnaire of the impact measurement per participant. */
    static final String QUESTIONNAIRE = ImpactMeasurements.QUESTIONNAIRE;

    /** Audit object type of a measurement. */
    static final String AUDIT_TYPE = ImpactMeasurements.AUDIT_TYPE;

    /** Longest partner name a referral may have: the column's size. */
    static final int PARTNER_LENGTH = ImpactMeasurements.PARTNER_LENGTH;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore activities;

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
    private volatile Residents residents;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResponseValidator validator;

    private final Clock clock;

    public ImpactResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and clock given. */
    ImpactResource(
            ActivityStore activities,
            ResponseStore responses,
            AuditTrail audit,
            Residents residents,
            QuestionnaireCatalog catalog,
            ResponseValidator validator,
            Clock clock) {
        this.activities = activities;
        this.responses = responses;
        this.audit = audit;
        this.residents = residents;
        this.catalog = catalog;
        this.validator = validator;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Views.ImpactView get(
            @PathParam("activityId") String activityId,
            @PathParam("residentId") String residentId,
            @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        return measurements()
                .read(activityId, residentId, worker)
                .orElseThrow(Problems::notFound)
                .view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Views.ImpactView put(
            @PathParam("activityId") String activityId,
            @PathParam("residentId") String residentId,
            Bodies.Answers body,
            @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.writer(request);
        return measurements().save(activityId, residentId, body, worker).view();
    }

    private ImpactMeasurements measurements() {
        return new ImpactMeasurements(activities, responses, audit, residents, catalog, validator, clock);
    }
}
