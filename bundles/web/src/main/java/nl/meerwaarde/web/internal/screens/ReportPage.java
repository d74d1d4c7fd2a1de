package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.KpiAccess;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.QueryString;
import nl.meerwaarde.web.internal.Requests;
import nl.meerwaarde.web.internal.report.ReportFormat;
import nl.meerwaarde.web.internal.report.ReportJobs;
import nl.meerwaarde.web.internal.report.ReportKpiChoice;
import nl.meerwaarde.web.internal.report.ReportOrder;
import nl.meerwaarde.web.internal.security.CsrfGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * "Rapport exporteren" at {@code /meerwaarde/report}, reached from the dashboard with its choice in the query
 * ({@code set} — a library or a stored KPI set —, {@code scope}, {@code period} or {@code from} and {@code to}, read
 * as the dashboard reads them). The page asks for PDF or CSV and posts; the report is made by {@link ReportJobs}. A
 * report done within {@link #QUICK} is downloaded at once; otherwise the status page ({@code ?job=}) shows a
 * {@code <progress>} and refreshes itself every {@value #REFRESH_SECONDS} seconds (the HTTP {@code Refresh} header,
 * no script) until the file can be downloaded ({@code ?job=&download=1}). Who may report on which scope follows the
 * dashboard ({@link KpiAccess}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/report")
@HttpWhiteboardServletName("meerwaarde-report")
public final class ReportPage extends PageServlet {
    private static final long serialVersionUID = 1L;

    static final String PATH = "/report";
    static final String JOB = "job";
    static final String DOWNLOAD = "download";
    static final String FORMAT = "format";
    /** How long a post waits for the report before it shows the status page instead. */
    static final Duration QUICK = Duration.ofSeconds(1);

    static final int REFRESH_SECONDS = 2;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile KpiEngine engine;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ActivityStore activities;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Organisation organisation;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile KpiSetStore sets;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ReportJobs jobs;

    @Activate
    public ReportPage(@Reference(name = "menu") ScreenMenu menu, @Reference(name = "csrf") CsrfGuard csrf) {
        super(menu, csrf);
    }

    /** For tests: the services given. */
    ReportPage(
            ScreenMenu menu,
            CsrfGuard csrf,
            KpiEngine engine,
            ActivityStore activities,
            Organisation organisation,
            KpiSetStore sets,
            ReportJobs jobs) {
        super(menu, csrf);
        this.engine = engine;
        this.activities = activities;
        this.organisation = organisation;
        this.sets = sets;
        this.jobs = jobs;
    }

    /** The file of a finished job, or a status page that refreshes itself while the job runs. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReportJobs reportJobs = jobs;
        Optional<UUID> id = jobId(request);
        if (reportJobs != null
                && id.isPresent()
                && Requests.subject(request).orElse(null) instanceof Subject.WorkerSubject worker) {
            Optional<ReportJobs.Job> job = reportJobs.find(owner(worker), id.get());
            if (job.isPresent()
                    && job.get().file().isPresent()
                    && QueryString.first(request.getQueryString(), DOWNLOAD).isPresent()) {
                byte[] file = job.get().file().get();
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(job.get().format().contentType());
                response.setHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + job.get().fileName() + "\"");
                response.setHeader("Cache-Control", "private, no-store");
                response.setContentLength(file.length);
                response.getOutputStream().write(file);
                return;
            }
            if (job.isPresent()
                    && (job.get().state() == ReportJobs.State.QUEUED
                            || job.get().state() == ReportJobs.State.RUNNING)) {
                response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
            }
        }
        super.doGet(request, response);
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        String title = messages.get("report.page.title");
        if (engine == null || activities == null || jobs == null) {
            return PageContent.message(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, messages.get("page.unavailable.text"));
        }
        Optional<UUID> id = jobId(request);
        if (id.isPresent()) {
            return status(jobs.find(owner(worker), id.get()), messages, links);
        }
        if (QueryString.first(request.getQueryString(), JOB).isPresent()) {
            return status(Optional.empty(), messages, links);
        }
        return form(request, worker, messages, links, Optional.empty(), HttpServletResponse.SC_OK);
    }

    @Override
    PageContent post(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        String title = messages.get("report.page.title");
        if (engine == null || activities == null || jobs == null || !jobs.available()) {
            return PageContent.message(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, messages.get("page.unavailable.text"));
        }
        Asked asked = asked(request, worker);
        Optional<ReportFormat> format = ReportFormat.parse(request.getParameter(FORMAT));
        if (!asked.problems().isEmpty() || format.isEmpty()) {
            return form(request, worker, messages, links, Optional.of("report.error.format"), 400);
        }
        Optional<CollectiveActivity> activity = activity(asked.scope());
        if (!KpiAccess.allowed(worker, asked.scope(), activity)) {
            return form(request, worker, messages, links, Optional.empty(), 403);
        }
        ReportOrder order = new ReportOrder(
                asked.choice().set(),
                asked.choice().library(),
                asked.choice().kpiIds(),
                asked.scope(),
                asked.query().period().orElseThrow(),
                format.get(),
                messages.locale());
        ReportJobs.Job job;
        try {
            job = jobs.start(owner(worker), order);
        } catch (ReportJobs.RefusedException e) {
            return form(
                    request,
                    worker,
                    messages,
                    links,
                    Optional.of(e.perUser() ? "report.error.perUser" : "report.error.busy"),
                    429);
        }
        ReportJobs.Job now = jobs.await(owner(worker), job.id(), QUICK).orElse(job);
        String status = links.contextPath() + PATH + "?" + JOB + "=" + job.id();
        if (now.state() == ReportJobs.State.DONE) {
            return PageContent.seeOther(links.href(status + "&" + DOWNLOAD + "=1"));
        }
        return PageContent.seeOther(links.href(status));
    }

    /** What the query asks for, read as the dashboard reads it. */
    private record Asked(DashboardQuery query, ReportKpiChoice choice, Scope scope, List<String> problems) {}

    private Asked asked(HttpServletRequest request, Subject.WorkerSubject worker) {
        List<String> choices = new ArrayList<>(DashboardPage.libraries(engine.definitions()));
        KpiSetStore store = sets;
        if (store != null) {
            store.all().stream()
                    .map(KpiSet::id)
                    .filter(id -> !choices.contains(id))
                    .forEach(choices::add);
        }
        Optional<String> defaultScope = KpiAccess.seesEveryScope(worker)
                ? Optional.of(DashboardQuery.ORGANISATION)
                : worker.teams().stream()
                        .map(TeamId::value)
                        .sorted()
                        .findFirst()
                        .map(team -> DashboardQuery.TEAM + ":" + team);
        DashboardQuery query = DashboardQuery.read(
                request.getQueryString(), choices, defaultScope, LocalDate.now(Clock.systemDefaultZone()));
        List<String> problems = new ArrayList<>();
        query.problems().forEach(problem -> problems.add(problem.key()));
        ReportKpiChoice choice =
                ReportKpiChoice.of(engine, store, query.values().set(), null, "kpi");
        if (!choice.errors().isEmpty()) {
            problems.add("dashboard.error.set");
        }
        if (query.scope().isEmpty() && problems.isEmpty()) {
            problems.add("dashboard.noTeams");
        }
        return new Asked(query, choice, query.scope().orElse(null), problems);
    }

    private Optional<CollectiveActivity> activity(Scope scope) {
        return scope instanceof Scope.ActivityScope one ? activities.find(one.activity()) : Optional.empty();
    }

    /** The form: what the report is about, and PDF or CSV. */
    private PageContent form(
            HttpServletRequest request,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links,
            Optional<String> error,
            int status) {
        String title = messages.get("report.page.title");
        Asked asked = asked(request, worker);
        String dashboard = links.contextPath() + "/dashboard" + query(request);
        StringBuilder html = new StringBuilder(4096)
                .append("<p class=\"lead\">")
                .append(escape(messages.get("report.page.intro")))
                .append("</p>\n");
        if (!asked.problems().isEmpty()) {
            asked.problems().forEach(key -> html.append(Layout.paragraph(messages.get(key, DashboardQuery.MAX_YEARS))));
            html.append(back(dashboard, messages));
            return PageContent.page(title, DashboardScreen.PATH, html.toString())
                    .withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Optional<CollectiveActivity> activity = activity(asked.scope());
        if (status == 403 || !KpiAccess.allowed(worker, asked.scope(), activity)) {
            html.append(Layout.paragraph(messages.get("dashboard.error.forbidden")))
                    .append(back(dashboard, messages));
            return PageContent.page(title, DashboardScreen.PATH, html.toString())
                    .withStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        DashboardHtml names = new DashboardHtml(request, messages, links, worker, organisation, activities);
        String setName = asked.choice()
                .set()
                .map(KpiSet::name)
                .orElseGet(() -> names.libraryName(asked.query().values().set()));
        String scopeName = activity.map(CollectiveActivity::title).orElseGet(() -> names.scopeName(asked.scope()));
        String period = names.periodLabel(
                asked.query().period().orElseThrow(), asked.query().kind());
        Form form = Form.empty(request, messages);
        form.set(FORMAT, List.of("pdf"));
        error.ifPresent(key -> form.error(
                "report-format-pdf", messages.get("report.field.format"), messages.get(key, ReportJobs.MAX_PER_USER)));
        html.append(form.summary())
                .append("<p class=\"report-what\"><strong>")
                .append(escape(messages.get("report.page.what", setName, scopeName, period)))
                .append("</strong></p>\n")
                .append(form.open(links.contextPath() + PATH + query(request), "report-form"))
                .append(form.radios(
                        FORMAT,
                        "report-format",
                        messages.get("report.field.format"),
                        null,
                        List.of(
                                new Form.Option("pdf", messages.get("report.format.pdf")),
                                new Form.Option("csv", messages.get("report.format.csv")))))
                .append(form.submit("report-start", messages.get("report.start")))
                .append("</form>\n")
                .append(back(dashboard, messages));
        return PageContent.page(title, DashboardScreen.PATH, html.toString()).withStatus(status);
    }

    /** The status of a job: waiting or running with its progress, done with the download, failed with why. */
    private PageContent status(Optional<ReportJobs.Job> found, Messages messages, Links links) {
        if (found.isEmpty()) {
            return PageContent.message(
                    HttpServletResponse.SC_NOT_FOUND,
                    messages.get("report.page.title"),
                    messages.get("report.status.gone", ReportJobs.KEPT.toMinutes()));
        }
        ReportJobs.Job job = found.get();
        String here = links.contextPath() + PATH + "?" + JOB + "=" + job.id();
        StringBuilder html = new StringBuilder(2048);
        switch (job.state()) {
            case QUEUED, RUNNING -> {
                long percent = Math.round(job.progress() * 100);
                String text = job.state() == ReportJobs.State.QUEUED
                        ? messages.get("report.status.queued")
                        : messages.get("report.status.running", percent);
                html.append("<div class=\"report-progress\" role=\"status\">\n<label for=\"report-progress\">")
                        .append(escape(messages.get("report.status.progress")))
                        .append("</label>\n<progress id=\"report-progress\" max=\"100\" value=\"")
                        .append(percent)
                        .append("\">")
                        .append(percent)
                        .append("%</progress>\n<p>")
                        .append(escape(text))
                        .append("</p>\n</div>\n<p>")
                        .append(escape(messages.get("report.status.refresh")))
                        .append(" <a href=\"")
                        .append(escape(links.href(here)))
                        .append("\">")
                        .append(escape(messages.get("report.status.refreshLink")))
                        .append("</a></p>\n");
                return PageContent.page(messages.get("report.status.title"), DashboardScreen.PATH, html.toString());
            }
            case DONE -> {
                html.append(Layout.paragraph(messages.get("report.status.done")))
                        .append("<p><a class=\"button\" href=\"")
                        .append(escape(links.href(here + "&" + DOWNLOAD + "=1")))
                        .append("\" download>")
                        .append(escape(messages.get("report.status.download", job.fileName())))
                        .append("</a></p>\n");
                return PageContent.page(messages.get("report.page.title"), DashboardScreen.PATH, html.toString());
            }
            default -> {
                html.append("<div class=\"notice notice--error\" role=\"alert\">\n")
                        .append(Layout.paragraph(messages.get("report.status.failed")))
                        .append(Layout.paragraph(job.failure().orElse("")))
                        .append("</div>\n")
                        .append(back(links.contextPath() + "/dashboard", messages));
                return PageContent.page(messages.get("report.page.title"), DashboardScreen.PATH, html.toString())
                        .withStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private static String back(String dashboard, Messages messages) {
        return "<p><a href=\"" + escape(dashboard) + "\">" + escape(messages.get("report.back")) + "</a></p>\n";
    }

    /** The query string of the request with a leading {@code ?}, or nothing. */
    private static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    private static Optional<UUID> jobId(HttpServletRequest request) {
        return QueryString.first(request.getQueryString(), JOB).flatMap(text -> {
            try {
                UUID id = UUID.fromString(text);
                return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    static String owner(Subject.WorkerSubject worker) {
        return worker.worker().id().value();
    }

    /** The report page's query for the dashboard's choice: set, scope and period, the language carried on. */
    static String link(Links links, String set, Scope scope, DashboardQuery.Values values, LocalDate periodStart) {
        StringBuilder query = new StringBuilder()
                .append(DashboardQuery.SET)
                .append('=')
                .append(encode(set))
                .append('&')
                .append(DashboardQuery.SCOPE)
                .append('=')
                .append(encode(DashboardQuery.value(scope)));
        if (!values.from().isEmpty() || !values.to().isEmpty()) {
            query.append("&from=").append(encode(values.from())).append("&to=").append(encode(values.to()));
        } else {
            String period = values.period().isEmpty() ? String.valueOf(periodStart.getYear()) : values.period();
            query.append("&period=").append(encode(period));
        }
        links.explicitLanguage().ifPresent(language -> query.append('&')
                .append(Languages.PARAMETER)
                .append('=')
                .append(language.getLanguage()));
        return links.contextPath() + PATH + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
