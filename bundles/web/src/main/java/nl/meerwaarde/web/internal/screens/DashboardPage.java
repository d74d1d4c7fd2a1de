package nl.meerwaarde.web.internal.screens;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.KpiAccess;
import nl.meerwaarde.web.internal.Messages;
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
 * "KPI-dashboard" at {@code /meerwaarde/dashboard}: the figures of a KPI set (a stored set of a funder, or a library)
 * for a scope and period, each with its n, as tables that charts (Chart.js, drawn by {@code static/dashboard.js}) are
 * drawn from; a trend line of one KPI over the periods up to the chosen one; the Positieve Gezondheid spider web and
 * ZRM progress when the set has their outcome KPIs; external figures per municipality and period; drill-down from the
 * organisation to a team to an activity. A plain GET form, so that every view has a URL and works without scripts.
 *
 * <p>Who sees what follows the REST resource {@code /v1/kpis/results}: a manager or administrator every scope, a
 * worker only his or her own teams and their activities (403 with the form and a message otherwise).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)
@HttpWhiteboardServletPattern("/dashboard")
@HttpWhiteboardServletName("meerwaarde-dashboard")
public final class DashboardPage extends PageServlet {
    private static final long serialVersionUID = 1L;

    /** The library shown when none is asked, when there is one. */
    static final String DEFAULT_LIBRARY = "tinten";

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
    private volatile Organisation organisation;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiSetStore sets;

    @Activate
    public DashboardPage(@Reference(name = "menu") ScreenMenu menu) {
        super(menu);
    }

    /** For tests: the services given. */
    DashboardPage(ScreenMenu menu, KpiEngine engine, ActivityStore activities, Organisation organisation) {
        this(menu, engine, activities, organisation, null, null);
    }

    /** For tests: the services given, the catalog and the set store too ({@code null} for a missing one). */
    DashboardPage(
            ScreenMenu menu,
            KpiEngine engine,
            ActivityStore activities,
            Organisation organisation,
            QuestionnaireCatalog catalog,
            KpiSetStore sets) {
        super(menu);
        this.engine = engine;
        this.activities = activities;
        this.organisation = organisation;
        this.catalog = catalog;
        this.sets = sets;
    }

    @Override
    PageContent content(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        return render(
                engine,
                activities,
                organisation,
                catalog,
                sets,
                request,
                worker,
                messages,
                links,
                LocalDate.now(Clock.systemDefaultZone()));
    }

    /** The page without questionnaire catalog and stored KPI sets (see the other {@code render}). */
    static PageContent render(
            KpiEngine engine,
            ActivityStore activities,
            Organisation organisation,
            HttpServletRequest request,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links,
            LocalDate today) {
        return render(engine, activities, organisation, null, null, request, worker, messages, links, today);
    }

