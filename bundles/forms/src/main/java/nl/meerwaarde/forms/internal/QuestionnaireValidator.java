package nl.meerwaarde.forms.internal;

import static nl.meerwaarde.forms.MessageCodes.FIELD_COUNT;
import static nl.meerwaarde.forms.MessageCodes.FIELD_DISABLED;
import static nl.meerwaarde.forms.MessageCodes.FIELD_INVALID;
import static nl.meerwaarde.forms.MessageCodes.FIELD_LENGTH;
import static nl.meerwaarde.forms.MessageCodes.FIELD_MAX;
import static nl.meerwaarde.forms.MessageCodes.FIELD_MIN;
import static nl.meerwaarde.forms.MessageCodes.FIELD_OPTION;
import static nl.meerwaarde.forms.MessageCodes.FIELD_RANGE;
import static nl.meerwaarde.forms.MessageCodes.FIELD_REPEATS;
import static nl.meerwaarde.forms.MessageCodes.FIELD_REQUIRED;
import static nl.meerwaarde.forms.MessageCodes.FIELD_TYPE;
import static nl.meerwaarde.forms.MessageCodes.FIELD_UNKNOWN;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.forms.QuestionnaireParser;
import nl.meerwaarde.forms.ResponseValidator;
import org.osgi.service.component.annotations.Component;

/**
 * The validation engine: resolves every answer path against the definition, checks each value, then walks the
 * definition in document order to decide which items are enabled, which are required and which answers are
 * given to disabled items.
 */
