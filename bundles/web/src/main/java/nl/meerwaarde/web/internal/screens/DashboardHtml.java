package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/**
 * The HTML of the KPI dashboard: the GET form, the drill-down, the trend, the overviews of instrument outcomes (the
 * Positieve Gezondheid spider web, ZRM progress) and a table per KPI. The tables are the accessible source of the
 * charts: {@code static/dashboard.js} reads {@code data-chart}, the row headers and each value cell's {@code
 * data-value} (per column headed {@code data-series} when a table has several), and draws a chart above the table.
 * Every value is escaped.
 */
final class DashboardHtml {
    /** Rows of one breakdown shown at most (an organisation has thousands of activities); the rest are counted. */
    static final int MAX_ROWS = 100;
    /** Activities offered as a scope in the form and as drill-down links, at most. */
    static final int MAX_ACTIVITIES = 50;
    /** Periods of a trend line per kind of period. */
    static final int TREND_YEARS = 5;

    static final int TREND_QUARTERS = 8;
    /** Units whose values are whole numbers: their charts' axes count in whole steps. */
    static final Set<String> COUNTS = Set.of("signals", "residents", "activities", "participations", "count");

    static final int TREND_MONTHS = 12;

    /** The breakdown of instrument outcome KPIs: the item's answer path ({@code financien.financienFase}). */
    static final String OUTCOME_ITEM = "outcome.item";
    /** The KPIs of the Positieve Gezondheid spider web: mean first and mean last self-rating per dimension. */
    static final String PG_BEGIN = "uitkomst-pg-begin";

    static final String PG_LATEST = "uitkomst-pg-laatste";
    /** The KPIs of ZRM progress: % improved, stable and worsened per domain. */
    static final List<String> ZRM_PROGRESS =
            List.of("uitkomst-zrm-verbeterd", "uitkomst-zrm-stabiel", "uitkomst-zrm-verslechterd");
    /** The scale of Positieve Gezondheid's self-ratings. */
    static final int PG_MAX = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d-M-uuuu");

    /** A period with its label, e.g. "K2 2026". */
    record Labelled(Period period, String label) {}

    /** One point of the trend line: the period and the KPI's figures in it (one, or none). */
    record TrendPoint(Labelled period, List<KpiValue> values) {}

    private final HttpServletRequest request;
    private final Messages messages;
    private final Links links;
    private final Subject.WorkerSubject worker;
    private final Organisation organisation;
    private final ActivityStore activities;
    private final TeamNames teams;
    private final KpiNumberFormat numbers;
    private final QuestionnaireCatalog catalog;
    private final List<KpiSet> stored;
    private final Map<String, String> titles = new HashMap<>();
    /** Per questionnaire id, its items' labels by answer path (each questionnaire looked up once per page). */
    private final Map<String, Map<String, String>> itemLabels = new HashMap<>();

    /** Without questionnaire catalog and stored sets: for naming scopes, periods and libraries. */
    DashboardHtml(
            HttpServletRequest request,
            Messages messages,
            Links links,
            Subject.WorkerSubject worker,
            Organisation organisation,
            ActivityStore activities) {
        this(request, messages, links, worker, organisation, activities, null, List.of());
    }

    /**
     * @param catalog may be {@code null}: outcome items are then shown by their answer paths
     * @param stored the organisation's KPI sets, offered beside the libraries
     */
    DashboardHtml(
            HttpServletRequest request,
            Messages messages,
            Links links,
            Subject.WorkerSubject worker,
            Organisation organisation,
            ActivityStore activities,
            QuestionnaireCatalog catalog,
            List<KpiSet> stored) {
        this.request = request;
        this.messages = messages;
        this.links = links;
        this.worker = worker;
        this.organisation = organisation;
        this.activities = activities;
        this.teams = TeamNames.of(organisation);
        this.numbers = new KpiNumberFormat(messages.locale());
        this.catalog = catalog;
        this.stored = List.copyOf(stored);
    }

    String intro() {
        return "<p class=\"lead\">" + escape(messages.get("dashboard.intro")) + "</p>\n";
    }

    // ---------------------------------------------------------------- the form

    /** The GET form with the values as asked, and the problems on their fields (with the summary above). */
    String form(
            DashboardQuery asked,
            List<String> sets,
            List<KpiDefinition> trendable,
            Optional<KpiDefinition> trendKpi,
            List<DashboardQuery.Problem> problems) {
        Form form = Form.empty(request, messages);
        DashboardQuery.Values values = asked.values();
        form.set(DashboardQuery.SET, List.of(values.set()));
        form.set(DashboardQuery.PERIOD, List.of(values.period()));
        form.set(DashboardQuery.FROM, List.of(values.from()));
        form.set(DashboardQuery.TO, List.of(values.to()));
        form.set(DashboardQuery.KPI, List.of(trendKpi.map(KpiDefinition::id).orElse(values.kpi())));
        for (DashboardQuery.Problem problem : problems) {
            form.error(
                    problem.field(),
                    messages.get(label(problem.field())),
                    messages.get(problem.key(), problem.arguments().toArray()));
        }
        StringBuilder html = new StringBuilder(8192)
                .append(intro())
                .append(form.summary())
                .append("<form method=\"get\" action=\"")
                .append(escape(links.contextPath() + "/dashboard"))
                .append("\" id=\"dashboard-form\" class=\"dashboard-form\" novalidate>\n");
        links.explicitLanguage()
                .ifPresent(language -> html.append(form.hidden(Languages.PARAMETER, language.getLanguage())));
        html.append("<div class=\"dashboard-form__fields\">\n")
                .append(form.select(
                        DashboardQuery.SET,
                        "dashboard-set",
                        messages.get(label("dashboard-set")),
                        null,
                        sets.stream()
                                .map(id -> new Form.Option(id, setOption(id)))
                                .toList(),
                        null))
                .append(scopeField(values.scope(), asked.scope(), problems))
                .append(form.input(
                        DashboardQuery.PERIOD,
                        "dashboard-period",
                        messages.get(label("dashboard-period")),
                        messages.get("dashboard.hint.period"),
                        "input--short"))
                .append(form.fieldset(
                        "dashboard-range",
                        messages.get("dashboard.field.range"),
                        messages.get("dashboard.hint.range"),
                        form.input(
                                        DashboardQuery.FROM,
                                        "dashboard-from",
                                        messages.get(label("dashboard-from")),
                                        null,
                                        "input--short")
                                + form.input(
                                        DashboardQuery.TO,
                                        "dashboard-to",
                                        messages.get(label("dashboard-to")),
                                        null,
                                        "input--short")))
                .append(form.select(
                        DashboardQuery.KPI,
                        "dashboard-kpi",
                        messages.get(label("dashboard-kpi")),
                        messages.get("dashboard.hint.kpi"),
                        trendable.stream()
                                .map(definition -> new Form.Option(definition.id(), definition.name()))
                                .toList(),
                        null))
                .append("</div>\n")
                .append(form.submit("dashboard-show", messages.get("dashboard.show")))
                .append("</form>\n");
        return html.toString();
    }

