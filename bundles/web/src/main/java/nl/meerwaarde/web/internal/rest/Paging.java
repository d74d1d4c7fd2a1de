package nl.meerwaarde.web.internal.rest;

import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.web.FieldCodes;

/**
 * Which slice of a list a client asks for.
 *
 * @param offset how many entries to skip, at least 0
 * @param limit how many entries at most, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
 */
record Paging(int offset, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MIN_LIMIT = 1;
    static final int MAX_LIMIT = 200;

    /**
     * Reads the {@code offset} and {@code limit} query parameters (absent or blank: 0 and {@value #DEFAULT_LIMIT}).
     *
     * @throws InvalidInputException naming every invalid parameter
     */
    static Paging parse(String offset, String limit) {
        List<FieldError> errors = new ArrayList<>();
        int start = 0;
        int size = DEFAULT_LIMIT;
        if (offset != null && !offset.isBlank()) {
            try {
                start = Integer.parseInt(offset.trim());
                if (start < 0) {
                    errors.add(FieldError.of("offset", FieldCodes.MIN, 0));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("offset", FieldCodes.TYPE));
            }
        }
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < MIN_LIMIT || size > MAX_LIMIT) {
                    errors.add(FieldError.of("limit", FieldCodes.RANGE, MIN_LIMIT, MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("limit", FieldCodes.TYPE));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Paging(start, size);
    }
}
