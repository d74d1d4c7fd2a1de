package nl.meerwaarde.web.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.KpiAccess;
import nl.meerwaarde.web.internal.Requests;
import nl.meerwaarde.web.internal.report.ReportFormat;
import nl.meerwaarde.web.internal.report.ReportJobs;
import nl.meerwaarde.web.internal.report.ReportKpiChoice;
import nl.meerwaarde.web.internal.report.ReportOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /v1/kpi-reports}: a KPI report for a funder as PDF or CSV, made in the background. {@code POST} starts a job
 * (202, {@code Location} of the job), {@code GET /{id}} tells how far it is, {@code GET /{id}/file} gives the file
 * once it is done. A job is seen only by the user who started it (404 for anyone else). Who may report on which scope
 * is the rule of {@code /v1/kpis/results} ({@link KpiAccess}).
 */
@Component(service = ReportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/kpi-reports")
public final class ReportsResource {
    static final String PDF = "application/pdf";
    static final String CSV = "text/csv";

    /**
     * What to report on.
     *
     * @param set a KPI set's id, or a library's
     * @param kpis KPIs one by one (instead of, or besides, a set)
     * @param scope {@code organisation}, {@code team}, {@code activity}, {@code targetGroup} or {@code funder}
     * @param id the team, activity, target group or funder, except for the organisation
     * @param period {@code 2026}, {@code 2026-Q2} or {@code 2026-03}; or {@code from} and {@code to}, both included
     * @param format {@code pdf} or {@code csv}
     */
    public record KpiReportOrder(
            String set,
            List<String> kpis,
            String scope,
            String id,
            String period,
            String from,
            String to,
            String format) {}

    /**
     * A report job as it is now.
     *
     * @param status {@code queued}, {@code running}, {@code done} or {@code failed}
     * @param progress how far the job is, from 0 to 1
     * @param file where the file is, once the job is done
     * @param failure why the job failed, for people, once it failed
     */
    public record KpiReportJob(
            String id,
            String status,
            double progress,
            String format,
            String fileName,
            Optional<String> file,
            Optional<String> failure) {
        static KpiReportJob of(ReportJobs.Job job) {
            return new KpiReportJob(
                    job.id().toString(),
                    job.state().name().toLowerCase(Locale.ROOT),
                    job.progress(),
                    job.format().extension(),
                    job.fileName(),
                    job.state() == ReportJobs.State.DONE
                            ? Optional.of("v1/kpi-reports/" + job.id() + "/file")
                            : Optional.empty(),
                    job.failure());
        }
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportJobs jobs;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiEngine engine;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ActivityStore activities;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiSetStore sets;

    /** The host's teams and funders, to tell an unknown one (404) from one without figures. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    public ReportsResource() {}

    /** For tests: the services given. */
    ReportsResource(ReportJobs jobs, KpiEngine engine, ActivityStore activities, KpiSetStore sets) {
        this.jobs = jobs;
        this.engine = engine;
        this.activities = activities;
        this.sets = sets;
    }

    /** Starts a report: 202 with the job and its {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(KpiReportOrder body, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        ReportJobs reportJobs = Problems.require(jobs);
        KpiEngine kpiEngine = Problems.require(engine);
        if (!reportJobs.available()) {
            Problems.require((Object) null);
        }
        KpiReportOrder order = body == null ? new KpiReportOrder(null, null, null, null, null, null, null, null) : body;
        ReportKpiChoice choice = ReportKpiChoice.of(kpiEngine, sets, order.set(), order.kpis(), "kpis");
        List<FieldError> errors = new ArrayList<>(choice.errors());
        Optional<Scope> scope = KpisResource.scope(order.scope(), order.id(), errors);
        Optional<Period> period = KpisResource.period(order.period(), order.from(), order.to(), errors);
        Optional<ReportFormat> format = ReportFormat.parse(order.format());
        if (format.isEmpty()) {
            errors.add(FieldError.of("format", order.format() == null ? FieldCodes.REQUIRED : FieldCodes.OPTION));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        KpisResource.authorise(worker, scope.orElseThrow(), activities, organisation);
        ReportOrder checked = new ReportOrder(
                choice.set(),
                choice.library(),
                choice.kpiIds(),
                scope.get(),
                period.orElseThrow(),
                format.orElseThrow(),
                Requests.locale(request));
        ReportJobs.Job job;
        try {
            job = reportJobs.start(owner(worker), checked);
        } catch (ReportJobs.RefusedException e) {
            throw e.perUser()
                    ? Problems.withDetail(request, 429, "report.error.perUser", ReportJobs.MAX_PER_USER)
                    : Problems.withDetail(request, 429, "report.error.busy");
        }
        return Response.accepted(KpiReportJob.of(job))
                .location(URI.create("v1/kpi-reports/" + job.id()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** How far the job is. */
    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public KpiReportJob status(@PathParam("jobId") String jobId, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        return KpiReportJob.of(find(worker, jobId));
    }

    /** The report, once the job is done (409 before, 404 when it failed or is gone). */
    @GET
    @Path("{jobId}/file")
    @Produces({PDF, CSV})
    public Response file(@PathParam("jobId") String jobId, @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        ReportJobs.Job job = find(worker, jobId);
        if (job.state() == ReportJobs.State.FAILED) {
            throw Problems.notFound();
        }
        byte[] file = job.file()
                .orElseThrow(() ->
                        Problems.withDetail(request, 409, "report.status.running", Math.round(job.progress() * 100)));
        return Response.ok(file)
                .type(job.format() == ReportFormat.PDF ? PDF : CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private ReportJobs.Job find(Subject.WorkerSubject worker, String jobId) {
        UUID id = Problems.uuid(jobId);
        return Problems.require(jobs).find(owner(worker), id).orElseThrow(Problems::notFound);
    }

    /** Whose a job is: the worker's id. */
    static String owner(Subject.WorkerSubject worker) {
        return worker.worker().id().value();
    }
}
