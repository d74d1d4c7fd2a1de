package nl.meerwaarde.importer.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** English texts of the import's message codes, for the shell command (the screens and REST use the web bundle's). */
final class Messages {
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry(Codes.REQUIRED, "required"),
            Map.entry(Codes.RANGE, "must be from {0} to {1}"),
            Map.entry(Codes.MAX, "must be at most {0}"),
            Map.entry(Codes.TYPE, "has the wrong form (type, number of decimals or date)"),
            Map.entry(Codes.OPTION, "is not one of the allowed values"),
            Map.entry(Codes.LENGTH, "is longer than {0} characters"),
            Map.entry(Codes.INVALID, "is not valid (control characters, or a value repeated)"),
            Map.entry(Codes.COUNT, "has more than {0} entries"),
            Map.entry(Codes.UNKNOWN, "is not a field of this record"),
            Map.entry(
                    Codes.DISABLED,
                    "does not apply here (gradeExplanation needs a grade, otherName the instrument anders)"),
            Map.entry(Codes.FORBIDDEN, "may hold a citizen service number (BSN), which is never imported"),
            Map.entry(Codes.TEAM_UNKNOWN, "no team of the organisation has this id"),
            Map.entry(Codes.TEAM_NOT_MEMBER, "belongs to a team this import may not change"),
            Map.entry(Codes.RESIDENT_UNKNOWN, "the host does not know this resident"),
            Map.entry(Codes.ACTIVITY_UNKNOWN, "no activity with this key in the file or imported before"),
            Map.entry(Codes.PARTICIPANT_EXISTS, "this resident takes part in this activity already"),
            Map.entry(Codes.KEY_DUPLICATE, "the key is used before, on line {0}"),
            Map.entry(Codes.FILE_SYNTAX, "not well-formed at line {0}, column {1}: {2}"),
            Map.entry(Codes.FILE_ENCODING, "the file is not UTF-8"),
            Map.entry(Codes.FILE_TOO_LARGE, "the file is larger than {0} bytes"),
            Map.entry(Codes.FILE_TOO_MANY_RECORDS, "the file holds more than {0} records"),
            Map.entry(Codes.FILE_BUSY, "another file is being imported; try again in a few minutes"),
            Map.entry(
                    Codes.RECORD_ERASED,
                    "this record was erased at the resident's request (GDPR) and is not imported again"),
            Map.entry(
                    Codes.RECORD_OTHER_TEAM,
                    "a record of another team ({0}) was imported under this key before; an import does not move"
                            + " records to another team"),
            Map.entry(Codes.FILE_HEADER, "the first row must name the columns"),
            Map.entry(Codes.CSV_COLUMNS, "the header names {0} columns but this row has {1} values"));

    private Messages() {}

    static String english(String code, List<Object> arguments) {
        String pattern = ENGLISH.get(code);
        if (pattern == null) {
            return code + " " + arguments;
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ENGLISH).format(arguments.toArray());
    }
}
