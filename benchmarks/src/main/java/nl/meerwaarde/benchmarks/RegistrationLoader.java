package nl.meerwaarde.benchmarks;

import java.io.PrintStream;
import java.util.Objects;
import nl.meerwaarde.api.store.RegistrationBatch;

/**
 * Writes a generation through {@link RegistrationBatch#saveAll}: one transaction per {@link
 * RegistrationGenerator.Slice} (its activities, their participations and the signals of the same span), printing
 * progress and, at the end, the total time (generation included; the time spent saving is also given) and the records and rows per second.
 */
public final class RegistrationLoader {
    private final RegistrationBatch batch;
    private final PrintStream out;

    public RegistrationLoader(RegistrationBatch batch, PrintStream out) {
        this.batch = Objects.requireNonNull(batch, "batch");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** What one load wrote and how long it took. */
    public record LoadResult(
            String label, long activities, long participations, long signals, long rows, long millis, long saveMillis) {
        public long records() {
            return activities + participations + signals;
        }

        public double recordsPerSecond() {
            return millis == 0 ? records() : records() * 1000.0 / millis;
        }

        public double rowsPerSecond() {
            return millis == 0 ? rows : rows * 1000.0 / millis;
        }

        public String summary() {
            return String.format(
                    "%s: %,d activities, %,d participations, %,d signals (%,d rows) in %.1f s:"
                            + " %,.0f records/s, %,.0f rows/s (of which saving %.1f s, generating the rest)",
                    label,
                    activities,
                    participations,
                    signals,
                    rows,
                    millis / 1000.0,
                    recordsPerSecond(),
                    rowsPerSecond(),
                    saveMillis / 1000.0);
        }
    }

    /** Loads every slice of the generator, in order, one transaction each. */
    public LoadResult load(String label, RegistrationGenerator generator) {
        long activities = 0;
        long participations = 0;
        long signals = 0;
        long rows = 0;
        long saveNanos = 0;
        int slices = generator.sliceCount();
        long started = System.nanoTime();
        while (generator.hasNext()) {
            RegistrationGenerator.Slice slice = generator.next();
            long sliceStarted = System.nanoTime();
            batch.saveAll(slice.signals(), slice.activities(), slice.participations());
            long sliceNanos = System.nanoTime() - sliceStarted;
            saveNanos += sliceNanos;
            long sliceMillis = sliceNanos / 1_000_000;
            activities += slice.activities().size();
            participations += slice.participations().size();
            signals += slice.signals().size();
            rows += slice.rows();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            out.printf(
                    "%s: slice %d/%d saved in %,d ms; %,d activities, %,d participations, %,d signals so far,"
                            + " %.1f s, %,.0f records/s%n",
                    label,
                    slice.index() + 1,
                    slices,
                    sliceMillis,
                    activities,
                    participations,
                    signals,
                    elapsed / 1000.0,
                    elapsed == 0 ? 0.0 : (activities + participations + signals) * 1000.0 / elapsed);
        }
        LoadResult result = new LoadResult(
                label,
                activities,
                participations,
                signals,
                rows,
                (System.nanoTime() - started) / 1_000_000,
                saveNanos / 1_000_000);
        out.println(result.summary());
        return result;
    }
}