    /** The message key of a field's label, by the id of its control. */
    private static String label(String field) {
        return "dashboard.field." + field.substring("dashboard-".length());
    }

    /** The scope: a select with groups (teams, activities, target groups, funders) as far as the worker may see. */
    private String scopeField(String value, Optional<Scope> asked, List<DashboardQuery.Problem> problems) {
        String id = "dashboard-scope";
        List<String> errors = problems.stream()
                .filter(problem -> problem.field().equals(id))
                .map(problem -> messages.get(problem.key(), problem.arguments().toArray()))
                .toList();
        StringBuilder html = new StringBuilder(2048)
                .append("<div class=\"field")
                .append(errors.isEmpty() ? "" : " field--error")
                .append("\">\n<label class=\"label\" for=\"")
                .append(id)
                .append("\">")
                .append(escape(messages.get("dashboard.field.scope")))
                .append("</label>\n<p class=\"hint\" id=\"")
                .append(id)
                .append("-hint\">")
                .append(escape(messages.get(
                        DashboardPage.seesEveryScope(worker) ? "dashboard.hint.scope" : "dashboard.hint.scopeWorker")))
                .append("</p>\n");
        if (!errors.isEmpty()) {
            html.append("<p class=\"field-error\" id=\"")
                    .append(id)
                    .append("-error\"><span class=\"field-error__prefix\">")
                    .append(escape(messages.get("form.errors.prefix")))
                    .append("</span> ")
                    .append(escape(String.join(" ", errors)))
                    .append("</p>\n");
        }
        html.append("<select class=\"select\" id=\"")
                .append(id)
                .append("\" name=\"")
                .append(DashboardQuery.SCOPE)
                .append("\" aria-describedby=\"")
                .append(id)
                .append("-hint")
                .append(errors.isEmpty() ? "\"" : " " + id + "-error\" aria-invalid=\"true\"")
                .append(">\n");
        List<String> offered = new ArrayList<>();
        if (DashboardPage.seesEveryScope(worker)) {
            option(html, DashboardQuery.ORGANISATION, organisationName(), value, offered);
            List<Team> all = organisation == null ? List.of() : organisation.teams();
            group(
                    html,
                    "dashboard.scope.teams",
                    value,
                    offered,
                    all.stream()
                            .sorted(Comparator.comparing(Team::name))
                            .map(team -> new Form.Option(
                                    DashboardQuery.TEAM + ":" + team.id().value(), team.name()))
                            .toList());
            group(
                    html,
                    "dashboard.scope.targetGroups",
                    value,
                    offered,
                    SignalFormPage.TARGET_GROUPS.stream()
                            .map(code -> new Form.Option(DashboardQuery.TARGET_GROUP + ":" + code, targetGroup(code)))
                            .toList());
            List<Funder> funders = organisation == null ? List.of() : organisation.funders();
            group(
                    html,
                    "dashboard.scope.funders",
                    value,
                    offered,
                    funders.stream()
                            .sorted(Comparator.comparing(Funder::name))
                            .map(funder -> new Form.Option(
                                    DashboardQuery.FUNDER + ":" + funder.id().value(), funder.name()))
                            .toList());
        } else {
            group(
                    html,
                    "dashboard.scope.teams",
                    value,
                    offered,
                    worker.teams().stream()
                            .map(team -> new Form.Option(DashboardQuery.TEAM + ":" + team.value(), teams.label(team)))
                            .sorted(Comparator.comparing(Form.Option::label))
                            .toList());
            List<CollectiveActivity> own = worker.teams().isEmpty()
                    ? List.of()
                    : activities.list(worker.teams(), 0, MAX_ACTIVITIES).stream()
                            .filter(activity -> worker.teams().contains(activity.team()))
                            .toList();
            group(
                    html,
                    "dashboard.scope.activities",
                    value,
                    offered,
                    own.stream()
                            .map(activity -> new Form.Option(
                                    DashboardQuery.ACTIVITY + ":"
                                            + activity.id().value(),
                                    activity.title()))
                            .toList());
        }
        if (asked.isPresent() && !offered.contains(value)) {
            // the scope of the URL (an activity reached by drilling down, a team the host does not list)
            group(
                    html,
                    "dashboard.scope.asked",
                    value,
                    offered,
                    List.of(new Form.Option(value, scopeName(asked.get()))));
        }
        return html.append("</select>\n</div>\n").toString();
    }

