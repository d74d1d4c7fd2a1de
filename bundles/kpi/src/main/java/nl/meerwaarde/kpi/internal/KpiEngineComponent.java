package nl.meerwaarde.kpi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.ExternalFigure;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiLibraries;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.store.ExternalFigureStore;
import nl.meerwaarde.api.store.KpiLibraryStore;
import nl.meerwaarde.api.store.ReportingDatabase;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.host.spi.Funder;
import nl.meerwaarde.host.spi.Organisation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPI engine: the shipped KPI libraries (bundle resources under {@value #LIBRARIES}), checked on activation,
 * computed on the reporting database. All statements of one {@link #compute} run in one read-only transaction, so
 * the figures of a report agree with each other even while registrations come in.
 */
@Component(
        name = KpiEngineComponent.PID,
        service = {KpiEngine.class, KpiLibraries.class},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KpiEngineComponent.Config.class)
public final class KpiEngineComponent implements KpiEngine, KpiLibraries {
    static final String PID = "nl.meerwaarde.kpi.engine";
    static final String READ_ONLY = "kpi.libraryReadOnly";
    static final String ID_MISMATCH = "kpi.libraryId";

    @ObjectClassDefinition(
            id = PID,
            name = "Meerwaarde KPI engine",
            description = "Where the organisation's own KPI libraries are read from, next to the shipped ones and"
                    + " those published through the REST API.")
    public @interface Config {
        @AttributeDefinition(
                name = "KPI libraries directory",
                description = "Folder whose *.json files are KPI libraries (format meerwaarde-kpi-library, see"
                        + " docs/kpi-engine.md); read on start and on every change of this configuration. An invalid"
                        + " file is logged and left out. Empty: none.")
        String librariesDirectory() default "";

        @AttributeDefinition(
                name = "Maintained aggregates",
                description = "Keep each KPI statement's result per team and month, and answer organisation and team"
                        + " figures over whole months from them (a month changed since is computed again first)."
                        + " Off: every figure from the registrations.")
        boolean maintainedAggregates() default true;
    }

    private static final Logger LOG = LoggerFactory.getLogger(KpiEngineComponent.class);

    static final String LIBRARIES = "OSGI-INF/meerwaarde/kpis/";
    static final List<String> SHIPPED = List.of("tinten.json", "sector-model.json", "instrument-outcomes.json");
    static final String UNKNOWN = "kpi.unknown";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportingDatabase database;
    private final LibrarySources sources;
    private final Clock clock;
    private volatile boolean maintained = true;

    /** Figures entered for external KPIs; without it those KPIs have no values. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExternalFigureStore externalFigures;

    /** The host's funders and their municipalities, for external figures. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisation organisation;

    /** The organisation's published libraries; without it only the shipped and folder ones are in use. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KpiLibraryStore published;

    /** The instruments' questionnaires, for outcome KPIs; without it those cannot be computed. */
    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QuestionnaireCatalog catalog;

    @Activate
    public KpiEngineComponent(@Reference(name = "database") ReportingDatabase database, Config config) {
        this(database, shipped(), null);
        modified(config);
    }

    /** The engine with the shipped libraries only (benchmarks). */
    public KpiEngineComponent(ReportingDatabase database) {
        this(database, shipped(), null);
    }

    /** The engine with the shipped libraries only, with or without maintained aggregates (benchmarks). */
    public KpiEngineComponent(ReportingDatabase database, boolean maintainedAggregates) {
        this(database, shipped(), null);
        this.maintained = maintainedAggregates;
    }

    KpiEngineComponent(ReportingDatabase database, Libraries libraries) {
        this(database, libraries, null);
    }

    KpiEngineComponent(ReportingDatabase database, Libraries libraries, QuestionnaireCatalog catalog) {
        this(database, libraries, catalog, null, Clock.systemUTC());
    }

    KpiEngineComponent(
            ReportingDatabase database,
            Libraries libraries,
            QuestionnaireCatalog catalog,
            KpiLibraryStore published,
            Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.sources = new LibrarySources(libraries.libraries());
        this.catalog = catalog;
        this.published = published;
        this.clock = clock;
    }

    /** For tests: the services DS would bind for external figures. */
    KpiEngineComponent withExternalFigures(ExternalFigureStore store, Organisation host) {
        this.externalFigures = store;
        this.organisation = host;
        return this;
    }

    @Modified
    void modified(Config config) {
        maintained = config.maintainedAggregates();
        String directory = config.librariesDirectory();
        sources.readFolder(
                directory == null || directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory.trim())));
    }

    /** The libraries in use now (the published ones are read each time: another node may have changed them). */
    private Libraries inUse() {
        return snapshot().libraries();
    }

    private LibrarySources.Snapshot snapshot() {
        KpiLibraryStore store = published;
        return sources.current(store == null ? List.of() : store.all());
    }

    @Override
    public List<LibraryInfo> libraries() {
        return snapshot().infos();
    }

    @Override
    public LibraryInfo publish(String json, String actor) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(actor, "actor");
        KpiLibraryStore store = published;
        if (store == null) {
            throw new IllegalStateException("no KPI library store: libraries cannot be published");
        }
        KpiLibrary library;
        try {
            library = LibraryReader.read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(FieldError.of("", "field.type"));
        }
        LibrarySources.Snapshot current = snapshot();
        readOnly(library.id(), current);
        LibrarySources.checkFits(library, current);
        store.save(new KpiLibraryStore.StoredLibrary(library.id(), json, clock.instant(), actor));
        return libraries().stream()
                .filter(info -> info.id().equals(library.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("published library " + library.id() + " not in use"));
    }

    @Override
    public boolean remove(String id) {
        KpiLibraryStore store = published;
        if (store == null) {
            return false;
        }
        LibrarySources.Snapshot current = snapshot();
        readOnly(id, current);
        if (current.infos().stream().noneMatch(info -> info.id().equals(id))) {
            return store.delete(id);
        }
        LibrarySources.checkRemovable(id, current);
        return store.delete(id);
    }

    /** Shipped and folder libraries are changed by their own means, never through publishing. */
    private static void readOnly(String id, LibrarySources.Snapshot current) {
        boolean fixed =
                current.infos().stream().anyMatch(info -> info.id().equals(id) && info.origin() != Origin.PUBLISHED);
        if (fixed) {
            throw new InvalidInputException(FieldError.of("id", READ_ONLY, id));
        }
    }

    /** The libraries shipped in this bundle; a broken one is a defect of the build, so it fails the activation. */
    static Libraries shipped() {
        List<KpiLibrary> read = new ArrayList<>();
        for (String name : SHIPPED) {
            try (InputStream in = KpiEngineComponent.class.getClassLoader().getResourceAsStream(LIBRARIES + name)) {
                if (in == null) {
                    throw new IllegalStateException("shipped KPI library missing: " + name);
                }
                read.add(LibraryReader.read(JSON.readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shipped KPI library " + name, e);
            } catch (InvalidInputException e) {
                throw new IllegalStateException("shipped KPI library " + name + " is invalid: " + e.getMessage(), e);
            }
        }
        return Libraries.of(read);
    }

    @Override
    public List<KpiDefinition> definitions() {
        return inUse().all().stream().map(Kpi::definition).toList();
    }

    @Override
    public Optional<KpiDefinition> definition(String id) {
        return inUse().kpi(id).map(Kpi::definition);
    }

    @Override
    public List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Libraries libraries = inUse();
        List<Kpi> kpis = kpis(libraries, kpiIds);
        Function<String, Formula> formulas =
                id -> libraries.kpi(id).flatMap(Kpi::formula).orElseThrow();
        Optional<MaintainedAggregates.Span> span =
                maintained ? MaintainedAggregates.Span.of(scope, period) : Optional.empty();
        span.ifPresent(months -> refresh(kpis, formulas, months));
        try (Connection connection = database.connection()) {
            // a pooled connection goes back as it came: another store writes on it next
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Computation computation = new Computation(connection, scope, period, formulas, span);
                Map<String, List<OutcomeFigures>> outcomes = new HashMap<>();
                List<KpiResult> results = new ArrayList<>();
                for (Kpi kpi : kpis) {
                    results.add(new KpiResult(kpi.id(), scope, period, values(kpi, computation, outcomes)));
                }
                return results;
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            // SQL state and code only: a driver's message may quote statement values
            throw new IllegalStateException(
                    "KPI computation failed (SQL state " + e.getSQLState() + ", code " + e.getErrorCode() + ")");
        }
    }

    /**
     * Brings the maintained aggregates of these KPIs up to date for the span, before the computation's snapshot is
     * taken. A failure is logged and costs only speed: the computation then reads the registrations.
     */
    private void refresh(List<Kpi> kpis, Function<String, Formula> formulas, MaintainedAggregates.Span span) {
        Set<AggregateRequest> requests = RequestPlan.of(
                kpis.stream().flatMap(kpi -> kpi.formula().stream()).toList(), formulas);
        try (Connection connection = database.aggregateConnection()) {
            int isolation = connection.getTransactionIsolation();
            try {
                MaintainedAggregates.refresh(connection, requests, span);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn(
                    "KPI aggregates not brought up to date (SQL state {}, code {}); computing from the registrations",
                    e.getSQLState(),
                    e.getErrorCode());
        }
    }

    private static List<Kpi> kpis(Libraries libraries, List<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        List<Kpi> kpis = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Kpi> kpi = libraries.kpi(ids.get(i));
            if (kpi.isEmpty()) {
                errors.add(FieldError.of("kpis[" + i + "]", UNKNOWN, ids.get(i)));
            } else {
                kpis.add(kpi.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kpis;
    }

    private List<KpiValue> values(Kpi kpi, Computation computation, Map<String, List<OutcomeFigures>> outcomes)
            throws SQLException {
        if (kpi.formula().isEmpty()) {
            return external(kpi.id(), computation.scope(), computation.period());
        }
        Formula formula = kpi.formula().get();
        if (formula.measure() instanceof Formula.Outcome outcome) {
            List<OutcomeFigures> figures = outcomes.get(outcome.questionnaire());
            if (figures == null) {
                Optional<OutcomeScale> scale = scale(outcome.questionnaire());
                figures = scale.isPresent() ? computation.outcomes(scale.get()) : List.of();
                outcomes.put(outcome.questionnaire(), figures);
            }
            return figures.stream()
                    .map(item ->
                            value(Optional.of(item.linkPath()), outcomeFigure(outcome.statistic(), item), List.of()))
                    .toList();
        }
        Map<String, Figure> figures = computation.figures(formula);
        Map<String, List<String>> quotes = computation.quotes(formula, figures.keySet());
        List<KpiValue> values = new ArrayList<>();
        figures.forEach((group, figure) -> values.add(value(
                formula.by().isPresent() ? Optional.of(group) : Optional.empty(),
                figure,
                quotes.getOrDefault(group, List.of()))));
        return values;
    }

    /**
     * The figures entered for an external KPI: for a funder scope those of its municipality, for the organisation those
     * of every funder's municipality; other scopes are not municipalities and have none.
     */
    private List<KpiValue> external(String kpiId, Scope scope, Period period) {
        ExternalFigureStore store = externalFigures;
        Organisation host = organisation;
        if (store == null || host == null) {
            return List.of();
        }
        List<String> municipalities = host.funders().stream()
                .filter(funder -> scope instanceof Scope.OrganisationScope
                        || (scope instanceof Scope.FunderScope asked
                                && asked.funder().equals(funder.id())))
                .map(Funder::municipalityCode)
                .distinct()
                .sorted()
                .toList();
        List<KpiValue> values = new ArrayList<>();
        for (String municipality : municipalities) {
            for (ExternalFigure figure : store.find(municipality, List.of(kpiId), period)) {
                String group = municipality + " " + figure.period().start() + "/"
                        + figure.period().end().minusDays(1);
                values.add(value(
                        Optional.of(group),
                        Figure.of(Exact.of(figure.value()), figure.n().orElse(0L)),
                        List.of()));
            }
        }
        return values;
    }

    /** The scored items of the newest version of a questionnaire. */
    /**
     * The scored items of an instrument's questionnaire; empty while the catalogue is away (the forms bundle
     * restarting) or does not hold it: the outcome KPIs then have no figures, like external KPIs without figures,
     * rather than failing the whole set.
     */
    private Optional<OutcomeScale> scale(String questionnaire) {
        QuestionnaireCatalog questionnaires = catalog;
        if (questionnaires == null) {
            LOG.warn("No questionnaire catalogue: the outcome KPIs of {} have no figures now", questionnaire);
            return Optional.empty();
        }
        Optional<OutcomeScale> scale = questionnaires.latest(questionnaire).map(OutcomeScale::of);
        if (scale.isEmpty()) {
            LOG.warn("No questionnaire {} in the catalogue: its outcome KPIs have no figures", questionnaire);
        }
        return scale;
    }

    /**
     * One item's outcome as a figure: residents with a baseline and a follow-up (n: the same), the mean change (n: the
     * residents whose change is a number), or a percentage of the residents (n: all of them).
     */
    static Figure outcomeFigure(Formula.Statistic statistic, OutcomeFigures item) {
        Exact clients = Exact.of(item.clients());
        return switch (statistic) {
            case CLIENTS -> Figure.of(clients, item.clients());
            case BASELINE -> mean(item.sumOfFirst(), item.changes());
            case LATEST -> mean(item.sumOfLast(), item.changes());
            case MEAN_CHANGE -> mean(item.sumOfChanges(), item.changes());
            case IMPROVED -> percent(item.improved(), item.clients());
            case STABLE -> percent(item.stable(), item.clients());
            case WORSENED -> percent(item.worsened(), item.clients());
        };
    }

    private static Figure mean(BigDecimal total, int count) {
        if (count == 0) {
            return Figure.none();
        }
        Exact sum = Exact.of(total);
        Exact n = Exact.of(count);
        return new Figure(sum.dividedBy(n), count, sum, n, null, null);
    }

    private static Figure percent(int part, int whole) {
        if (whole == 0) {
            return Figure.none();
        }
        Exact of = Exact.of(part);
        Exact to = Exact.of(whole);
        return new Figure(Exact.of(100).times(of).dividedBy(to), whole, of, to, null, null);
    }

    static KpiValue value(Optional<String> group, Figure figure, List<String> quotes) {
        Optional<Exact> exact = Optional.ofNullable(figure.value());
        return new KpiValue(
                group,
                exact.map(value -> value.rounded(KpiValue.SCALE)),
                exact.filter(value -> !value.terminates()).map(Exact::toString),
                figure.n(),
                Optional.ofNullable(figure.numerator())
                        .map(numerator -> new KpiValue.Terms(
                                numerator.toString(), figure.denominator().toString())),
                Optional.ofNullable(figure.known()).map(known -> new KpiValue.Composition(known, figure.anonymous())),
                quotes);
    }
}
