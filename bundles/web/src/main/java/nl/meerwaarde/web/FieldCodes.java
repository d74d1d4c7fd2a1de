package nl.meerwaarde.web;

/**
 * Message codes of {@code nl.meerwaarde.api.InvalidInputException.FieldError} that the web bundle turns into text in
 * the user's language. The arguments of a field error fill the placeholders named here, in order.
 */
public final class FieldCodes {
    /** The field must be filled in. No arguments. */
    public static final String REQUIRED = "field.required";

    /** The value must lie in a range. Arguments: the minimum, the maximum (both inclusive). */
    public static final String RANGE = "field.range";

    /** The value must be at least a minimum. Arguments: the minimum (inclusive). */
    public static final String MIN = "field.min";

    /** The value does not have the expected form (not a number, not a date...). No arguments. */
    public static final String TYPE = "field.type";

    /** The value is not one of the options offered. No arguments. */
    public static final String OPTION = "field.option";

    /** The text is too long. Arguments: the maximum number of characters. */
    public static final String LENGTH = "field.length";

    /** Shown for a code the web bundle does not know. No arguments. */
    public static final String INVALID = "field.invalid";

    private FieldCodes() {}
}
