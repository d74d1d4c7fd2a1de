package nl.meerwaarde.web.internal.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.host.spi.Organisation;
import nl.meerwaarde.web.internal.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes KPI reports in the background, for the report screen and {@code /v1/kpi-reports}: a job per report, run on a
 * small pool of this component's own threads, with its progress (0 to 1) to show while it runs. A job is seen only by
 * the user who started it; each user has at most {@value #MAX_PER_USER} jobs waiting or running. A finished job (its
 * file, or its failure) is kept {@link #KEPT} in memory, then dropped; the pool is shut down when the component is
 * deactivated (its threads also end after a minute without work).
 */
@Component(service = ReportJobs.class)
public final class ReportJobs {
    /** Reports made at the same time at most; more wait in the queue. */
    public static final int THREADS = 2;
    /** Reports waiting at most (over all users); beyond it a start is refused as busy. */
    public static final int QUEUE = 16;
    /** Jobs waiting or running per user at most. */
    public static final int MAX_PER_USER = 3;
    /** How long a finished job is kept. */
    public static final Duration KEPT = Duration.ofMinutes(15);
    /** Jobs kept at most (over all users); the oldest finished ones go first. */
    public static final int MAX_KEPT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);

    /** Where a job is. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * A job as it is now.
     *
     * @param file the report, once the job is done
     * @param failure why the job failed, in the language of the order, without technical detail
     */
    public record Job(
            UUID id,
            String owner,
            State state,
            double progress,
            ReportFormat format,
            String fileName,
            Optional<byte[]> file,
            Optional<String> failure,
            Instant created) {}

    /** Why a job was not started. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Whether the user has too many jobs of his or her own (else all users together). */
        private final boolean perUser;

        RefusedException(boolean perUser) {
            super(perUser ? "too many report jobs of this user" : "too many report jobs");
            this.perUser = perUser;
        }

        public boolean perUser() {
            return perUser;
        }
    }

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

    private final Clock clock;
    private final Map<UUID, Entry> jobs = new ConcurrentHashMap<>();
    private volatile ThreadPoolExecutor executor;
    /** The pool's threads, to wait for each to end when the component stops. */
    private final java.util.Set<Thread> started = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ReportJobs() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: the services given, and a clock for the time kept and the report's generation time. */
    public ReportJobs(KpiEngine engine, ActivityStore activities, Organisation organisation, Clock clock) {
        this.engine = engine;
        this.activities = activities;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Activate
    public void activate() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "meerwaarde-kpi-report-" + count.incrementAndGet());
            thread.setDaemon(true);
            started.removeIf(old -> !old.isAlive());
            started.add(thread);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), threads);
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
    }

    /** Stops the running jobs (they are interrupted) and drops every job. */
    @Deactivate
    public void deactivate() {
        ThreadPoolExecutor pool = executor;
        executor = null;
        if (pool != null) {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("KPI report jobs did not stop within 10 seconds");
                }
                // a terminated pool's last worker may still be on its way out: the bundle leaves no thread behind
                for (Thread thread : started) {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                }
                started.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        jobs.clear();
    }

    /** Whether the pool is shut down (or was never started). */
    public boolean stopped() {
        ThreadPoolExecutor pool = executor;
        return pool == null || pool.isShutdown();
    }

    /** Whether the KPI engine is there to make reports with. */
    public boolean available() {
        return engine != null && !stopped();
    }

    /**
     * Starts a job for the user.
     *
     * @throws RefusedException when the user (or everyone together) has too many jobs
     * @throws IllegalStateException when the component is not active or there is no engine
     */
    public Job start(String owner, ReportOrder order) {
        ThreadPoolExecutor pool = executor;
        KpiEngine kpiEngine = engine;
        if (pool == null || pool.isShutdown() || kpiEngine == null) {
            throw new IllegalStateException("KPI reports are not available");
        }
        purge();
        Entry entry;
        synchronized (jobs) {
            long active = jobs.values().stream()
                    .filter(job -> job.owner.equals(owner) && !job.finished())
                    .count();
            if (active >= MAX_PER_USER) {
                throw new RefusedException(true);
            }
            if (jobs.size() >= MAX_KEPT) {
                throw new RefusedException(false);
            }
            entry = new Entry(UUID.randomUUID(), owner, order, fileName(order), clock.instant());
            jobs.put(entry.id, entry);
        }
        ReportBuilder builder = new ReportBuilder(kpiEngine, activities, organisation, clock);
        try {
            pool.execute(() -> run(entry, builder));
        } catch (RejectedExecutionException e) {
            jobs.remove(entry.id);
            throw new RefusedException(false);
        }
        return entry.snapshot();
    }

    /** The user's job; empty when there is none of this user with the id (another user's is not told apart). */
    public Optional<Job> find(String owner, UUID id) {
        purge();
        Entry entry = jobs.get(id);
        return entry == null || !entry.owner.equals(owner) ? Optional.empty() : Optional.of(entry.snapshot());
    }

    /** The user's job once it is finished, or as it is when the time is up. */
    public Optional<Job> await(String owner, UUID id, Duration time) {
        Entry entry = jobs.get(id);
        if (entry == null || !entry.owner.equals(owner)) {
            return Optional.empty();
        }
        try {
            entry.finished.get(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // as it is now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(entry.snapshot());
    }

    private void run(Entry entry, ReportBuilder builder) {
        entry.state = State.RUNNING;
        try {
            ReportOrder order = entry.order;
            Report report = builder.build(order, fraction -> entry.progress = fraction);
            byte[] file = order.format() == ReportFormat.PDF
                    ? ReportPdf.write(report, order.locale(), fraction -> entry.progress = 0.6 + 0.39 * fraction)
                    : ReportCsv.write(report, order.locale(), fraction -> entry.progress = 0.6 + 0.39 * fraction);
            entry.file = file;
            entry.progress = 1;
            entry.state = State.DONE;
        } catch (InvalidInputException e) {
            entry.fail(Messages.of(entry.order.locale()).get("report.failed.input"));
        } catch (RuntimeException | LinkageError e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("KPI report {} failed (incident {})", entry.id, incident, e);
            entry.fail(Messages.of(entry.order.locale()).get("report.failed", incident));
        } finally {
            entry.finishedAt = clock.instant();
            entry.finished.complete(null);
        }
    }

    /** Drops finished jobs kept longer than {@link #KEPT}, and the oldest finished ones beyond {@link #MAX_KEPT}. */
    private void purge() {
        Instant limit = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.finished() && job.finishedAt != null && job.finishedAt.isBefore(limit));
        if (jobs.size() >= MAX_KEPT) {
            List<Entry> finished = new ArrayList<>(
                    jobs.values().stream().filter(Entry::finished).toList());
            finished.sort(Comparator.comparing(job -> job.created));
            for (int i = 0; i < finished.size() && jobs.size() >= MAX_KEPT; i++) {
                jobs.remove(finished.get(i).id);
            }
        }
    }

    /** {@code kpi-rapport-tinten-ketenkpi-s-2026-01-01.pdf}: the set and the period's first day. */
    static String fileName(ReportOrder order) {
        String set = order.set().map(one -> one.id()).or(() -> order.library()).orElse("kpis");
        String slug = set.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "kpi-" + (Locale.ENGLISH.getLanguage().equals(order.locale().getLanguage()) ? "report" : "rapport") + "-"
                + slug + "-" + order.period().start() + "." + order.format().extension();
    }

    /** A job and what it has come to; its fields are written by its thread and read by requests. */
    private static final class Entry {
        final UUID id;
        final String owner;
        final ReportOrder order;
        final String fileName;
        final Instant created;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        volatile State state = State.QUEUED;
        volatile double progress;
        volatile byte[] file;
        volatile String failure;
        volatile Instant finishedAt;

        Entry(UUID id, String owner, ReportOrder order, String fileName, Instant created) {
            this.id = id;
            this.owner = owner;
            this.order = order;
            this.fileName = fileName;
            this.created = created;
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        void fail(String message) {
            failure = message;
            file = null;
            state = State.FAILED;
        }

        Job snapshot() {
            State now = state;
            return new Job(
                    id,
                    owner,
                    now,
                    now == State.DONE ? 1 : Math.min(0.99, progress),
                    order.format(),
                    fileName,
                    now == State.DONE ? Optional.ofNullable(file) : Optional.empty(),
                    now == State.FAILED ? Optional.ofNullable(failure) : Optional.empty(),
                    created);
        }
    }
}
