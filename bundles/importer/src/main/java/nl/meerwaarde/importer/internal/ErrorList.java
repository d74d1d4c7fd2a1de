package nl.meerwaarde.importer.internal;

import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RecordError;

/** The errors of one file: every one is counted, the first {@link ImportReport#MAX_ERRORS} are kept. */
final class ErrorList {
    private final List<RecordError> kept = new ArrayList<>();
    private int count;

    void add(RecordError error) {
        count++;
        if (kept.size() < ImportReport.MAX_ERRORS) {
            kept.add(error);
        }
    }

    void add(int line, String key, String field, String code, Object... arguments) {
        add(RecordError.of(line, key, field, code, arguments));
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<RecordError> kept() {
        return List.copyOf(kept);
    }
}