    private void group(
            StringBuilder html, String labelKey, String value, List<String> offered, List<Form.Option> options) {
        if (options.isEmpty()) {
            return;
        }
        html.append("<optgroup label=\"").append(escape(messages.get(labelKey))).append("\">\n");
        options.forEach(option -> option(html, option.value(), option.label(), value, offered));
        html.append("</optgroup>\n");
    }

    private static void option(StringBuilder html, String value, String label, String selected, List<String> offered) {
        offered.add(value);
        html.append("<option value=\"")
                .append(escape(value))
                .append('"')
                .append(value.equals(selected) ? " selected" : "")
                .append('>')
                .append(escape(label))
                .append("</option>\n");
    }

    // ---------------------------------------------------------------- the figures

    /** Everything under the form: heading, drill-down, trend, a section per KPI, and the KPIs without figures. */
    String results(
            DashboardQuery asked,
            Scope scope,
            Optional<CollectiveActivity> activity,
            List<KpiDefinition> inSet,
            List<KpiResult> results,
            Optional<KpiDefinition> trendKpi,
            List<TrendPoint> trend) {
        Period period = asked.period().orElseThrow();
        String periodLabel = periodLabel(period, asked.kind());
        String scopeLabel = activity.map(CollectiveActivity::title).orElseGet(() -> scopeName(scope));
        StringBuilder html = new StringBuilder(16384)
                .append(
                        "<section class=\"dashboard\" aria-labelledby=\"dashboard-title\">\n<h2 id=\"dashboard-title\">")
                .append(escape(messages.get(
                        "dashboard.results.title", setName(asked.values().set()), scopeLabel, periodLabel)))
                .append("</h2>\n")
                .append("<p class=\"report-export\"><a href=\"")
                .append(escape(ReportPage.link(links, asked.values().set(), scope, asked.values(), period.start())))
                .append("\">")
                .append(escape(messages.get("report.export")))
                .append("</a></p>\n")
                .append(drillDown(scope, activity));
        trendKpi.ifPresent(definition -> html.append(trend(definition, trend, scopeLabel)));
        Map<String, KpiResult> byId = new HashMap<>();
        results.forEach(result -> byId.put(result.kpiId(), result));
        html.append(spiderWeb(inSet, byId, periodLabel)).append(zrmProgress(inSet, byId, periodLabel));
        List<KpiDefinition> later = new ArrayList<>();
        if (results.stream().anyMatch(result -> !result.values().isEmpty())) {
            html.append("<h2 id=\"kpis-title\">")
                    .append(escape(messages.get("dashboard.kpis")))
                    .append("</h2>\n");
        }
        for (KpiDefinition definition : inSet) {
            KpiResult result = byId.get(definition.id());
            if (result == null || result.values().isEmpty()) {
                later.add(definition);
            } else {
                html.append(kpi(definition, result, periodLabel));
            }
        }
        html.append(later(later, scope)).append("</section>\n");
        String statics = links.contextPath() + "/static/";
        html.append("<script src=\"")
                .append(escape(statics + "chart.js/chart.umd.js"))
                .append("\" defer></script>\n<script src=\"")
                .append(escape(statics + "dashboard.js"))
                .append("\" defer></script>\n");
        return html.toString();
    }

    /** Where the scope sits (organisation, team, activity) with links up, and links one level down. */
    private String drillDown(Scope scope, Optional<CollectiveActivity> activity) {
        boolean all = DashboardPage.seesEveryScope(worker);
        List<String[]> trail = new ArrayList<>();
        if (all) {
            trail.add(new String[] {DashboardQuery.ORGANISATION, organisationName()});
        }
        Optional<TeamId> team =
                scope instanceof Scope.TeamScope one ? Optional.of(one.team()) : activity.map(CollectiveActivity::team);
        team.ifPresent(id -> trail.add(new String[] {DashboardQuery.TEAM + ":" + id.value(), teams.label(id)}));
        activity.ifPresent(one ->
                trail.add(new String[] {DashboardQuery.ACTIVITY + ":" + one.id().value(), one.title()}));
        if (scope instanceof Scope.TargetGroupScope || scope instanceof Scope.FunderScope) {
            trail.add(new String[] {DashboardQuery.value(scope), scopeName(scope)});
        }
        List<Form.Option> down = new ArrayList<>();
        if (scope instanceof Scope.OrganisationScope && organisation != null) {
            organisation.teams().stream()
                    .sorted(Comparator.comparing(Team::name))
                    .forEach(one -> down.add(
                            new Form.Option(DashboardQuery.TEAM + ":" + one.id().value(), one.name())));
        }
        long more = 0;
        if (scope instanceof Scope.TeamScope one) {
            List<CollectiveActivity> ofTeam = activities.list(Set.of(one.team()), 0, MAX_ACTIVITIES).stream()
                    .filter(found -> found.team().equals(one.team()))
                    .toList();
            ofTeam.forEach(found -> down.add(
                    new Form.Option(DashboardQuery.ACTIVITY + ":" + found.id().value(), found.title())));
            if (ofTeam.size() == MAX_ACTIVITIES) {
                more = Math.max(0, activities.count(Set.of(one.team())) - MAX_ACTIVITIES);
            }
        }
        StringBuilder html = new StringBuilder(2048)
                .append("<nav class=\"drilldown\" aria-labelledby=\"drilldown-title\">\n<h2 id=\"drilldown-title\">")
                .append(escape(messages.get("dashboard.drill.title")))
                .append("</h2>\n<ol class=\"breadcrumb\">\n");
        for (int i = 0; i < trail.size(); i++) {
            String[] step = trail.get(i);
            if (i == trail.size() - 1) {
                html.append("<li><span aria-current=\"page\">")
                        .append(escape(step[1]))
                        .append("</span></li>\n");
            } else {
                html.append("<li><a href=\"")
                        .append(escape(links.current(DashboardQuery.SCOPE, step[0])))
                        .append("\">")
                        .append(escape(step[1]))
                        .append("</a></li>\n");
            }
        }
        html.append("</ol>\n");
        if (!down.isEmpty()) {
            html.append("<p id=\"drilldown-down\">")
                    .append(escape(messages.get(
                            scope instanceof Scope.OrganisationScope
                                    ? "dashboard.drill.teams"
                                    : "dashboard.drill.activities")))
                    .append("</p>\n<ul class=\"drilldown__links\" aria-labelledby=\"drilldown-down\">\n");
            for (Form.Option option : down) {
                html.append("<li><a href=\"")
                        .append(escape(links.current(DashboardQuery.SCOPE, option.value())))
                        .append("\">")
                        .append(escape(option.label()))
                        .append("</a></li>\n");
            }
            html.append("</ul>\n");
            if (more > 0) {
                html.append(Layout.paragraph(messages.get("dashboard.drill.more", more)));
            }
        }
        return html.append("</nav>\n").toString();
    }

