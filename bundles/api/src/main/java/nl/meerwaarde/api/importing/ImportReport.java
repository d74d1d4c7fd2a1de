package nl.meerwaarde.api.importing;

import java.util.List;

/**
 * The outcome of importing one file.
 *
 * @param committed whether the file was written (false when there are errors, and for a dry run)
 * @param records the records read (signals, activities and participations together)
 * @param created records that did not exist and were (or, in a dry run, would be) created
 * @param updated records that existed with other values and were (or would be) replaced
 * @param unchanged records that existed with the same values and were left alone
 * @param errors the first {@link #MAX_ERRORS} errors, in the order found; when there are any nothing is written
 *     and the three counts are 0
 * @param errorCount how many errors were found in all; more than {@code errors.size()} when the list was cut
 */
public record ImportReport(
        boolean committed,
        int records,
        int created,
        int updated,
        int unchanged,
        List<RecordError> errors,
        int errorCount) {
    /** Most errors a report lists. */
    public static final int MAX_ERRORS = 1_000;

    public ImportReport {
        errors = List.copyOf(errors);
        if (errorCount < errors.size()) {
            throw new IllegalArgumentException("errorCount must be at least the number of errors listed");
        }
        if (committed && errorCount > 0) {
            throw new IllegalArgumentException("a file with errors is never committed");
        }
    }

    public boolean valid() {
        return errorCount == 0;
    }
}
