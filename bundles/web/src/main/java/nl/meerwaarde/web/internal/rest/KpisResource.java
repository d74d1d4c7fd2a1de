package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.KpiAccess;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /v1/kpis}: the KPI definitions, and {@code /v1/kpis/results}: their figures for a scope and period.
 *
 * <p>A manager or administrator reads every scope; a worker the scope of his or her own teams (a team, or an
 * activity of one), nothing organisation-wide.
 */
@Component(service = KpisResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/kpis")
public final class KpisResource {
    /** KPIs in one request at most. */
    static final int MAX_KPIS = 100;
    /** The longest custom period, in years. */
    static final int MAX_YEARS = 20;
    /** The days a period may start and end on. */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

    static final String SCOPE_ORGANISATION = "organisation";
    static final String SCOPE_TEAM = "team";
    static final String SCOPE_ACTIVITY = "activity";
    static final String SCOPE_TARGET_GROUP = "targetGroup";
    static final String SCOPE_FUNDER = "funder";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    private final ObjectMapper json = Json.newMapper();

    public KpisResource() {}

    /** For tests: the services given. */
    KpisResource(KpiEngine engine, ActivityStore activities, KpiSetStore sets) {
        this.engine = engine;
        this.activities = activities;
        this.sets = sets;
    }

    /** Every KPI definition, or those of one library ({@code ?library=tinten}). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KpiViews.KpiDefinitionView> definitions(
            @QueryParam("library") String library, @Context HttpServletRequest request) {
        Caller.worker(request);
        return Problems.require(engine).definitions().stream()
                .filter(definition -> library == null || definition.library().equals(library))
                .map(definition -> KpiViews.KpiDefinitionView.of(definition, formula(definition)))
                .toList();
    }

    /**
     * The figures of some KPIs ({@code kpi}, repeated, and/or {@code set}: a KPI set, or every KPI of a library) for a
     * scope
     * ({@code scope} and, except for the organisation, {@code id}) and a period ({@code period}: {@code 2025},
     * {@code 2025-Q2} or {@code 2025-03}; or {@code from} and {@code to}, both days included).
     */
    @GET
    @Path("results")
    @Produces(MediaType.APPLICATION_JSON)
    public KpiViews.KpiResults results(
            @QueryParam("kpi") List<String> kpis,
            @QueryParam("set") String set,
            @QueryParam("scope") String scope,
            @QueryParam("id") String id,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context HttpServletRequest request) {
        Subject.WorkerSubject worker = Caller.worker(request);
        KpiEngine kpiEngine = Problems.require(engine);
        List<FieldError> errors = new ArrayList<>();
        // one look at the definitions for the whole request: they may change meanwhile (another node publishes)
        Map<String, KpiDefinition> definitions = new LinkedHashMap<>();
        kpiEngine.definitions().forEach(definition -> definitions.put(definition.id(), definition));
        List<String> ids = ids(definitions, kpis, set, errors);
        Optional<Scope> asked = scope(scope, id, errors);
        Optional<Period> range = period(period, from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        authorise(worker, asked.orElseThrow(), activities, organisation);
        List<KpiResult> results = kpiEngine.compute(ids, asked.get(), range.orElseThrow());
        List<KpiViews.KpiResultView> views = new ArrayList<>();
        for (KpiResult result : results) {
            views.add(KpiViews.KpiResultView.of(result, definitions.get(result.kpiId())));
        }
        return new KpiViews.KpiResults(
                new KpiViews.KpiScope(scope.trim(), SCOPE_ORGANISATION.equals(scope.trim()) ? null : id.trim()),
                KpiViews.KpiPeriod.of(range.get()),
                views);
    }

    private List<String> ids(
            Map<String, KpiDefinition> definitions, List<String> kpis, String set, List<FieldError> errors) {
        List<String> ids = new ArrayList<>();
        if (kpis != null && kpis.size() > MAX_KPIS) {
            errors.add(FieldError.of("kpi", FieldCodes.RANGE, 1, MAX_KPIS));
            return ids;
        }
        if (set != null && !set.isBlank()) {
            KpiSetStore store = sets;
            Optional<KpiSet> stored = store == null ? Optional.empty() : store.find(set.trim());
            // a stored set may name a KPI whose library was removed since: it is left out, not blamed on the caller
            List<String> inSet = stored.isPresent()
                    ? stored.get().kpiIds().stream()
                            .filter(definitions::containsKey)
                            .toList()
                    : definitions.values().stream()
                            .filter(definition -> definition.library().equals(set.trim()))
                            .map(KpiDefinition::id)
                            .toList();
            if (inSet.isEmpty()) {
                errors.add(FieldError.of("set", FieldCodes.OPTION));
            }
            ids.addAll(inSet);
        }
        for (int i = 0; kpis != null && i < kpis.size(); i++) {
            String kpi = kpis.get(i).trim();
            if (!definitions.containsKey(kpi)) {
                errors.add(FieldError.of("kpi[" + i + "]", FieldCodes.OPTION));
            } else if (!ids.contains(kpi)) {
                ids.add(kpi);
            }
        }
        if (ids.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("kpi", FieldCodes.REQUIRED));
        } else if (ids.size() > MAX_KPIS) {
            errors.add(FieldError.of("kpi", FieldCodes.RANGE, 1, MAX_KPIS));
        }
        return ids;
    }

    /** The scope a request names ({@code scope} and {@code id}), or the problems with it in {@code errors}. */
    static Optional<Scope> scope(String kind, String id, List<FieldError> errors) {
        if (kind == null || kind.isBlank()) {
            errors.add(FieldError.of("scope", FieldCodes.REQUIRED));
            return Optional.empty();
        }
        String trimmed = kind.trim();
        if (SCOPE_ORGANISATION.equals(trimmed)) {
            return Optional.of(new Scope.OrganisationScope());
        }
        if (!List.of(SCOPE_TEAM, SCOPE_ACTIVITY, SCOPE_TARGET_GROUP, SCOPE_FUNDER)
                .contains(trimmed)) {
            errors.add(FieldError.of("scope", FieldCodes.OPTION));
            return Optional.empty();
        }
        if (id == null || id.isBlank()) {
            errors.add(FieldError.of("id", FieldCodes.REQUIRED));
            return Optional.empty();
        }
        String value = id.trim();
        if (SCOPE_ACTIVITY.equals(trimmed)) {
            Optional<UUID> uuid = Problems.parseUuid(value);
            if (uuid.isEmpty()) {
                errors.add(FieldError.of("id", FieldCodes.INVALID));
                return Optional.empty();
            }
            return Optional.of(new Scope.ActivityScope(new ActivityId(uuid.get())));
        }
        if (!CODE.matcher(value).matches()) {
            errors.add(FieldError.of("id", FieldCodes.INVALID));
            return Optional.empty();
        }
        return Optional.of(
                switch (trimmed) {
                    case SCOPE_TEAM -> new Scope.TeamScope(new TeamId(value));
                    case SCOPE_TARGET_GROUP -> new Scope.TargetGroupScope(value);
                    default -> new Scope.FunderScope(new FunderId(value));
                });
    }

    static Optional<Period> period(String period, String from, String to, List<FieldError> errors) {
        boolean range = from != null || to != null;
        if (period != null && range) {
            errors.add(FieldError.of("period", FieldCodes.INVALID));
            return Optional.empty();
        }
        if (period != null) {
            String value = period.trim();
            Matcher year = YEAR.matcher(value);
            Matcher quarter = QUARTER.matcher(value);
            if (year.matches() && within(LocalDate.of(Integer.parseInt(value), 1, 1))) {
                return Optional.of(Period.year(Integer.parseInt(value)));
            }
            if (quarter.matches() && within(LocalDate.of(Integer.parseInt(quarter.group(1)), 1, 1))) {
                return Optional.of(
                        Period.quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
            }
            if (MONTH.matcher(value).matches()) {
                try {
                    YearMonth month = YearMonth.parse(value);
                    if (!within(month.atDay(1))) {
                        throw new DateTimeParseException("out of range", value, 0);
                    }
                    return Optional.of(Period.month(month));
                } catch (DateTimeParseException e) {
                    // fall through to the error
                }
            }
            errors.add(FieldError.of("period", FieldCodes.INVALID));
            return Optional.empty();
        }
        if (!range) {
            errors.add(FieldError.of("period", FieldCodes.REQUIRED));
            return Optional.empty();
        }
        Optional<LocalDate> first = date("from", from, errors);
        Optional<LocalDate> last = date("to", to, errors);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        if (last.get().isBefore(first.get()) || last.get().isAfter(first.get().plusYears(MAX_YEARS))) {
            errors.add(FieldError.of(
                    "to", FieldCodes.RANGE, first.get(), first.get().plusYears(MAX_YEARS)));
            return Optional.empty();
        }
        return Optional.of(new Period(first.get(), last.get().plusDays(1)));
    }

    private static Optional<LocalDate> date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, FieldCodes.REQUIRED));
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (!within(day)) {
                errors.add(FieldError.of(field, FieldCodes.RANGE, FIRST_DAY, LAST_DAY));
                return Optional.empty();
            }
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, FieldCodes.TYPE));
            return Optional.empty();
        }
    }

    /** Whether a day lies in the years KPIs are asked for; beyond them date arithmetic could overflow. */
    static boolean within(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }

    /** Managers and administrators see every scope; a worker only his or her teams and their activities. */
    static void authorise(
            Subject.WorkerSubject worker, Scope scope, ActivityStore activities, Organisation organisation) {
        Optional<CollectiveActivity> activity = scope instanceof Scope.ActivityScope asked
                ? Problems.require(activities).find(asked.activity())
                : Optional.empty();
        if (!KpiAccess.allowed(worker, scope, activity)) {
            throw new ForbiddenException();
        }
        // a manager asking for a team, activity or funder that does not exist gets 404, not a page of zeros (a
        // worker's unknown activity stays 403: whether another team's activity exists is none of his business)
        boolean unknown = scope instanceof Scope.ActivityScope
                ? activity.isEmpty()
                : organisation != null && unknown(scope, organisation);
        if (unknown) {
            throw Problems.notFound();
        }
    }

    private static boolean unknown(Scope scope, Organisation organisation) {
        if (scope instanceof Scope.TeamScope team) {
            return organisation.teams().stream().noneMatch(known -> known.id().equals(team.team()));
        }
        if (scope instanceof Scope.FunderScope funder) {
            return organisation.funders().stream().noneMatch(known -> known.id().equals(funder.funder()));
        }
        return false;
    }

    private JsonNode formula(KpiDefinition definition) {
        if (definition.formula().isEmpty()) {
            return null;
        }
        try {
            return json.readTree(definition.formula().get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definition " + definition.id() + " has a formula that is not JSON", e);
        }
    }
}
