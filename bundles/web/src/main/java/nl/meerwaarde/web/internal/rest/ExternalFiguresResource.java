package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.kpi.ExternalFigure;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.store.ExternalFigureStore;
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
 * {@code /v1/external-figures}: figures from outside the registrations (a municipality's loneliness percentage, a CBS
 * count) for the KPIs whose source is external, per municipality (CBS code) and period, shown beside the
 * organisation's own figures. A manager or administrator reads, enters or imports them (all or none per request), as
 * they read the organisation-wide figures beside which these stand.
 */
@Component(service = ExternalFiguresResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/external-figures")
public final class ExternalFiguresResource {
    static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    static final int MAX_FIGURES = 10_000;
    static final int MAX_INTEGER_DIGITS = 16;
    static final int MAX_DECIMALS = 8;
    static final int SOURCE_LENGTH = 500;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExternalFigureStore figures;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiEngine engine;

    private final Clock clock;

    public ExternalFiguresResource() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services and clock given. */
    ExternalFiguresResource(ExternalFigureStore figures, KpiEngine engine, Clock clock) {
        this.figures = figures;
        this.engine = engine;
        this.clock = clock;
    }

    /** The figures of a municipality whose period lies within the period asked, optionally of some KPIs only. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KpiViews.ExternalFigureView> list(
            @QueryParam("municipality") String municipality,
            @QueryParam("kpi") List<String> kpis,
            @QueryParam("period") String period,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context HttpServletRequest request) {
        // like the organisation-wide figures they stand beside (KpiAccess): managers and administrators
        KpiSetsResource.manager(request);
        List<FieldError> errors = new ArrayList<>();
        String town = municipality(municipality, errors);
        Optional<Period> within = KpisResource.period(period, from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Problems.require(figures).find(town, kpis == null ? List.of() : kpis, within.orElseThrow()).stream()
                .map(KpiViews.ExternalFigureView::of)
                .toList();
    }

    /** Stores the figures, all or none; a figure for the same KPI, municipality and period is replaced. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public KpiViews.ExternalFiguresSaved save(KpiViews.ExternalFiguresBody body, @Context HttpServletRequest request) {
        Subject.WorkerSubject manager = KpiSetsResource.manager(request);
        Check check = new Check();
        if (body == null || body.figures() == null || body.figures().isEmpty()) {
            check.add("figures", FieldCodes.REQUIRED);
            check.done();
        }
        if (body.figures().size() > MAX_FIGURES) {
            check.add("figures", FieldCodes.RANGE, 1, MAX_FIGURES);
            check.done();
        }
        Map<String, KpiDefinition> definitions = new HashMap<>();
        Problems.require(engine).definitions().forEach(definition -> definitions.put(definition.id(), definition));
        List<ExternalFigure> checked = new ArrayList<>();
        for (int i = 0; i < body.figures().size(); i++) {
            figure(body.figures().get(i), "figures[" + i + "]", definitions, check, manager)
                    .ifPresent(checked::add);
        }
        check.done();
        try {
            Problems.require(figures).saveAll(checked);
        } catch (IllegalStateException concurrent) {
            throw Problems.withDetail(request, 409, KpiSetsResource.CONCURRENT);
        }
        return new KpiViews.ExternalFiguresSaved(checked.size());
    }

    @DELETE
    public Response delete(
            @QueryParam("kpi") String kpi,
            @QueryParam("municipality") String municipality,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context HttpServletRequest request) {
        KpiSetsResource.manager(request);
        List<FieldError> errors = new ArrayList<>();
        if (kpi == null || kpi.isBlank()) {
            errors.add(FieldError.of("kpi", FieldCodes.REQUIRED));
        }
        String town = municipality(municipality, errors);
        Optional<Period> period = KpisResource.period(null, from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!Problems.require(figures).delete(kpi.trim(), town, period.orElseThrow())) {
            throw Problems.notFound();
        }
        return Response.noContent().build();
    }

    private Optional<ExternalFigure> figure(
            KpiViews.ExternalFigureBody body,
            String at,
            Map<String, KpiDefinition> definitions,
            Check check,
            Subject.WorkerSubject by) {
        if (body == null) {
            check.add(at, FieldCodes.REQUIRED);
            return Optional.empty();
        }
        boolean ok = true;
        Optional<KpiDefinition> kpi = Optional.ofNullable(body.kpi()).map(definitions::get);
        if (kpi.isEmpty() || kpi.get().source() != KpiSource.EXTERNAL_FIGURES) {
            check.add(at + ".kpi", body.kpi() == null ? FieldCodes.REQUIRED : FieldCodes.OPTION);
            ok = false;
        }
        if (body.municipality() == null
                || !MUNICIPALITY.matcher(body.municipality()).matches()) {
            check.add(at + ".municipality", body.municipality() == null ? FieldCodes.REQUIRED : FieldCodes.INVALID);
            ok = false;
        }
        Optional<Period> period = period(body.from(), body.to(), at, check);
        Optional<BigDecimal> value = value(body.value(), at + ".value", check);
        if (body.n() != null && body.n() < 0) {
            check.add(at + ".n", FieldCodes.MIN, 0);
            ok = false;
        }
        String source = check.required(at + ".source", body.source(), SOURCE_LENGTH);
        if (!ok || period.isEmpty() || value.isEmpty() || source == null) {
            return Optional.empty();
        }
        return Optional.of(new ExternalFigure(
                kpi.get().id(),
                body.municipality(),
                period.get(),
                value.get(),
                Optional.ofNullable(body.n()),
                source,
                clock.instant(),
                by.auditName()));
    }

    private static Optional<Period> period(LocalDate from, LocalDate to, String at, Check check) {
        if (from == null || to == null) {
            check.add(at + (from == null ? ".from" : ".to"), FieldCodes.REQUIRED);
            return Optional.empty();
        }
        if (!KpisResource.within(from) || !KpisResource.within(to)) {
            check.add(
                    at + (KpisResource.within(from) ? ".to" : ".from"),
                    FieldCodes.RANGE,
                    KpisResource.FIRST_DAY,
                    KpisResource.LAST_DAY);
            return Optional.empty();
        }
        if (to.isBefore(from) || to.isAfter(from.plusYears(KpisResource.MAX_YEARS))) {
            check.add(at + ".to", FieldCodes.RANGE, from, from.plusYears(KpisResource.MAX_YEARS));
            return Optional.empty();
        }
        return Optional.of(new Period(from, to.plusDays(1)));
    }

    /** A decimal written as a string: at most 16 digits before and 8 after the point. */
    private static Optional<BigDecimal> value(String text, String at, Check check) {
        if (text == null || text.isBlank()) {
            check.add(at, FieldCodes.REQUIRED);
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.scale() > MAX_DECIMALS || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                check.add(at, FieldCodes.INVALID);
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            check.add(at, FieldCodes.TYPE);
            return Optional.empty();
        }
    }

    private static String municipality(String value, List<FieldError> errors) {
        if (value == null || !MUNICIPALITY.matcher(value.trim()).matches()) {
            errors.add(FieldError.of("municipality", value == null ? FieldCodes.REQUIRED : FieldCodes.INVALID));
            return null;
        }
        return value.trim();
    }
}