    /** The trend line's table: one row per period, oldest first. */
    private String trend(KpiDefinition definition, List<TrendPoint> trend, String scopeLabel) {
        StringBuilder html = new StringBuilder(2048)
                .append("<section class=\"kpi\" id=\"trend\" aria-labelledby=\"trend-title\">\n<h2 id=\"trend-title\">")
                .append(escape(messages.get("dashboard.trend.title", definition.name())))
                .append("</h2>\n");
        if (trend.isEmpty()) {
            return html.append(Layout.paragraph(messages.get("dashboard.trend.range")))
                    .append("</section>\n")
                    .toString();
        }
        String caption = messages.get(
                "dashboard.trend.caption",
                definition.name(),
                scopeLabel,
                trend.get(0).period().label(),
                trend.get(trend.size() - 1).period().label());
        List<Row> rows = trend.stream()
                .map(point -> new Row(
                        escape(point.period().label()), point.values().stream().findFirst()))
                .toList();
        return html.append(table(
                        "trend-table",
                        caption,
                        messages.get("dashboard.col.period"),
                        unitHeader(definition),
                        rows,
                        "line",
                        messages.get("dashboard.chart.line", definition.name(), rows.size()),
                        COUNTS.contains(definition.unit())))
                .append("</section>\n")
                .toString();
    }

