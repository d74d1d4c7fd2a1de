package nl.meerwaarde.web.internal.screens;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.internal.QueryString;

/**
 * What the dashboard is asked for, read from the GET parameters: {@code set} (a KPI library), {@code scope}
 * ({@code organisation}, or a kind and an id: {@code team:team-noord}, {@code activity:<uuid>}, {@code
 * targetGroup:ouderen}, {@code funder:gemeente-x}), {@code period} ({@code 2026}, {@code 2026-K2} or {@code 2026-Q2},
 * {@code 2026-03}) or {@code from} and {@code to} (both days included), and {@code kpi}, the KPI of the trend line.
 * A parameter left out takes its default; one that cannot be read is an error on its field, with the text as
 * entered kept for the form.
 */
final class DashboardQuery {
    static final String SET = "set";
    static final String SCOPE = "scope";
    static final String PERIOD = "period";
    static final String FROM = "from";
    static final String TO = "to";
    static final String KPI = "kpi";

    static final String ORGANISATION = "organisation";
    static final String TEAM = "team";
    static final String ACTIVITY = "activity";
    static final String TARGET_GROUP = "targetGroup";
    static final String FUNDER = "funder";

    /** The longest custom period, in years (as the REST resource allows). */
    static final int MAX_YEARS = 20;

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[QqKk]([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** How the period was given: it decides the periods of the trend line. */
    enum PeriodKind {
        YEAR,
        QUARTER,
        MONTH,
        RANGE
    }

    /** A problem with one field: the id of its control, the message key and its arguments. */
    record Problem(String field, String key, List<Object> arguments) {}

    /** The values as entered (for the form), and what could be read from them. */
    record Values(String set, String scope, String period, String from, String to, String kpi) {}

    private final Values values;
    private final Optional<Scope> scope;
    private final Optional<Period> period;
    private final PeriodKind kind;
    private final List<Problem> problems;

    private DashboardQuery(
            Values values, Optional<Scope> scope, Optional<Period> period, PeriodKind kind, List<Problem> problems) {
        this.values = values;
        this.scope = scope;
        this.period = period;
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the query string.
     *
     * @param libraries the libraries there are; the first is the default
     * @param defaultScope the scope shown when none is asked ({@code organisation} for a manager, the first own team
     *     for a worker), empty when there is none to show
     * @param today the day the default period (its year) is taken from
     */
    static DashboardQuery read(String query, List<String> libraries, Optional<String> defaultScope, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String set = parameter(query, SET).orElse(libraries.isEmpty() ? "" : libraries.get(0));
        if (!libraries.contains(set)) {
            problems.add(new Problem("dashboard-set", "dashboard.error.set", List.of()));
        }
        Optional<String> scopeText = parameter(query, SCOPE).or(() -> defaultScope);
        Optional<Scope> scope = Optional.empty();
        if (scopeText.isPresent()) {
            scope = scope(scopeText.get());
            if (scope.isEmpty()) {
                problems.add(new Problem("dashboard-scope", "dashboard.error.scope", List.of()));
            }
        }
        Optional<String> periodText = parameter(query, PERIOD);
        Optional<String> from = parameter(query, FROM);
        Optional<String> to = parameter(query, TO);
        PeriodKind kind = PeriodKind.YEAR;
        Optional<Period> period = Optional.empty();
        if (periodText.isPresent() && (from.isPresent() || to.isPresent())) {
            problems.add(new Problem("dashboard-period", "dashboard.error.periodAndRange", List.of()));
        } else if (from.isPresent() || to.isPresent()) {
            kind = PeriodKind.RANGE;
            period = range(from, to, problems);
        } else {
            String text = periodText.orElse(String.valueOf(today.getYear()));
            periodText = Optional.of(text);
            kind = kind(text).orElse(PeriodKind.YEAR);
            period = period(text);
            if (period.isEmpty()) {
                problems.add(new Problem("dashboard-period", "dashboard.error.period", List.of()));
            }
        }
        Values values = new Values(
                set,
                scopeText.orElse(""),
                periodText.orElse(""),
                from.orElse(""),
                to.orElse(""),
                parameter(query, KPI).orElse(""));
        return new DashboardQuery(values, scope, period, kind, problems);
    }

    Values values() {
        return values;
    }

    /** The scope asked, when it could be read (and there was one to show). */
    Optional<Scope> scope() {
        return scope;
    }

    Optional<Period> period() {
        return period;
    }

    PeriodKind kind() {
        return kind;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The parameter's value, trimmed; empty when absent or blank. */
    private static Optional<String> parameter(String query, String name) {
        return QueryString.first(query, name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The {@code scope} parameter's value for a scope. */
    static String value(Scope scope) {
        if (scope instanceof Scope.TeamScope team) {
            return TEAM + ":" + team.team().value();
        }
        if (scope instanceof Scope.ActivityScope activity) {
            return ACTIVITY + ":" + activity.activity().value();
        }
        if (scope instanceof Scope.TargetGroupScope group) {
            return TARGET_GROUP + ":" + group.targetGroup();
        }
        if (scope instanceof Scope.FunderScope funder) {
            return FUNDER + ":" + funder.funder().value();
        }
        return ORGANISATION;
    }

    static Optional<Scope> scope(String text) {
        if (ORGANISATION.equals(text)) {
            return Optional.of(new Scope.OrganisationScope());
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = text.substring(0, colon);
        String id = text.substring(colon + 1).trim();
        if (ACTIVITY.equals(kind)) {
            try {
                UUID uuid = UUID.fromString(id);
                return uuid.toString().equalsIgnoreCase(id)
                        ? Optional.of(new Scope.ActivityScope(new ActivityId(uuid)))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (!CODE.matcher(id).matches()) {
            return Optional.empty();
        }
        return switch (kind) {
            case TEAM -> Optional.of(new Scope.TeamScope(new TeamId(id)));
            case TARGET_GROUP -> Optional.of(new Scope.TargetGroupScope(id));
            case FUNDER -> Optional.of(new Scope.FunderScope(new FunderId(id)));
            default -> Optional.empty();
        };
    }

    private static Optional<PeriodKind> kind(String text) {
        if (YEAR.matcher(text).matches()) {
            return Optional.of(PeriodKind.YEAR);
        }
        if (QUARTER.matcher(text).matches()) {
            return Optional.of(PeriodKind.QUARTER);
        }
        if (MONTH.matcher(text).matches()) {
            return Optional.of(PeriodKind.MONTH);
        }
        return Optional.empty();
    }

    /** A year, quarter or month; empty when the text is none of them. */
    static Optional<Period> period(String text) {
        return known(text).filter(period -> within(period.start()));
    }

    /** The years asked for KPIs; beyond them date arithmetic (trends go back years) could overflow. */
    private static boolean within(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    private static Optional<Period> known(String text) {
        if (YEAR.matcher(text).matches()) {
            return Optional.of(Period.year(Integer.parseInt(text)));
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return Optional.of(Period.quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
        }
        if (MONTH.matcher(text).matches()) {
            try {
                return Optional.of(Period.month(YearMonth.parse(text)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Period> range(Optional<String> from, Optional<String> to, List<Problem> problems) {
        Optional<LocalDate> first = date("dashboard-from", from, problems);
        Optional<LocalDate> last = date("dashboard-to", to, problems);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        if (last.get().isBefore(first.get())) {
            problems.add(new Problem("dashboard-to", "dashboard.error.toBeforeFrom", List.of()));
            return Optional.empty();
        }
        if (last.get().isAfter(first.get().plusYears(MAX_YEARS))) {
            problems.add(new Problem("dashboard-to", "dashboard.error.tooLong", List.of(MAX_YEARS)));
            return Optional.empty();
        }
        return Optional.of(new Period(first.get(), last.get().plusDays(1)));
    }

    private static Optional<LocalDate> date(String field, Optional<String> text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem(field, "dashboard.error.dateRequired", List.of()));
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(text.get());
            if (within(day)) {
                return Optional.of(day);
            }
        } catch (DateTimeParseException e) {
            // the same message as a day out of range
        }
        problems.add(new Problem(field, "dashboard.error.date", List.of()));
        return Optional.empty();
    }
}
