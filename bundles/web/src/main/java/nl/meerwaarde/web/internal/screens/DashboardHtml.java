package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Team;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/**
 * The HTML of the KPI dashboard: the GET form, the drill-down, the trend and a table per KPI. The tables are the
 * accessible source of the charts: {@code static/dashboard.js} reads {@code data-chart}, the row headers and each
 * value cell's {@code data-value}, and draws a chart above the table. Every value is escaped.
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
    private final Map<String, String> titles = new HashMap<>();

    DashboardHtml(
            HttpServletRequest request,
            Messages messages,
            Links links,
            Subject.WorkerSubject worker,
            Organisation organisation,
            ActivityStore activities) {
        this.request = request;
        this.messages = messages;
        this.links = links;
        this.worker = worker;
        this.organisation = organisation;
        this.activities = activities;
        this.teams = TeamNames.of(organisation);
        this.numbers = new KpiNumberFormat(messages.locale());
    }

    String intro() {
        return "<p class=\"lead\">" + escape(messages.get("dashboard.intro")) + "</p>\n";
    }

    // ---------------------------------------------------------------- the form

    /** The GET form with the values as asked, and the problems on their fields (with the summary above). */
    String form(
            DashboardQuery asked,
            List<String> libraries,
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
                        libraries.stream()
                                .map(id -> new Form.Option(id, libraryName(id)))
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
                        "dashboard.results.title", libraryName(asked.values().set()), scopeLabel, periodLabel)))
                .append("</h2>\n")
                .append(drillDown(scope, activity));
        trendKpi.ifPresent(definition -> html.append(trend(definition, trend, scopeLabel)));
        List<KpiDefinition> later = new ArrayList<>();
        if (!results.isEmpty()) {
            html.append("<h2 id=\"kpis-title\">")
                    .append(escape(messages.get("dashboard.kpis")))
                    .append("</h2>\n");
        }
        for (KpiResult result : results) {
            KpiDefinition definition = inSet.stream()
                    .filter(candidate -> candidate.id().equals(result.kpiId()))
                    .findFirst()
                    .orElse(null);
            if (definition == null) {
                continue;
            }
            if (result.values().isEmpty()) {
                later.add(definition);
            } else {
                html.append(kpi(definition, result, periodLabel));
            }
        }
        inSet.stream().filter(definition -> !DashboardPage.computed(definition)).forEach(later::add);
        html.append(later(later)).append("</section>\n");
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
        Optional<String> breakdown = definition.breakdown();
        List<KpiValue> values = result.values();
        List<Row> rows = new ArrayList<>();
        if (breakdown.isEmpty()) {
            rows.add(new Row(escape(periodLabel), values.stream().findFirst()));
        } else {
            List<Map.Entry<String, KpiValue>> labelled = new ArrayList<>();
            for (KpiValue value : values.subList(0, Math.min(values.size(), MAX_ROWS))) {
                labelled.add(Map.entry(group(breakdown.get(), value.group().orElse("")), value));
            }
            if ("activity.id".equals(breakdown.get())) {
                // activities by title, not by their ids' order
                Collator collator = Collator.getInstance(messages.locale());
                labelled.sort(Comparator.comparing(Map.Entry::getKey, collator));
            }
            labelled.forEach(entry -> rows.add(new Row(escape(entry.getKey()), Optional.of(entry.getValue()))));
        }
        String groupHeader = breakdown.map(this::breakdownName).orElse(messages.get("dashboard.col.period"));
        boolean chart = breakdown.isPresent()
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
            html.append(quotes(breakdown, values));
        }
        return html.append("</section>\n").toString();
    }

    /** The quotes ("vertellen") under each group that has them, in a disclosure with their number. */
    private String quotes(Optional<String> breakdown, List<KpiValue> values) {
        StringBuilder html = new StringBuilder(1024);
        for (KpiValue value : values) {
            if (value.quotes().isEmpty()) {
                continue;
            }
            String group = breakdown
                    .map(field -> group(field, value.group().orElse("")))
                    .orElse("");
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

    /** The KPIs of the set whose figures are entered or come from instruments: not on the dashboard yet. */
    private String later(List<KpiDefinition> later) {
        if (later.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(4096)
                .append("<section class=\"kpi-later\" aria-labelledby=\"later-title\">\n<h2 id=\"later-title\">")
                .append(escape(messages.get("dashboard.later.title")))
                .append("</h2>\n")
                .append(Layout.paragraph(messages.get("dashboard.later.text", later.size())))
                .append("<details>\n<summary>")
                .append(escape(messages.get("dashboard.later.show", later.size())))
                .append("</summary>\n<ul>\n");
        for (KpiDefinition definition : later) {
            html.append("<li>")
                    .append(escape(definition.name()))
                    .append(" <span class=\"kpi-later__source\">(")
                    .append(escape(messages.get(sourceKey(definition.source()))))
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

    /** A row of a figures table: its header (HTML, escaped) and its figure, if any. */
    private record Row(String header, Optional<KpiValue> value) {}

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
                    .append(escape(numbers.count(row.value().map(KpiValue::n).orElse(0L))))
                    .append(parts(row.value()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>\n").toString();
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

    /** A group of a breakdown as people read it: a target group's name, an activity's title, a dimension's name. */
    private String group(String field, String code) {
        if (code.isEmpty()) {
            return messages.get("common.unknown");
        }
        return switch (field) {
            case "activity.targetGroup" -> targetGroup(code);
            case "dimension.code" ->
                messages.find("dashboard.dimension." + code).orElse(code);
            case "activity.id" -> activityTitle(code);
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
            String name = organisation == null
                    ? funder.funder().value()
                    : organisation.funders().stream()
                            .filter(one -> one.id().equals(funder.funder()))
                            .map(Funder::name)
                            .findFirst()
                            .orElse(funder.funder().value());
            return messages.get("dashboard.scope.funder", name);
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