    /** One KPI: its name, description, table (and chart), and its quotes. */
    private String kpi(KpiDefinition definition, KpiResult result, String periodLabel) {
        String id = "kpi-" + definition.id();
        StringBuilder html = new StringBuilder(4096)
                .append("<section class=\"kpi\" id=\"")
                .append(escape(id))
                .append("\" aria-labelledby=\"")
                .append(escape(id))
                .append("-title\">\n<h3 id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(definition.name()))
                .append("</h3>\n<p class=\"kpi__description\">")
                .append(escape(definition.description()))
                .append("</p>\n");
        boolean external = definition.source() == KpiSource.EXTERNAL_FIGURES;
        if (external) {
            html.append("<p class=\"kpi__note\">")
                    .append(escape(messages.get("dashboard.external.note")))
                    .append("</p>\n");
        } else if (selfRating(definition)) {
            html.append("<p class=\"kpi__note\">")
                    .append(escape(messages.get("dashboard.outcome.selfRating")))
                    .append("</p>\n");
        }
        Optional<String> breakdown = definition.breakdown();
        List<KpiValue> values = result.values();
        List<Row> rows = new ArrayList<>();
        if (external) {
            // one figure per municipality and period entered
            for (KpiValue value : values.subList(0, Math.min(values.size(), MAX_ROWS))) {
                rows.add(new Row(escape(externalGroup(value.group().orElse(""))), Optional.of(value), true));
            }
        } else if (breakdown.isEmpty()) {
            rows.add(new Row(escape(periodLabel), values.stream().findFirst()));
        } else {
            List<Map.Entry<String, KpiValue>> labelled = new ArrayList<>();
            for (KpiValue value : values.subList(0, Math.min(values.size(), MAX_ROWS))) {
                labelled.add(Map.entry(group(definition, value.group().orElse("")), value));
            }
            if ("activity.id".equals(breakdown.get())) {
                // activities by title, not by their ids' order
                Collator collator = Collator.getInstance(messages.locale());
                labelled.sort(Comparator.comparing(Map.Entry::getKey, collator));
            }
            labelled.forEach(entry -> rows.add(new Row(escape(entry.getKey()), Optional.of(entry.getValue()))));
        }
        String groupHeader = external
                ? messages.get("dashboard.external.col")
                : breakdown.map(this::breakdownName).orElse(messages.get("dashboard.col.period"));
        boolean chart = (breakdown.isPresent() || (external && rows.size() > 1))
                && rows.stream()
                        .anyMatch(row -> row.value().flatMap(KpiValue::value).isPresent());
        html.append(table(
                id + "-table",
                messages.get("dashboard.kpi.caption", definition.name(), periodLabel),
                groupHeader,
                unitHeader(definition),
                rows,
                chart ? "bar" : null,
                messages.get("dashboard.chart.bar", definition.name(), groupHeader.toLowerCase(messages.locale())),
                COUNTS.contains(definition.unit())));
        if (values.size() > MAX_ROWS) {
            html.append(Layout.paragraph(messages.get("dashboard.rows.more", MAX_ROWS, values.size())));
        }
        if (definition.quotes()) {
            html.append(quotes(definition, values));
        }
        return html.append("</section>\n").toString();
    }

    /** The quotes ("vertellen") under each group that has them, in a disclosure with their number. */
    private String quotes(KpiDefinition definition, List<KpiValue> values) {
        StringBuilder html = new StringBuilder(1024);
        for (KpiValue value : values) {
            if (value.quotes().isEmpty()) {
                continue;
            }
            String group = definition.breakdown().isPresent()
                    ? group(definition, value.group().orElse(""))
                    : "";
            html.append("<details class=\"quotes\">\n<summary>")
                    .append(escape(messages.get(
                            "dashboard.quotes", group, value.quotes().size())))
                    .append("</summary>\n<ul>\n");
            for (String quote : value.quotes()) {
                html.append("<li><blockquote><p>").append(escape(quote)).append("</p></blockquote></li>\n");
            }
            html.append("</ul>\n</details>\n");
        }
        return html.toString();
    }

    /** The KPIs of the set without figures for this scope and period (nothing registered, measured or entered). */
    private String later(List<KpiDefinition> later, Scope scope) {
        if (later.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(4096)
                .append("<section class=\"kpi-later\" aria-labelledby=\"later-title\">\n<h2 id=\"later-title\">")
                .append(escape(messages.get("dashboard.later.title")))
                .append("</h2>\n")
                .append(Layout.paragraph(messages.get("dashboard.later.none", later.size())))
                .append("<details>\n<summary>")
                .append(escape(messages.get("dashboard.later.show", later.size())))
                .append("</summary>\n<ul>\n");
        boolean municipal = scope instanceof Scope.OrganisationScope || scope instanceof Scope.FunderScope;
        for (KpiDefinition definition : later) {
            String source = definition.source() == KpiSource.EXTERNAL_FIGURES && !municipal
                    ? "dashboard.source.externalScope"
                    : sourceKey(definition.source());
            html.append("<li>")
                    .append(escape(definition.name()))
                    .append(" <span class=\"kpi-later__source\">(")
                    .append(escape(messages.get(source)))
                    .append(")</span></li>\n");
        }
        return html.append("</ul>\n</details>\n</section>\n").toString();
    }

    private static String sourceKey(KpiSource source) {
        return switch (source) {
            case EXTERNAL_FIGURES -> "dashboard.source.external";
            case INSTRUMENT_MEASUREMENTS -> "dashboard.source.instruments";
            case REGISTRATIONS -> "dashboard.source.registrations";
        };
    }

    /**
     * A row of a figures table: its header (HTML, escaped) and its figure, if any; an external figure's n of 0 is
     * one its source did not give.
     */
    private record Row(String header, Optional<KpiValue> value, boolean external) {
        Row(String header, Optional<KpiValue> value) {
            this(header, value, false);
        }
    }

    /**
     * A table of figures: a row header, the value and n. With a chart kind ({@code bar}, {@code line}) the table
     * carries what the script needs to draw the chart above it.
     */
    private String table(
            String id,
            String caption,
            String groupHeader,
            String valueHeader,
            List<Row> rows,
            String chart,
            String chartLabel,
            boolean integral) {
        StringBuilder html = new StringBuilder(2048)
                .append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"")
                .append(escape(id))
                .append("-caption\" tabindex=\"0\">\n<table class=\"kpi-table\" id=\"")
                .append(escape(id))
                .append('"');
        if (chart != null) {
            html.append(" data-chart=\"")
                    .append(chart)
                    .append("\" data-chart-label=\"")
                    .append(escape(chartLabel))
                    .append(integral ? "\" data-chart-integer=\"\"" : "\"")
                    .append(" data-chart-series=\"")
                    .append(escape(valueHeader))
                    .append('"');
        }
        html.append(">\n<caption id=\"")
                .append(escape(id))
                .append("-caption\">")
                .append(escape(caption))
                .append("</caption>\n<thead>\n<tr><th scope=\"col\">")
                .append(escape(groupHeader))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(escape(valueHeader))
                .append("</th><th scope=\"col\" class=\"num\"><abbr title=\"")
                .append(escape(messages.get("dashboard.col.nLong")))
                .append("\">n</abbr></th></tr>\n</thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><th scope=\"row\">")
                    .append(row.header())
                    .append("</th>")
                    .append(valueCell(row.value()))
                    .append("<td class=\"num\">")
                    .append(escape(
                            row.external() && row.value().map(KpiValue::n).orElse(0L) == 0
                                    ? messages.get("dashboard.external.nUnknown")
                                    : numbers.count(row.value().map(KpiValue::n).orElse(0L))))
                    .append(parts(row.value()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    // ---------------------------------------------------------------- instrument outcomes

    /**
     * The Positieve Gezondheid spider web when the set has both its KPIs: per dimension the mean first and mean last
     * self-rating of the same residents (0..10), as a table a radar chart is drawn from, labelled as a self-rating.
     */
    private String spiderWeb(List<KpiDefinition> inSet, Map<String, KpiResult> results, String periodLabel) {
        Optional<KpiDefinition> begin = find(inSet, PG_BEGIN);
        if (begin.isEmpty() || find(inSet, PG_LATEST).isEmpty()) {
            return "";
        }
        List<Series> series = List.of(
                new Series(messages.get("dashboard.web.begin"), "brand", values(results.get(PG_BEGIN))),
                new Series(messages.get("dashboard.web.latest"), "accent", values(results.get(PG_LATEST))));
        String id = "outcome-web";
        return new StringBuilder(4096)
                .append("<section class=\"kpi kpi--outcomes\" id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title\">\n<h2 id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(messages.get("dashboard.web.title")))
                .append("</h2>\n<p class=\"kpi__note\">")
                .append(escape(messages.get("dashboard.web.note")))
                .append("</p>\n")
                .append(seriesTable(
                        id + "-table",
                        messages.get("dashboard.web.caption", periodLabel),
                        messages.get("dashboard.web.dimension"),
                        begin.get(),
                        series,
                        "radar",
                        messages.get("dashboard.web.chart"),
                        " data-chart-min=\"0\" data-chart-max=\"" + PG_MAX + "\""))
                .append("</section>\n")
                .toString();
    }

    /** ZRM progress when the set has its three KPIs: per domain the % improved, stable and worsened (stacked bars). */
    private String zrmProgress(List<KpiDefinition> inSet, Map<String, KpiResult> results, String periodLabel) {
        Optional<KpiDefinition> improved = find(inSet, ZRM_PROGRESS.get(0));
        if (improved.isEmpty()
                || !ZRM_PROGRESS.stream().allMatch(kpi -> find(inSet, kpi).isPresent())) {
            return "";
        }
        List<Series> series = List.of(
                new Series(messages.get("dashboard.zrm.improved"), "brand", values(results.get(ZRM_PROGRESS.get(0)))),
                new Series(messages.get("dashboard.zrm.stable"), "neutral", values(results.get(ZRM_PROGRESS.get(1)))),
                new Series(messages.get("dashboard.zrm.worsened"), "accent", values(results.get(ZRM_PROGRESS.get(2)))));
        String id = "outcome-zrm";
        return new StringBuilder(4096)
                .append("<section class=\"kpi kpi--outcomes\" id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title\">\n<h2 id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(messages.get("dashboard.zrm.title")))
                .append("</h2>\n<p class=\"kpi__note\">")
                .append(escape(messages.get("dashboard.zrm.note")))
                .append("</p>\n")
                .append(
                        seriesTable(
                                id + "-table",
                                messages.get("dashboard.zrm.caption", periodLabel),
                                messages.get("dashboard.zrm.domain"),
                                improved.get(),
                                series,
                                "bar",
                                messages.get("dashboard.zrm.chart"),
                                " data-chart-stacked=\"\" data-chart-horizontal=\"\" data-chart-min=\"0\" data-chart-max=\"100\""))
                .append("</section>\n")
                .toString();
    }

    private static Optional<KpiDefinition> find(List<KpiDefinition> definitions, String id) {
        return definitions.stream()
                .filter(definition -> definition.id().equals(id))
                .findFirst();
    }

    /** A result's figures by group, in the engine's order (the items' order in the questionnaire). */
    private static Map<String, KpiValue> values(KpiResult result) {
        Map<String, KpiValue> values = new LinkedHashMap<>();
        if (result != null) {
            result.values().forEach(value -> values.putIfAbsent(value.group().orElse(""), value));
        }
        return values;
    }

    /**
     * One column of figures of a table with several: its header, the colour the chart draws it in ({@code brand},
     * {@code accent}, {@code neutral}) and its figures by group.
     */
    private record Series(String header, String colour, Map<String, KpiValue> values) {}

    /**
     * A table with a column per series and the n of the first series' figures (for outcomes the same residents in
     * every column); the groups are named as the definition's groups are. The table carries what the script needs to
     * draw one chart with a dataset per series; {@code attributes} adds the chart's scale and layout.
     */
    private String seriesTable(
            String id,
            String caption,
            String groupHeader,
            KpiDefinition definition,
            List<Series> series,
            String chart,
            String chartLabel,
            String attributes) {
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        series.forEach(one -> groups.addAll(one.values().keySet()));
        boolean any = series.stream()
                .flatMap(one -> one.values().values().stream())
                .anyMatch(value -> value.value().isPresent());
        StringBuilder html = new StringBuilder(4096)
                .append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"")
                .append(escape(id))
                .append("-caption\" tabindex=\"0\">\n<table class=\"kpi-table\" id=\"")
                .append(escape(id))
                .append('"');
        if (any) {
            html.append(" data-chart=\"")
                    .append(chart)
                    .append("\" data-chart-label=\"")
                    .append(escape(chartLabel))
                    .append('"')
                    .append(attributes);
        }
        html.append(">\n<caption id=\"")
                .append(escape(id))
                .append("-caption\">")
                .append(escape(caption))
                .append("</caption>\n<thead>\n<tr><th scope=\"col\">")
                .append(escape(groupHeader))
                .append("</th>");
        for (Series one : series) {
            html.append("<th scope=\"col\" class=\"num\" data-series=\"")
                    .append(one.colour())
                    .append("\">")
                    .append(escape(one.header()))
                    .append("</th>");
        }
        html.append("<th scope=\"col\" class=\"num\"><abbr title=\"")
                .append(escape(messages.get("dashboard.col.nLong")))
                .append("\">n</abbr></th></tr>\n</thead>\n<tbody>\n");
        for (String group : groups) {
            html.append("<tr><th scope=\"row\">")
                    .append(escape(group(definition, group)))
                    .append("</th>");
            for (Series one : series) {
                html.append(valueCell(Optional.ofNullable(one.values().get(group))));
            }
            html.append("<td class=\"num\">")
                    .append(escape(numbers.count(
                            Optional.ofNullable(series.get(0).values().get(group))
                                    .map(KpiValue::n)
                                    .orElse(0L))))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    /** Whether a KPI's figures are Positieve Gezondheid's self-ratings (its questionnaire), to be labelled so. */
    private static boolean selfRating(KpiDefinition definition) {
        return questionnaire(definition)
                .filter(id -> id.startsWith("positieve-gezondheid"))
                .isPresent();
    }

    /** The questionnaire of an instrument outcome KPI, from its formula ({@code {"outcome": .., "questionnaire": ..}}). */
    static Optional<String> questionnaire(KpiDefinition definition) {
        if (definition.formula().isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode formula = JSON.readTree(definition.formula().get());
            JsonNode questionnaire = formula == null ? null : formula.get("questionnaire");
            return formula != null && formula.has("outcome") && questionnaire != null && questionnaire.isTextual()
                    ? Optional.of(questionnaire.asText())
                    : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * An outcome item's label: the text of its enclosing group (the domain) or its own text at the top level, as the
     * engine names the items, up to a colon that starts the question ("Lichaamsfuncties: welk cijfer ...?" is
     * Lichaamsfuncties); the answer path when there is no catalog or the newest version has no such item.
     */
    private String itemLabel(Optional<String> questionnaire, String path) {
        if (questionnaire.isEmpty() || catalog == null) {
            return path;
        }
        Map<String, String> labels = itemLabels.computeIfAbsent(questionnaire.get(), id -> {
            Map<String, String> found = new HashMap<>();
            catalog.latest(id).ifPresent(definition -> collectLabels(definition.items(), "", Optional.empty(), found));
            return found;
        });
        return labels.getOrDefault(path, path);
    }

    private static void collectLabels(
            List<Item> level, String prefix, Optional<String> groupText, Map<String, String> into) {
        for (Item item : level) {
            if (item.repeats()) {
                continue;
            }
            String path = prefix + item.linkId();
            if (item.type() == ItemType.GROUP) {
                collectLabels(item.items(), path + ".", Optional.of(item.text()), into);
            } else {
                into.put(path, shortLabel(groupText.orElse(item.text())));
            }
        }
    }

    private static String shortLabel(String text) {
        int colon = text.indexOf(": ");
        return colon > 0 ? text.substring(0, colon).trim() : text.trim();
    }

    // ---------------------------------------------------------------- external figures

    /**
     * An external figure's group ({@code 0114 2025-01-01/2025-12-31}) as people read it: "Gemeente Emmen · 1-1-2025
     * t/m 31-12-2025", the municipality named after the funder with that municipality code.
     */
    private String externalGroup(String code) {
        int space = code.indexOf(' ');
        int slash = code.indexOf('/', space + 1);
        if (space < 0 || slash < 0) {
            return code.isEmpty() ? messages.get("common.unknown") : code;
        }
        try {
            LocalDate first = LocalDate.parse(code.substring(space + 1, slash));
            LocalDate last = LocalDate.parse(code.substring(slash + 1));
            return messages.get(
                    "dashboard.external.group",
                    municipalityName(code.substring(0, space)),
                    messages.get("dashboard.external.period", SHORT_DAY.format(first), SHORT_DAY.format(last)));
        } catch (java.time.format.DateTimeParseException e) {
            return code;
        }
    }

    /** "Gemeente Emmen": the name of the funder with this municipality code ("Gemeente 0114" when none has it). */
    private String municipalityName(String municipality) {
        Optional<String> funder = organisation == null
                ? Optional.empty()
                : organisation.funders().stream()
                        .filter(one -> municipality.equals(one.municipalityCode()))
                        .map(Funder::name)
                        .sorted()
                        .findFirst();
        String name = funder.orElse(municipality);
        // a municipality funder is usually named "Gemeente Emmen" already
        return name.toLowerCase(Locale.ROOT).startsWith("gemeente ")
                ? name
                : messages.get("dashboard.external.municipality", name);
    }

    /** For a count of people with anonymous counts in it: how many were known and how many anonymous. */
    private String parts(Optional<KpiValue> figure) {
        return figure.flatMap(KpiValue::composition)
                .filter(parts -> parts.anonymous() > 0)
                .map(parts -> " <span class=\"kpi-table__parts\">"
                        + escape(messages.get(
                                "dashboard.parts", numbers.count(parts.known()), numbers.count(parts.anonymous())))
                        + "</span>")
                .orElse("");
    }

    /** The value rounded for reading; the exact value in the title and, for screen readers, in hidden text. */
    private String valueCell(Optional<KpiValue> figure) {
        if (figure.isEmpty() || figure.get().value().isEmpty()) {
            return "<td class=\"num novalue\" data-novalue=\"\">" + escape(messages.get("dashboard.noValue")) + "</td>";
        }
        KpiValue value = figure.get();
        Optional<String> exact = numbers.exact(value.value().get(), value.exact());
        StringBuilder html = new StringBuilder(128)
                .append("<td class=\"num\" data-value=\"")
                .append(escape(KpiNumberFormat.plain(value.value().get())))
                .append('"');
        exact.ifPresent(text -> html.append(" title=\"")
                .append(escape(messages.get("dashboard.exact", text)))
                .append('"'));
        html.append('>').append(escape(numbers.shown(value.value().get())));
        exact.ifPresent(text -> html.append("<span class=\"visually-hidden\"> (")
                .append(escape(messages.get("dashboard.exact", text)))
                .append(")</span>"));
        return html.append("</td>").toString();
    }

    // ---------------------------------------------------------------- names

    private String unitHeader(KpiDefinition definition) {
        return messages.find("dashboard.unit." + definition.unit()).orElse(messages.get("dashboard.col.value"));
    }

    private String breakdownName(String field) {
        return messages.find("dashboard.by." + field).orElse(messages.get("dashboard.col.group"));
    }

    /**
     * A group of a breakdown as people read it: a target group's name, an activity's title, a dimension's name, an
     * instrument's domain or dimension.
     */
    private String group(KpiDefinition definition, String code) {
        if (code.isEmpty()) {
            return messages.get("common.unknown");
        }
        return switch (definition.breakdown().orElse("")) {
            case "activity.targetGroup" -> targetGroup(code);
            case "dimension.code" ->
                messages.find("dashboard.dimension." + code).orElse(code);
            case "activity.id" -> activityTitle(code);
            case OUTCOME_ITEM -> itemLabel(questionnaire(definition), code);
            default -> code;
        };
    }

    /** The activity's title (each looked up once per page: KPIs 12 and 22 name the same activities). */
    private String activityTitle(String id) {
        return titles.computeIfAbsent(id, key -> {
            try {
                return activities
                        .find(new ActivityId(UUID.fromString(key)))
                        .map(CollectiveActivity::title)
                        .orElse(key);
            } catch (IllegalArgumentException e) {
                return key;
            }
        });
    }

    private String targetGroup(String code) {
        return messages.find("targetGroup." + code).orElse(code);
    }

    String libraryName(String id) {
        return messages.find("dashboard.library." + id).orElse(id);
    }

    /** A stored KPI set's name, else the library's. */
    String setName(String id) {
        return storedSet(id).map(KpiSet::name).orElseGet(() -> libraryName(id));
    }

    /** A set as the form offers it: a stored set with its funder ("Rapportage Emmen (voor Gemeente Emmen)"). */
    private String setOption(String id) {
        Optional<KpiSet> set = storedSet(id);
        if (set.isEmpty()) {
            return libraryName(id);
        }
        return set.get()
                .funder()
                .map(funder -> messages.get("dashboard.set.forFunder", set.get().name(), funderName(funder)))
                .orElse(set.get().name());
    }

    private Optional<KpiSet> storedSet(String id) {
        return stored.stream().filter(set -> set.id().equals(id)).findFirst();
    }

    private String funderName(FunderId id) {
        return organisation == null
                ? id.value()
                : organisation.funders().stream()
                        .filter(one -> one.id().equals(id))
                        .map(Funder::name)
                        .findFirst()
                        .orElse(id.value());
    }

    private String organisationName() {
        return messages.get("dashboard.scope.organisation");
    }

    /** The scope as people read it. */
    String scopeName(Scope scope) {
        if (scope instanceof Scope.TeamScope team) {
            return teams.label(team.team());
        }
        if (scope instanceof Scope.ActivityScope activity) {
            return activities
                    .find(activity.activity())
                    .map(CollectiveActivity::title)
                    .orElse(activity.activity().value().toString());
        }
        if (scope instanceof Scope.TargetGroupScope group) {
            return messages.get("dashboard.scope.targetGroup", targetGroup(group.targetGroup()));
        }
        if (scope instanceof Scope.FunderScope funder) {
            return messages.get("dashboard.scope.funder", funderName(funder.funder()));
        }
        return organisationName();
    }

    // ---------------------------------------------------------------- periods

    /** The period as people read it: "2026", "K2 2026", "maart 2026", "1 januari 2026 t/m 31 maart 2026". */
    String periodLabel(Period period, DashboardQuery.PeriodKind kind) {
        return switch (kind) {
            case YEAR -> String.valueOf(period.start().getYear());
            case QUARTER -> quarterLabel(period.start(), messages);
            case MONTH -> monthLabel(period.start(), messages);
            case RANGE ->
                messages.get(
                        "dashboard.range", day(period.start()), day(period.end().minusDays(1)));
        };
    }

    private String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM uuuu", messages.locale()).format(day);
    }

    private static String quarterLabel(LocalDate start, Messages messages) {
        return messages.get("dashboard.quarter", (start.getMonthValue() - 1) / 3 + 1, String.valueOf(start.getYear()));
    }

    private static String monthLabel(LocalDate start, Messages messages) {
        return DateTimeFormatter.ofPattern("MMMM uuuu", messages.locale()).format(start);
    }

    /**
     * The periods of the trend line up to and including the chosen one, oldest first: five years, eight quarters
     * or twelve months; none for a custom range.
     */
    static List<Labelled> trendPeriods(Period chosen, DashboardQuery.PeriodKind kind, Messages messages) {
        List<Labelled> periods = new ArrayList<>();
        LocalDate start = chosen.start();
        switch (kind) {
            case YEAR -> {
                for (int i = TREND_YEARS - 1; i >= 0; i--) {
                    int year = start.getYear() - i;
                    periods.add(new Labelled(Period.year(year), String.valueOf(year)));
                }
            }
            case QUARTER -> {
                for (int i = TREND_QUARTERS - 1; i >= 0; i--) {
                    LocalDate first = start.minusMonths(3L * i);
                    periods.add(new Labelled(
                            Period.quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1),
                            quarterLabel(first, messages)));
                }
            }
            case MONTH -> {
                for (int i = TREND_MONTHS - 1; i >= 0; i--) {
                    LocalDate first = start.minusMonths(i);
                    periods.add(new Labelled(Period.month(YearMonth.from(first)), monthLabel(first, messages)));
                }
            }
            case RANGE -> {
                // a custom range has no natural predecessors: no trend line
            }
        }
        return periods;
    }
}
