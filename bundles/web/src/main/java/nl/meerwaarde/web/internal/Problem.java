package nl.meerwaarde.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem details object, as every error answer of this bundle carries it ({@code
 * application/problem+json}). Empty members are left out.
 *
 * @param type a URI identifying the problem type; {@code about:blank} when the status says it all
 * @param title short summary in the user's language
 * @param status the HTTP status code
 * @param detail explanation of this occurrence in the user's language, or {@code null}
 * @param instance URI of this occurrence, or {@code null}
 * @param incident id under which an unexpected error was logged, or {@code null}
 * @param errors the invalid fields, or {@code null} when the problem is not about input
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String incident,
        List<FieldProblem> errors) {

    /** Type of problems that only the status code describes (RFC 9457, section 4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";

    /** Type of a request rejected because of invalid input; {@link #errors} names the fields. */
    public static final String INVALID_INPUT = "tag:meerwaarde.nl,2026:problem:invalid-input";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** A problem of type {@code about:blank}: the status and its title say it all. */
    public static Problem ofStatus(int status, Messages messages) {
        return new Problem(ABOUT_BLANK, statusTitle(status, messages), status, null, null, null, null);
    }

    /**
     * A problem for an unexpected error: status 500, a detail that names the incident, and the incident id both as
     * member {@code incident} and as the occurrence's URI ({@code urn:uuid:...}).
     */
    public static Problem unexpected(String incident, Messages messages) {
        return new Problem(
                ABOUT_BLANK,
                statusTitle(500, messages),
                500,
                messages.get("problem.unexpected.detail", incident),
                "urn:uuid:" + incident,
                incident,
                null);
    }

    public Problem withDetail(String newDetail) {
        return new Problem(type, title, status, newDetail, instance, incident, errors);
    }

    /** The localised title of an HTTP status, e.g. "Niet gevonden" for 404. */
    public static String statusTitle(int status, Messages messages) {
        return messages.find("status." + status).orElseGet(() -> messages.get("status.other", String.valueOf(status)));
    }

    /** This problem as JSON text. */
    public String toJson(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            // only plain strings, numbers and lists of them: writing them cannot fail
            throw new IllegalStateException("Cannot write problem details as JSON", e);
        }
    }

    /**
     * One invalid field.
     *
     * @param field the field's path in the input, e.g. {@code limit}
     * @param code the message code, e.g. {@code field.range}
     * @param message the message in the user's language
     */
    public record FieldProblem(String field, String code, String message) {
        public FieldProblem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
