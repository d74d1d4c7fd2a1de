package nl.meerwaarde.importer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.importing.RegistrationKeys;

/**
 * Reads the fields of one record (or of an object inside it) and reports every problem to the record's {@link
 * Where}: a missing required value, a value of the wrong type, out of range or too long, an unknown field. A
 * JSON {@code null} and an empty CSV cell are both "not given". Texts are trimmed; a blank text is not given.
 * Values that come as texts (CSV) are parsed: numbers, {@code true}/{@code false} (also {@code ja}/{@code nee}),
 * dates as {@code 2024-03-14} (also {@code 14-3-2024}).
 */
final class Fields {
    /** Longest id a host gives us (teams, funders, residents): the columns are sized to it. */
    static final int HOST_ID_LENGTH = 64;
    /** Longest code from an organisation's list (signal type, target group, dimension, instrument). */
    static final int CODE_LENGTH = 64;
    /** Longest name of a partner, a referrer or an other instrument. */
    static final int NAME_LENGTH = 200;
    /** Longest free text (a question, a goal, a quote). */
    static final int TEXT_LENGTH = 10_000;
    /** Most entries of a list such as target groups, goals or partners. */
    static final int MAX_ENTRIES = 20;
    /** Most quotes or referrals of one participant (the impact questionnaire's repeat limit). */
    static final int MAX_REPEATS = 100;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu", Locale.ROOT);

    private final JsonNode node;
    private final String path;
    private final Where where;

    Fields(JsonNode node, Where where) {
        this(node, "", where);
    }

    private Fields(JsonNode node, String path, Where where) {
        this.node = node;
        this.path = path;
        this.where = where;
    }

    Where where() {
        return where;
    }

    /** The path of a field of this object within the record. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void error(String name, String code, Object... arguments) {
        where.error(path(name), code, arguments);
    }

    /** Reports every field of this object that is not one of {@code names}; a field named like a BSN is forbidden. */
    void allow(Set<String> names) {
        Iterator<String> fieldNames = node.fieldNames();
        while (fieldNames.hasNext()) {
            String name = fieldNames.next();
            if (Bsn.looksLike(name)) {
                error(name, Codes.FORBIDDEN);
            } else if (!names.contains(name)) {
                error(name, Codes.UNKNOWN);
            }
        }
    }

    private Optional<JsonNode> value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    boolean has(String name) {
        return value(name).isPresent();
    }

    /** The record's key: a text of 1 to 100 characters without control characters. */
    Optional<String> key(String name, boolean required) {
        Optional<String> key = text(name, RegistrationKeys.MAX_KEY_LENGTH, true);
        if (key.isEmpty() && required && !wasInvalid(name)) {
            error(name, Codes.REQUIRED);
        }
        return key;
    }

    String required(String name, int maxLength) {
        Optional<String> text = text(name, maxLength);
        if (text.isEmpty() && !wasInvalid(name)) {
            error(name, Codes.REQUIRED);
        }
        return text.orElse(null);
    }

    /** Whether the field holds a value that is not blank text: then its error has been reported already. */
    private boolean wasInvalid(String name) {
        return value(name).filter(v -> !v.isTextual() || !v.asText().isBlank()).isPresent();
    }

    /**
     * A text of at most {@code maxLength} characters: a code or id (up to {@link #CODE_LENGTH}) without any control
     * character, a longer text without NUL and the C0 control characters other than tab, CR and LF.
     */
    Optional<String> text(String name, int maxLength) {
        return text(name, maxLength, maxLength <= CODE_LENGTH);
    }

