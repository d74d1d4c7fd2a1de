package nl.meerwaarde.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown by every boundary (REST, forms, imports, connectors) when input is invalid; nothing has been stored.
 * Carries field-level errors as message codes so that each user interface shows them in its own language; the
 * exception message itself is English, for logs.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "Invalid input: "
                + errors.stream().map(e -> e.field() + " " + e.code()).collect(Collectors.joining(", "));
    }

    /**
     * One invalid field.
     *
     * @param field the field's path in the input, e.g. {@code goals[1].description}
     * @param code the message code, a key in the web bundle's messages, e.g. {@code field.required}
     * @param arguments {@link java.text.MessageFormat} arguments of the message, e.g. the allowed maximum
     */
    public record FieldError(String field, String code, List<Object> arguments) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            arguments = List.copyOf(arguments);
        }

        public static FieldError of(String field, String code, Object... arguments) {
            return new FieldError(field, code, List.of(arguments));
        }
    }
}