    /**
     * The page for the request's query string; {@code null} services are missing ones (503 without engine or store;
     * without catalog the outcome KPIs' items are shown by their answer paths, without set store only the libraries
     * are sets).
     *
     * @param today the day the default period (its year) is taken from
     */
    static PageContent render(
            KpiEngine engine,
            ActivityStore activities,
            Organisation organisation,
            QuestionnaireCatalog catalog,
            KpiSetStore sets,
            HttpServletRequest request,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links,
            LocalDate today) {
        String title = messages.get("screen.dashboard.title");
        if (engine == null || activities == null) {
            return PageContent.message(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, title, messages.get("page.unavailable.text"));
        }
        boolean allScopes = seesEveryScope(worker);
        List<KpiDefinition> definitions = engine.definitions();
        List<KpiSet> stored = sets == null ? List.of() : sets.all();
        List<String> choices = new ArrayList<>(libraries(definitions));
        stored.stream().map(KpiSet::id).filter(id -> !choices.contains(id)).forEach(choices::add);
        Optional<String> defaultScope = allScopes
                ? Optional.of(DashboardQuery.ORGANISATION)
                : worker.teams().stream()
                        .map(TeamId::value)
                        .sorted()
                        .findFirst()
                        .map(team -> DashboardQuery.TEAM + ":" + team);
        DashboardQuery asked = DashboardQuery.read(request.getQueryString(), choices, defaultScope, today);
        DashboardHtml html =
                new DashboardHtml(request, messages, links, worker, organisation, activities, catalog, stored);
        List<KpiDefinition> inSet = inSet(definitions, stored, asked.values().set());
        List<KpiDefinition> trendable = inSet.stream()
                .filter(DashboardPage::computed)
                .filter(definition -> definition.breakdown().isEmpty())
                .toList();
        List<DashboardQuery.Problem> problems = new ArrayList<>(asked.problems());
        String kpi = asked.values().kpi();
        // a KPI of another library (the form still had it when the set was changed) gives way to this set's first
        boolean otherLibrary =
                definitions.stream().anyMatch(definition -> definition.id().equals(kpi) && !inSet.contains(definition));
        Optional<KpiDefinition> trendKpi = trendable.stream()
                .filter(definition -> definition.id().equals(kpi))
                .findFirst()
                .or(() -> kpi.isEmpty() || otherLibrary ? trendable.stream().findFirst() : Optional.empty());
        if (trendKpi.isEmpty() && !kpi.isEmpty() && !otherLibrary) {
            problems.add(new DashboardQuery.Problem("dashboard-kpi", "dashboard.error.kpi", List.of()));
        }
        if (asked.scope().isEmpty() && problems.isEmpty()) {
            // a worker without teams: nothing he or she may see
            return PageContent.page(
                    title, DashboardScreen.PATH, html.intro() + Layout.paragraph(messages.get("dashboard.noTeams")));
        }
        if (!problems.isEmpty()) {
            return PageContent.page(
                            title, DashboardScreen.PATH, html.form(asked, choices, trendable, trendKpi, problems))
                    .withStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Scope scope = asked.scope().orElseThrow();
        Optional<CollectiveActivity> activity =
                scope instanceof Scope.ActivityScope one ? activities.find(one.activity()) : Optional.empty();
        if (!allowed(worker, scope, activity)) {
            problems.add(new DashboardQuery.Problem("dashboard-scope", "dashboard.error.forbidden", List.of()));
            return PageContent.page(
                            title, DashboardScreen.PATH, html.form(asked, choices, trendable, trendKpi, problems))
                    .withStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        if (scope instanceof Scope.ActivityScope && activity.isEmpty()) {
            problems.add(new DashboardQuery.Problem("dashboard-scope", "dashboard.error.noActivity", List.of()));
            return PageContent.page(
                            title, DashboardScreen.PATH, html.form(asked, choices, trendable, trendKpi, problems))
                    .withStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        Period period = asked.period().orElseThrow();
        // every KPI of the set: the external ones give the figures entered for the scope's municipalities
        List<KpiResult> results = inSet.isEmpty()
                ? List.of()
                : engine.compute(inSet.stream().map(KpiDefinition::id).toList(), scope, period);
        List<DashboardHtml.TrendPoint> trend = new ArrayList<>();
        if (trendKpi.isPresent()) {
            for (DashboardHtml.Labelled earlier : DashboardHtml.trendPeriods(period, asked.kind(), messages)) {
                List<KpiResult> one = engine.compute(List.of(trendKpi.get().id()), scope, earlier.period());
                trend.add(new DashboardHtml.TrendPoint(
                        earlier, one.isEmpty() ? List.of() : one.get(0).values()));
            }
        }
        String body = html.form(asked, choices, trendable, trendKpi, List.of())
                + html.results(asked, scope, activity, inSet, results, trendKpi, trend);
        return PageContent.page(title, DashboardScreen.PATH, body);
    }

    /**
     * The KPIs of the chosen set: a stored set's (in its order; a KPI the engine no longer knows is left out), else
     * those of the library with that id, as {@code GET /v1/kpis/results} reads {@code set}.
     */
    static List<KpiDefinition> inSet(List<KpiDefinition> definitions, List<KpiSet> stored, String set) {
        Optional<KpiSet> chosen =
                stored.stream().filter(one -> one.id().equals(set)).findFirst();
        if (chosen.isPresent()) {
            return chosen.get().kpiIds().stream()
                    .distinct()
                    .flatMap(id -> definitions.stream()
                            .filter(definition -> definition.id().equals(id)))
                    .toList();
        }
        return definitions.stream()
                .filter(definition -> definition.library().equals(set))
                .toList();
    }

    /** Whether the KPI's figures are computed (it has a formula), rather than entered. */
    static boolean computed(KpiDefinition definition) {
        return definition.formula().isPresent();
    }

    static boolean seesEveryScope(Subject.WorkerSubject worker) {
        return KpiAccess.seesEveryScope(worker);
    }

    static boolean allowed(Subject.WorkerSubject worker, Scope scope, Optional<CollectiveActivity> activity) {
        return KpiAccess.allowed(worker, scope, activity);
    }

    /** The libraries of the definitions, Tinten first (the default), the others in the engine's order. */
    static List<String> libraries(List<KpiDefinition> definitions) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        definitions.stream()
                .map(KpiDefinition::library)
                .filter(DEFAULT_LIBRARY::equals)
                .findFirst()
                .ifPresent(ids::add);
        definitions.forEach(definition -> ids.add(definition.library()));
        return List.copyOf(ids);
    }
}