@Component(service = ResponseValidator.class)
public final class QuestionnaireValidator implements ResponseValidator {
    private static final Pattern SEGMENT =
            Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,63})(?:\\[(0|[1-9][0-9]{0,8})\\])?");
    private static final int MAX_PATH_LENGTH = 1_000;
    private static final int MAX_FIELD_LENGTH = 200;

    @Override
    public List<FieldError> validate(Questionnaire questionnaire, List<Answer> answers) {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(answers, "answers");
        return new Run(questionnaire).validate(answers);
    }

    @Override
    public List<Answer> fromJson(Questionnaire questionnaire, List<Answer> answers) {
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(answers, "answers");
        // Only for resolving answer paths: what it finds wrong is validate's to report.
        Run paths = new Run(questionnaire);
        return answers.stream().map(paths::fromJson).toList();
    }

    /** An answer whose path resolved to a question; {@code values} holds the canonical valid values. */
    private record Given(Item item, List<Object> values) {}

    /** Where an item sits in the definition: its enclosing groups, outermost first. */
    private record Placement(Item item, List<Item> groups) {}

    private static final class Run {
        private final Questionnaire questionnaire;
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Given> given = new LinkedHashMap<>();
        private final Set<String> presentGroups = new HashSet<>();
        private final Map<String, SortedSet<Integer>> groupInstances = new HashMap<>();
        private final Map<String, Boolean> enabled = new HashMap<>();
        private final Map<String, Placement> placements = new HashMap<>();

        Run(Questionnaire questionnaire) {
            this.questionnaire = questionnaire;
            place(questionnaire.items(), List.of());
        }

        private void place(List<Item> items, List<Item> groups) {
            for (Item item : items) {
                placements.putIfAbsent(item.linkId(), new Placement(item, groups));
                if (item.type() == ItemType.GROUP) {
                    List<Item> inner = new ArrayList<>(groups);
                    inner.add(item);
                    place(item.items(), List.copyOf(inner));
                }
            }
        }

        List<FieldError> validate(List<Answer> answers) {
            for (Answer answer : answers) {
                if (full()) {
                    return errors;
                }
                accept(answer);
            }
            visit(questionnaire.items(), "", Map.of(), true, true);
            return errors;
        }

        private boolean full() {
            return errors.size() >= MAX_ERRORS;
        }

        private void error(String field, String code, Object... arguments) {
            if (!full()) {
                String shown = field.length() > MAX_FIELD_LENGTH ? field.substring(0, MAX_FIELD_LENGTH) + "…" : field;
                errors.add(FieldError.of(shown, code, arguments));
            }
        }

        /** The answer with the codes of a choice as {@link Coding}s. */
        Answer fromJson(Answer answer) {
            Item item = resolve(answer.linkId());
            if (item == null || (item.type() != ItemType.CHOICE && item.type() != ItemType.DATE)) {
                return answer;
            }
            List<Object> values = new ArrayList<>();
            for (Object value : answer.values()) {
                values.add(item.type() == ItemType.CHOICE ? coding(value) : date(value));
            }
            return new Answer(answer.linkId(), values);
        }

        private static Object coding(Object value) {
            return value instanceof String code && !code.isBlank() ? new Coding(code) : value;
        }

        /** A date as JSON writes it; kept as a date, not text, so that erasing free text leaves it. */
        private static Object date(Object value) {
            if (value instanceof String text) {
                try {
                    return LocalDate.parse(text);
                } catch (java.time.format.DateTimeParseException notADate) {
                    return value;
                }
            }
            return value;
        }

        // ---- step 1: every answer on its own

        private void accept(Answer answer) {
            String path = answer.linkId();
            Item item = resolve(path);
            if (item == null) {
                return;
            }
            if (given.containsKey(path)) {
                error(path, FIELD_INVALID);
                return;
            }
            List<Object> values = answer.values();
            if (values.isEmpty()) {
                return;
            }
            List<Object> canonical = new ArrayList<>();
            boolean valid = true;
            if (!item.repeats() && values.size() > 1) {
                error(path, FIELD_REPEATS);
                valid = false;
            } else if (values.size() > MAX_REPEATS) {
                error(path, FIELD_COUNT, MAX_REPEATS);
                valid = false;
            } else {
                for (Object value : values) {
                    Object checked = check(item, value, path);
                    if (checked == null) {
                        valid = false;
                        break;
                    }
                    if (item.type() == ItemType.CHOICE && canonical.contains(checked)) {
                        error(path, FIELD_INVALID);
                        valid = false;
                        break;
                    }
                    canonical.add(checked);
                }
            }
            given.put(path, new Given(item, valid ? List.copyOf(canonical) : List.of()));
            markGroupsPresent(path);
        }

        /** The question at this answer path, or null after reporting why there is none. */
        private Item resolve(String path) {
            if (path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
                error(path, FIELD_UNKNOWN);
                return null;
            }
            String[] segments = path.split("\\.", -1);
            if (segments.length > QuestionnaireParser.MAX_DEPTH) {
                error(path, FIELD_UNKNOWN);
                return null;
            }
            List<Item> level = questionnaire.items();
            for (int i = 0; i < segments.length; i++) {
                Matcher m = SEGMENT.matcher(segments[i]);
                if (!m.matches()) {
                    error(path, FIELD_UNKNOWN);
                    return null;
                }
                Item item = find(level, m.group(1));
                boolean last = i == segments.length - 1;
                String index = m.group(2);
                if (item == null || item.type() == ItemType.DISPLAY) {
                    error(path, FIELD_UNKNOWN);
                    return null;
                }
                if (last) {
                    if (item.type() == ItemType.GROUP || index != null) {
                        error(path, FIELD_UNKNOWN);
                        return null;
                    }
                    return item;
                }
                if (item.type() != ItemType.GROUP || item.repeats() != (index != null)) {
                    error(path, FIELD_UNKNOWN);
                    return null;
                }
                if (index != null && Integer.parseInt(index) >= MAX_REPEATS) {
                    error(path, FIELD_COUNT, MAX_REPEATS);
                    return null;
                }
                level = item.items();
            }
            return null;
        }

        private static Item find(List<Item> items, String linkId) {
            for (Item item : items) {
                if (item.linkId().equals(linkId)) {
                    return item;
                }
            }
            return null;
        }

        private void markGroupsPresent(String path) {
            int dot = path.indexOf('.');
            while (dot >= 0) {
                String group = path.substring(0, dot);
                presentGroups.add(group);
                if (group.endsWith("]")) {
                    int open = group.lastIndexOf('[');
                    groupInstances
                            .computeIfAbsent(group.substring(0, open), g -> new TreeSet<>())
                            .add(Integer.parseInt(group.substring(open + 1, group.length() - 1)));
                }
                dot = path.indexOf('.', dot + 1);
            }
        }

        /** The value in canonical form (Boolean, BigDecimal, LocalDate, String, Coding), or null after an error. */
        private Object check(Item item, Object value, String path) {
            switch (item.type()) {
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    break;
                case INTEGER: {
                    BigDecimal number = number(value);
                    if (number != null && number.scale() <= 0) {
                        return inRange(item, number, path);
                    }
                    break;
                }
                case DECIMAL: {
                    BigDecimal number = number(value);
                    if (number != null) {
                        return inRange(item, number, path);
                    }
                    break;
                }
                case DATE:
                    if (value instanceof LocalDate) {
                        return value;
                    }
                    if (value instanceof String text && JsonQuestionnaireParser.isDate(text)) {
                        return LocalDate.parse(text);
                    }
                    break;
                case STRING:
                case TEXT:
                    if (value instanceof String text) {
                        return text(item, text, path);
                    }
                    break;
                case CHOICE:
                    if (value instanceof Coding coding) {
                        for (AnswerOption option : item.options()) {
                            if (option.code().equals(coding.code())) {
                                return coding;
                            }
                        }
                        error(path, FIELD_OPTION);
                        return null;
                    }
                    break;
                default:
                    break;
            }
            error(path, FIELD_TYPE);
            return null;
        }

        private static BigDecimal number(Object value) {
            if (value instanceof BigDecimal d) {
                return JsonQuestionnaireParser.normalise(d);
            }
            if (value instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d)
                        ? JsonQuestionnaireParser.normalise(new BigDecimal(Double.toString(d)))
                        : null;
            }
            return null;
        }

        private Object inRange(Item item, BigDecimal number, String path) {
            boolean low = item.min().isPresent() && number.compareTo(item.min().get()) < 0;
            boolean high = item.max().isPresent() && number.compareTo(item.max().get()) > 0;
            if (!low && !high) {
                return number;
            }
            if (item.min().isPresent() && item.max().isPresent()) {
                error(path, FIELD_RANGE, item.min().get(), item.max().get());
            } else if (low) {
                error(path, FIELD_MIN, item.min().get());
            } else {
                error(path, FIELD_MAX, item.max().get());
            }
            return null;
        }

        private Object text(Item item, String text, String path) {
            int limit = item.type() == ItemType.TEXT ? TEXT_MAX_LENGTH : STRING_MAX_LENGTH;
            if (text.length() > limit) {
                error(path, FIELD_LENGTH, limit);
                return null;
            }
            if (text.isBlank()) {
                error(path, FIELD_INVALID);
                return null;
            }
            return text;
        }

        // ---- step 2: the definition in document order

        /**
         * @param indexes the instance index of every enclosing repeating group, by linkId
         * @param parentEnabled whether the enclosing group instance is enabled
         * @param active whether required items here must be answered: at the top, inside a group instance that
         *     has answers, or inside an enabled required group
         */
        private void visit(
                List<Item> items, String prefix, Map<String, Integer> indexes, boolean parentEnabled, boolean active) {
            for (Item item : items) {
                boolean on = parentEnabled && conditionsHold(item, indexes);
                String path = prefix + item.linkId();
                switch (item.type()) {
                    case DISPLAY:
                        break;
                    case GROUP:
                        if (item.repeats()) {
                            SortedSet<Integer> instances = groupInstances.getOrDefault(path, new TreeSet<>());
                            if (instances.isEmpty() && on && active && item.required()) {
                                error(path, FIELD_REQUIRED);
                            }
                            for (int index : instances) {
                                Map<String, Integer> inner = new HashMap<>(indexes);
                                inner.put(item.linkId(), index);
                                visit(item.items(), path + "[" + index + "].", inner, on, true);
                            }
                        } else {
                            boolean present = presentGroups.contains(path);
                            boolean mustAnswer = on && active && item.required();
                            int before = errors.size();
                            visit(item.items(), path + ".", indexes, on, present || mustAnswer);
                            if (mustAnswer && !present && errors.size() == before) {
                                error(path, FIELD_REQUIRED);
                            }
                        }
                        break;
                    default:
                        enabled.put(path, on);
                        Given answer = given.get(path);
                        if (answer != null) {
                            if (!on) {
                                error(path, FIELD_DISABLED);
                            }
                        } else if (on && active && item.required()) {
                            error(path, FIELD_REQUIRED);
                        }
                        break;
                }
            }
        }

        private boolean conditionsHold(Item item, Map<String, Integer> indexes) {
            for (EnableWhen condition : item.enableWhen()) {
                if (!holds(condition, indexes)) {
                    return false;
                }
            }
            return true;
        }

        private boolean holds(EnableWhen condition, Map<String, Integer> indexes) {
            Placement target = placements.get(condition.question());
            if (target == null) {
                return false;
            }
            StringBuilder path = new StringBuilder();
            for (Item group : target.groups()) {
                path.append(group.linkId());
                if (group.repeats()) {
                    Integer index = indexes.get(group.linkId());
                    if (index == null) {
                        return false;
                    }
                    path.append('[').append(index).append(']');
                }
                path.append('.');
            }
            path.append(target.item().linkId());
            String targetPath = path.toString();
            List<Object> values = List.of();
            if (Boolean.TRUE.equals(enabled.get(targetPath)) && given.containsKey(targetPath)) {
                values = given.get(targetPath).values();
            }
            ItemType type = target.item().type();
            switch (condition.operator()) {
                case EXISTS:
                    return !values.isEmpty() == Boolean.parseBoolean(condition.answer());
                case EQUALS:
                    return values.stream().anyMatch(v -> matches(type, v, condition.answer()));
                case NOT_EQUALS:
                    return values.stream().noneMatch(v -> matches(type, v, condition.answer()));
                default:
                    return false;
            }
        }

        private static boolean matches(ItemType type, Object value, String answer) {
            if (answer == null) {
                return false;
            }
            if (type == ItemType.INTEGER || type == ItemType.DECIMAL) {
                try {
                    return ((BigDecimal) value).compareTo(new BigDecimal(answer)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (value instanceof Coding coding) {
                return coding.code().equals(answer);
            }
            return value.toString().equals(answer);
        }
    }
}
