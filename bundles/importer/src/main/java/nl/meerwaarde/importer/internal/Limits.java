package nl.meerwaarde.importer.internal;

/**
 * How much one file may hold.
 *
 * @param maxBytes the largest file read; a larger one is refused whole ({@code file.tooLarge})
 * @param maxRecords the most records (of all kinds together) in one file ({@code file.tooManyRecords})
 */
record Limits(long maxBytes, int maxRecords) {
    static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    static final int DEFAULT_MAX_RECORDS = 1_000_000;

    static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORDS);

    Limits {
        if (maxBytes < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
