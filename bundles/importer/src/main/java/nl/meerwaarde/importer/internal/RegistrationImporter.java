package nl.meerwaarde.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.ImportUnavailableException;
import nl.meerwaarde.api.importing.RecordError;
import nl.meerwaarde.api.importing.RegistrationImport;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.api.store.RegistrationBatch;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.Residents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * Imports registrations from JSON and CSV files: reads and checks every record ({@link JsonInput}, {@link
 * CsvInput}, {@link Rules}), checks them together and against what is stored ({@link ImportRun}), then writes the
 * new and changed ones in one transaction ({@link RegistrationBatch#saveAll}) and audits, after the commit, every
 * written participation with a measurement and every written signal about a resident (action {@value
 * #AUDIT_ACTION}).
 *
 * <p>One file at a time: a whole file is held in memory while it is checked and written in one transaction, so a
 * second file handed in meanwhile is refused at once (error {@code file.busy}) rather than doubling the memory
 * and the database load.
 */
@Component(name = RegistrationImporter.PID, service = RegistrationImport.class)
@Designate(ocd = RegistrationImporter.Config.class)
public final class RegistrationImporter implements RegistrationImport {
    static final String PID = "nl.meerwaarde.importer";
    static final String AUDIT_ACTION = "import";
    /** Audit object type of a participation's measurement, as the REST API uses it. */
    static final String AUDIT_MEASUREMENT = "measurement";

    static final String AUDIT_SIGNAL = "signal";
    /** Registrations are dated by Dutch calendar days. */
    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationImporter.class);

    @ObjectClassDefinition(
            name = "Meerwaarde import",
            description = "Bulk import of historic registrations from JSON and CSV files")
    public @interface Config {
        @AttributeDefinition(
                name = "Largest file (MiB)",
                description = "A larger file is refused whole (error file.tooLarge)")
        int maxFileMegabytes() default 256;

        @AttributeDefinition(
                name = "Most records per file",
                description = "Signals, activities and participations together (error file.tooManyRecords)")
        int maxRecords() default Limits.DEFAULT_MAX_RECORDS;
    }

    private final RegistrationBatch batch;
    private final AtomicReference<Organisation> organisation = new AtomicReference<>();
    private final AtomicReference<Residents> residents = new AtomicReference<>();
    private final AuditTrail audit;
    private final Limits limits;
    private final Clock clock;
    private final JsonInput json = new JsonInput();
    private final CsvInput csv = new CsvInput();
    /** One import at a time. */
    private final Semaphore running = new Semaphore(1);

    /**
     * The host's {@link Organisation} and {@link Residents} are followed as they come and go (like the web bundle
     * does), so that the bundle resolves and starts without a host; an import needs both.
     */
    @Activate
    public RegistrationImporter(
            @Reference(name = "batch") RegistrationBatch batch,
            @Reference(name = "audit") AuditTrail audit,
            Config config) {
        this(
                batch,
                null,
                null,
                audit,
                new Limits((long) config.maxFileMegabytes() * 1024 * 1024, config.maxRecords()),
                Clock.systemUTC());
    }

    RegistrationImporter(
            RegistrationBatch batch,
            Organisation organisation,
            Residents residents,
            AuditTrail audit,
            Limits limits,
            Clock clock) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.organisation.set(organisation);
        this.residents.set(residents);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.limits = limits;
        this.clock = clock;
    }

    @Reference(
            name = "organisation",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindOrganisation")
    void bindOrganisation(Organisation service) {
        organisation.set(service);
    }

    void unbindOrganisation(Organisation service) {
        organisation.compareAndSet(service, null);
    }

    @Reference(
            name = "residents",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindResidents")
    void bindResidents(Residents service) {
        residents.set(service);
    }

    void unbindResidents(Residents service) {
        residents.compareAndSet(service, null);
    }

    private static <T> T required(AtomicReference<T> service, String name) {
        T current = service.get();
        if (current == null) {
            throw new ImportUnavailableException("No import without the host's " + name + " service");
        }
        return current;
    }

    @Override
    public ImportReport importJson(InputStream in, ImportOptions options) {
        return run(options, run -> json.read(in(in), run));
    }

    @Override
    public ImportReport importCsv(InputStream in, CsvKind kind, ImportOptions options) {
        Objects.requireNonNull(kind, "kind");
        return run(options, run -> csv.read(in(in), Kind.of(kind), run));
    }

    private InputStream in(InputStream in) {
        return new LimitedInputStream(Objects.requireNonNull(in, "in"), limits.maxBytes());
    }

    @FunctionalInterface
    private interface Reading {
        void read(ImportRun run) throws IOException;
    }

    private ImportReport run(ImportOptions options, Reading reading) {
        Objects.requireNonNull(options, "options");
        if (!running.tryAcquire()) {
            LOG.info("{} handed in a file while another was being imported: refused", options.actor());
            return new ImportReport(false, 0, 0, 0, 0, List.of(RecordError.of(0, null, null, Codes.FILE_BUSY)), 1);
        }
        try {
            return runAlone(options, reading);
        } finally {
            running.release();
        }
    }

    private ImportReport runAlone(ImportOptions options, Reading reading) {
        Instant started = clock.instant();
        Directory directory =
                new Directory(required(organisation, "Organisation"), required(residents, "Residents"), options);
        ImportRun run =
                new ImportRun(batch, directory, new Rules(directory, LocalDate.ofInstant(started, DUTCH_TIME)), limits);
        try {
            reading.read(run);
        } catch (LimitedInputStream.TooLarge e) {
            run.stop(0, Codes.FILE_TOO_LARGE, limits.maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import file", e);
        }
        Optional<ImportRun.Changes> checked = run.check();
        if (checked.isEmpty()) {
            return run.failed();
        }
        ImportRun.Changes changes = checked.get();
        if (!options.dryRun()) {
            batch.saveAll(
                    changes.signals().toWrite(),
                    changes.activities().toWrite(),
                    changes.participations().toWrite());
            audit(changes, options.actor());
            LOG.info(
                    "{} imported {} records: {} created, {} updated, {} unchanged",
                    options.actor(),
                    run.records(),
                    changes.created(),
                    changes.updated(),
                    changes.unchanged());
        }
        return new ImportReport(
                !options.dryRun(),
                run.records(),
                changes.created(),
                changes.updated(),
                changes.unchanged(),
                List.of(),
                0);
    }

    /** The audit events of the written records, recorded together (one transaction in Meerwaarde's own table). */
    private void audit(ImportRun.Changes changes, String actor) {
        Instant now = clock.instant();
        List<AuditEvent> events = new ArrayList<>();
        changes.participations().created().forEach(p -> auditParticipation(p, null, actor, now, events));
        changes.participations().updated().forEach((p, before) -> auditParticipation(p, before, actor, now, events));
        changes.signals().created().forEach(s -> auditSignal(s, null, actor, now, events));
        changes.signals().updated().forEach((s, before) -> auditSignal(s, before, actor, now, events));
        if (!events.isEmpty()) {
            audit.recordAll(events);
        }
    }

    private static void auditParticipation(
            Participation participation, Participation before, String actor, Instant at, List<AuditEvent> events) {
        boolean measured = participation.measurement().isPresent()
                || (before != null && before.measurement().isPresent());
        if (measured) {
            events.add(new AuditEvent(
                    at,
                    actor,
                    AUDIT_ACTION,
                    AUDIT_MEASUREMENT,
                    participation.id().toString(),
                    participation.resident()));
        }
    }

    private static void auditSignal(Signal signal, Signal before, String actor, Instant at, List<AuditEvent> events) {
        Optional<ResidentId> resident =
                signal.resident().or(() -> before == null ? Optional.empty() : before.resident());
        resident.ifPresent(id -> events.add(new AuditEvent(
                at, actor, AUDIT_ACTION, AUDIT_SIGNAL, signal.id().toString(), id)));
    }
}