    private Optional<String> text(String name, int maxLength, boolean noControlCharacters) {
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isTextual()) {
            error(name, Codes.TYPE);
            return Optional.empty();
        }
        return checkedText(path(name), value.get().asText(), maxLength, noControlCharacters);
    }

    private Optional<String> checkedText(String field, String value, int maxLength, boolean noControlCharacters) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.length() > maxLength) {
            where.error(field, Codes.LENGTH, maxLength);
            return Optional.empty();
        }
        if (noControlCharacters
                ? trimmed.chars().anyMatch(Character::isISOControl)
                : trimmed.chars().anyMatch(Fields::isForbiddenInText)) {
            where.error(field, Codes.INVALID);
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /**
     * Whether a character may not be in a free text: U+0000 (PostgreSQL cannot store it) and the other C0 control
     * characters, except tab, carriage return and line feed.
     */
    static boolean isForbiddenInText(int c) {
        return c < 0x20 && c != '\t' && c != '\r' && c != '\n';
    }

    /** Distinct codes or names, each required and at most {@code maxLength}; a repeated one is invalid. */
    Set<String> codes(String name, int maxLength, int maxEntries) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> values = texts(name, maxLength, maxEntries);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !codes.add(values.get(i))) {
                where.error(path(name) + "[" + i + "]", Codes.INVALID);
            }
        }
        return codes;
    }

    /** Texts in order (repeats allowed), each required and at most {@code maxLength}. */
    List<String> textList(String name, int maxLength, int maxEntries) {
        return texts(name, maxLength, maxEntries).stream()
                .filter(text -> text != null)
                .toList();
    }

    /** The entries of a list of texts; an invalid entry is reported and {@code null}. */
    private List<String> texts(String name, int maxLength, int maxEntries) {
        List<String> result = new ArrayList<>();
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return result;
        }
        if (!value.get().isArray()) {
            error(name, Codes.TYPE);
            return result;
        }
        if (value.get().size() > maxEntries) {
            error(name, Codes.COUNT, maxEntries);
            return result;
        }
        for (int i = 0; i < value.get().size(); i++) {
            JsonNode entry = value.get().get(i);
            String field = path(name) + "[" + i + "]";
            if (entry.isNull() || (entry.isTextual() && entry.asText().isBlank())) {
                where.error(field, Codes.REQUIRED);
                result.add(null);
            } else if (!entry.isTextual()) {
                where.error(field, Codes.TYPE);
                result.add(null);
            } else {
                result.add(checkedText(field, entry.asText(), maxLength, maxLength <= CODE_LENGTH)
                        .orElse(null));
            }
        }
        return result;
    }

    Optional<Integer> integer(String name, int min, int max) {
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = number(name, value.get());
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal n = number.get();
        if (n.stripTrailingZeros().scale() > 0) {
            error(name, Codes.TYPE);
            return Optional.empty();
        }
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, Codes.RANGE, min, max);
            return Optional.empty();
        }
        return Optional.of(n.intValueExact());
    }

    Optional<Integer> requiredInteger(String name, int min, int max) {
        if (!has(name)) {
            error(name, Codes.REQUIRED);
            return Optional.empty();
        }
        return integer(name, min, max);
    }

    /**
     * An amount of at least 0 and at most {@code max}, with at most two decimals, without trailing zeros ({@code
     * 12.50} is {@code 12.5}), as the store gives it back.
     */
    Optional<BigDecimal> amount(String name, BigDecimal max) {
        Optional<BigDecimal> number = value(name).flatMap(value -> number(name, value));
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal amount = number.get();
        if (amount.signum() < 0 || amount.compareTo(max) > 0) {
            error(name, Codes.RANGE, 0, max);
            return Optional.empty();
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            error(name, Codes.TYPE);
            return Optional.empty();
        }
        return Optional.of(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    private Optional<BigDecimal> number(String name, JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (where.texts() && value.isTextual()) {
            String text = value.asText().strip();
            if (where.decimalComma() && text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
                text = text.replace(',', '.');
            }
            if (text.matches("[+-]?\\d{1,12}(\\.\\d{1,12})?")) {
                return Optional.of(new BigDecimal(text));
            }
        }
        error(name, Codes.TYPE);
        return Optional.empty();
    }

    Optional<Boolean> bool(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isBoolean()) {
            return Optional.of(value.get().booleanValue());
        }
        if (where.texts() && value.get().isTextual()) {
            switch (value.get().asText().strip().toLowerCase(Locale.ROOT)) {
                case "true", "ja", "yes", "1":
                    return Optional.of(true);
                case "false", "nee", "no", "0":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        error(name, Codes.TYPE);
        return Optional.empty();
    }

    /** A date as {@code yyyy-MM-dd}; from a CSV file also as {@code d-M-yyyy}. */
    Optional<LocalDate> date(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isTextual()) {
            String text = value.get().asText().strip();
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException notIso) {
                if (where.texts()) {
                    try {
                        return Optional.of(LocalDate.parse(text, DUTCH_DATE));
                    } catch (DateTimeParseException notDutch) {
                        // reported below
                    }
                }
            }
        }
        error(name, Codes.TYPE);
        return Optional.empty();
    }

    /** One of the constants of an enum, by name (case does not matter). */
    <E extends Enum<E>> Optional<E> option(String name, Class<E> type) {
        Optional<String> text = text(name, CODE_LENGTH);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return Optional.of(constant);
            }
        }
        error(name, Codes.OPTION);
        return Optional.empty();
    }

    /** A nested object. */
    Optional<Fields> object(String name) {
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isObject()) {
            error(name, Codes.TYPE);
            return Optional.empty();
        }
        return Optional.of(new Fields(value.get(), path(name), where));
    }

    /** A list of nested objects; an entry that is not an object is reported and left out. */
    List<Fields> objects(String name, int maxEntries) {
        List<Fields> result = new ArrayList<>();
        Optional<JsonNode> value = value(name);
        if (value.isEmpty()) {
            return result;
        }
        if (!value.get().isArray()) {
            error(name, Codes.TYPE);
            return result;
        }
        if (value.get().size() > maxEntries) {
            error(name, Codes.COUNT, maxEntries);
            return result;
        }
        for (int i = 0; i < value.get().size(); i++) {
            JsonNode entry = value.get().get(i);
            String field = path(name) + "[" + i + "]";
            if (entry.isObject()) {
                result.add(new Fields(entry, field, where));
            } else {
                where.error(field, entry.isNull() ? Codes.REQUIRED : Codes.TYPE);
            }
        }
        return result;
    }
}
