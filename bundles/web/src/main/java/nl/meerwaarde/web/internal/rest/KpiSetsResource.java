package nl.meerwaarde.web.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Role;
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
 * {@code /v1/kpi-sets}: the KPI sets per funder (a municipality picks the KPIs of its report). Every worker reads
 * them; a manager or administrator creates, replaces and deletes them. {@code GET /v1/kpis/results?set=} computes
 * a set.
 */
@Component(service = KpiSetsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/kpi-sets")
public final class KpiSetsResource {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MAX_KPIS = KpisResource.MAX_KPIS;
    /** Problem detail of a save that met another save of the same record (409): try again. */
    static final String CONCURRENT = "problem.concurrentChange.detail";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiSetStore sets;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiEngine engine;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    public KpiSetsResource() {}

    /** For tests: the services given. */
    KpiSetsResource(KpiSetStore sets, KpiEngine engine, Organisation organisation) {
        this.sets = sets;
        this.engine = engine;
        this.organisation = organisation;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KpiViews.KpiSetView> list(@Context HttpServletRequest request) {
        Caller.worker(request);
        return Problems.require(sets).all().stream()
                .map(KpiViews.KpiSetView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public KpiViews.KpiSetView read(@PathParam("id") String id, @Context HttpServletRequest request) {
        Caller.worker(request);
        return Problems.require(sets).find(id).map(KpiViews.KpiSetView::of).orElseThrow(Problems::notFound);
    }

    /** Creates the set or replaces it whole. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public KpiViews.KpiSetView save(
            @PathParam("id") String id, KpiViews.KpiSetBody body, @Context HttpServletRequest request) {
        Subject.WorkerSubject manager = manager(request);
        KpiSet set = checked(id, body);
        try {
            Problems.require(sets).save(set, manager.auditName());
        } catch (IllegalStateException concurrent) {
            throw Problems.withDetail(request, 409, CONCURRENT);
        }
        return KpiViews.KpiSetView.of(set);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest request) {
        manager(request);
        if (!Problems.require(sets).delete(id)) {
            throw Problems.notFound();
        }
        return Response.noContent().build();
    }

    /** A manager or administrator; anyone else 403. */
    static Subject.WorkerSubject manager(HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        if (!worker.hasRole(Role.MANAGER) && !worker.hasRole(Role.ADMINISTRATOR)) {
            throw new ForbiddenException();
        }
        return worker;
    }

    private KpiSet checked(String id, KpiViews.KpiSetBody body) {
        Check check = new Check();
        if (id == null || !ID.matcher(id).matches()) {
            check.add("id", FieldCodes.INVALID);
        }
        if (body == null) {
            check.add("name", FieldCodes.REQUIRED);
            check.add("kpis", FieldCodes.REQUIRED);
            check.done();
        }
        String name = check.required("name", body.name(), 200);
        Optional<FunderId> funder =
                check.optional("funder", body.funder(), Check.HOST_ID_LENGTH).map(FunderId::new);
        if (funder.isPresent()
                && Problems.require(organisation).funders().stream()
                        .noneMatch(known -> known.id().equals(funder.get()))) {
            check.add("funder", FieldCodes.OPTION);
        }
        List<String> kpis = new ArrayList<>();
        if (body.kpis() == null || body.kpis().isEmpty()) {
            check.add("kpis", FieldCodes.REQUIRED);
        } else if (body.kpis().size() > MAX_KPIS) {
            check.add("kpis", FieldCodes.RANGE, 1, MAX_KPIS);
        } else {
            KpiEngine kpiEngine = Problems.require(engine);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < body.kpis().size(); i++) {
                String kpi = body.kpis().get(i);
                if (kpi == null || kpiEngine.definition(kpi).isEmpty()) {
                    check.add("kpis[" + i + "]", FieldCodes.OPTION);
                } else if (!seen.add(kpi)) {
                    check.add("kpis[" + i + "]", FieldCodes.INVALID);
                } else {
                    kpis.add(kpi);
                }
            }
        }
        check.done();
        return new KpiSet(id, name, funder, kpis);
    }
}
