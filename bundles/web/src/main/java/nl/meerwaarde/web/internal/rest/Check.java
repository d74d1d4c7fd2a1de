package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.web.FieldCodes;

/**
 * Collects the field errors of one request body, so that every problem is reported at once; {@link #done()} throws
 * when there is any (nothing has been stored by then).
 */
final class Check {
    /** Longest id a host gives us (residents, teams, funders): the columns are sized to it. */
    static final int HOST_ID_LENGTH = 64;

    /** Longest code from an organisation's list (signal type, target group). */
    static final int CODE_LENGTH = 64;

    /** Longest free text accepted by the API (a question, a goal, a reason). */
    static final int TEXT_LENGTH = 10_000;

    /** Most entries of a list such as target groups or goals. */
    static final int MAX_ENTRIES = 20;

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String code, Object... arguments) {
        errors.add(FieldError.of(field, code, arguments));
    }

    void add(FieldError error) {
        errors.add(error);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A required text, trimmed; adds an error and answers {@code null} when it is missing, blank or too long. */
    String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, FieldCodes.REQUIRED);
            return null;
        }
        return text(field, value, maxLength).orElse(null);
    }

    /** An optional text, trimmed (blank is none); adds an error when it is too long or holds control characters. */
    Optional<String> optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return text(field, value, maxLength);
    }

    private Optional<String> text(String field, String value, int maxLength) {
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            add(field, FieldCodes.LENGTH, maxLength);
            return Optional.empty();
        }
        if (maxLength <= CODE_LENGTH && trimmed.chars().anyMatch(Character::isISOControl)) {
            add(field, FieldCodes.INVALID);
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /** A set of codes (each required, at most {@code maxLength}); duplicates are an error. */
    Set<String> codes(String field, List<String> values, int maxLength, boolean required) {
        Set<String> result = new LinkedHashSet<>();
        if (values == null || values.isEmpty()) {
            if (required) {
                add(field, FieldCodes.REQUIRED);
            }
            return result;
        }
        if (values.size() > MAX_ENTRIES) {
            add(field, "field.count", MAX_ENTRIES);
            return result;
        }
        for (int i = 0; i < values.size(); i++) {
            String code = required(field + "[" + i + "]", values.get(i), maxLength);
            if (code != null && !result.add(code)) {
                add(field + "[" + i + "]", FieldCodes.INVALID);
            }
        }
        return result;
    }

    /** An optional amount of at least 0 and at most {@code max}, with at most two decimals. */
    Optional<BigDecimal> amount(String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            add(field, FieldCodes.RANGE, 0, max);
            return Optional.empty();
        }
        if (value.stripTrailingZeros().scale() > 2) {
            add(field, FieldCodes.TYPE);
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
