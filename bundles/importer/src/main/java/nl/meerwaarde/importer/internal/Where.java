package nl.meerwaarde.importer.internal;

import java.util.function.UnaryOperator;

/**
 * Where a record comes from, for its errors: the line it starts on, its key once read, and how a field path within
 * the record (e.g. {@code budget.hours}, {@code goals[1].description}) is named in the file: a JSON path, or a CSV
 * column.
 *
 * @param texts whether values come as texts to be parsed (CSV) rather than typed JSON values
 * @param decimalComma whether a decimal comma is accepted (semicolon-separated CSV, as Dutch spreadsheets write)
 */
record Where(
        int line, String key, UnaryOperator<String> fieldName, ErrorList errors, boolean texts, boolean decimalComma) {
    Where withKey(String key) {
        return new Where(line, key, fieldName, errors, texts, decimalComma);
    }

    void error(String field, String code, Object... arguments) {
        errors.add(line, key, fieldName.apply(field), code, arguments);
    }

    /** The name of the field at this path, as the file names it. */
    String name(String field) {
        return fieldName.apply(field);
    }
}
