package nl.meerwaarde.importer.internal;

import nl.meerwaarde.api.importing.CsvKind;

/** The kinds of records a file holds, with their names in the JSON document. */
enum Kind {
    SIGNAL("signals"),
    ACTIVITY("activities"),
    PARTICIPATION("participations");

    final String arrayName;

    Kind(String arrayName) {
        this.arrayName = arrayName;
    }

    static Kind of(CsvKind kind) {
        return switch (kind) {
            case SIGNALS -> SIGNAL;
            case ACTIVITIES -> ACTIVITY;
            case PARTICIPATIONS -> PARTICIPATION;
        };
    }
}
