package nl.meerwaarde.importer.internal;

/**
 * The message codes of import errors. The {@code field.*} codes, {@code body.unknownField}, {@code
 * team.notMember}, {@code resident.unknown}, {@code activity.unknown} and {@code participant.exists} are those of
 * the REST API and the forms bundle; the others are new with the import (listed in {@code docs/import.md}).
 */
final class Codes {
    static final String REQUIRED = "field.required";
    /** Arguments: minimum, maximum. */
    static final String RANGE = "field.range";
    /** Arguments: the maximum. */
    static final String MAX = "field.max";

    static final String TYPE = "field.type";
    static final String OPTION = "field.option";
    /** Arguments: the maximum length. */
    static final String LENGTH = "field.length";

    static final String INVALID = "field.invalid";
    /** Arguments: the most entries. */
    static final String COUNT = "field.count";

    /** A field (or CSV column) the record does not have: the REST API's code for an unknown property. */
    static final String UNKNOWN = "body.unknownField";

    static final String DISABLED = "field.disabled";

    /** A field that may hold a citizen service number (BSN): never accepted. */
    static final String FORBIDDEN = "field.forbidden";
    /** The organisation has no team with this id. */
    static final String TEAM_UNKNOWN = "team.unknown";
    /** The team is not one of the teams this import may change. */
    static final String TEAM_NOT_MEMBER = "team.notMember";

    static final String RESIDENT_UNKNOWN = "resident.unknown";
    static final String ACTIVITY_UNKNOWN = "activity.unknown";
    static final String PARTICIPANT_EXISTS = "participant.exists";
    /** Arguments: the line of the record that has the key already. */
    static final String KEY_DUPLICATE = "key.duplicate";
    /**
     * Arguments: line, column, a fixed English description of the kind of error (never a part of the file: it may
     * hold personal data).
     */
    static final String FILE_SYNTAX = "file.syntax";
    /** The file is not UTF-8. Arguments: none. */
    static final String FILE_ENCODING = "file.encoding";
    /** Arguments: the most bytes. */
    static final String FILE_TOO_LARGE = "file.tooLarge";
    /** Arguments: the most records. */
    static final String FILE_TOO_MANY_RECORDS = "file.tooManyRecords";
    /** Another file is being imported at the moment (one at a time); the file was not read. Arguments: none. */
    static final String FILE_BUSY = "file.busy";
    /**
     * The record belonged to a resident whose personal data was erased at his or her request (AVG): it is never
     * imported again. Arguments: none.
     */
    static final String RECORD_ERASED = "record.erased";
    /**
     * A record imported before under this key belongs to another team than the file says: an import never moves a
     * record to another team. Arguments: the team it belongs to (host id).
     */
    static final String RECORD_OTHER_TEAM = "record.otherTeam";
    /** The first row of a CSV file names no known column. */
    static final String FILE_HEADER = "file.header";
    /** Arguments: the number of columns of the header, the number of values of the row. */
    static final String CSV_COLUMNS = "csv.columns";

    private Codes() {}
}
