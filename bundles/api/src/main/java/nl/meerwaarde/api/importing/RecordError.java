package nl.meerwaarde.api.importing;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in an import file.
 *
 * @param line the line of the file where the record starts (CSV: the physical line of its first field, the
 *     header being line 1; JSON: the line of its opening brace); the line where reading stopped for a syntax error;
 *     0 for the file as a whole
 * @param key the record's key in the file, when it was read; {@code null} otherwise
 * @param field where in the record: a path such as {@code activities[3].budget.hours} in JSON, a column name such
 *     as {@code budgetHours} in CSV; {@code null} for the file as a whole
 * @param code a message code, e.g. {@code field.required} or {@code resident.unknown} (listed in {@code
 *     docs/import.md}), with a Dutch and an English text in the web bundle's messages
 * @param arguments the {@link java.text.MessageFormat} arguments of the message, e.g. the allowed maximum
 */
public record RecordError(int line, String key, String field, String code, List<Object> arguments) {
    public RecordError {
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    public static RecordError of(int line, String key, String field, String code, Object... arguments) {
        return new RecordError(line, key, field, code, List.of(arguments));
    }
}
