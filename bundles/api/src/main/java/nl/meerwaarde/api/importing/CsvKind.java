package nl.meerwaarde.api.importing;

/** The kind of records a CSV file holds: one kind per file. */
public enum CsvKind {
    SIGNALS,
    ACTIVITIES,
    PARTICIPATIONS
}
