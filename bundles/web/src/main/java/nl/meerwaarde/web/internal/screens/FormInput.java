package nl.meerwaarde.web.internal.screens;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.web.FieldCodes;

/**
 * Turns the text of a form field into the number or date a request body holds; what cannot be read is a {@code
 * field.type} error on the body's field (added to {@code errors}) and {@code null}, so the shared checks report it
 * with every other error.
 */
final class FormInput {
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");

    private FormInput() {}

    /** A decimal such as 12,5 or 12.5; blank is {@code null}. */
    static BigDecimal decimal(Form form, String name, String field, List<FieldError> errors) {
        String text = form.text(name);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException unreadable) {
            errors.add(FieldError.of(field, FieldCodes.TYPE));
            return null;
        }
    }

    /** A whole number; blank is {@code null}. */
    static Integer integer(Form form, String name, String field, List<FieldError> errors) {
        String text = form.text(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException unreadable) {
            errors.add(FieldError.of(field, FieldCodes.TYPE));
            return null;
        }
    }

    /** A date as 2026-04-01 or 1-4-2026; blank is {@code null}. */
    static LocalDate date(Form form, String name, String field, List<FieldError> errors) {
        String text = form.text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(text.strip(), DUTCH_DATE);
            } catch (DateTimeParseException unreadable) {
                errors.add(FieldError.of(field, FieldCodes.TYPE));
                return null;
            }
        }
    }
}
