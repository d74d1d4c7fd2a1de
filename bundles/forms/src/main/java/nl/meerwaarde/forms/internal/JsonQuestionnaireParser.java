package nl.meerwaarde.forms.internal;

import static nl.meerwaarde.forms.MessageCodes.DEFINITION_DEPTH;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_DUPLICATE_LINK_ID;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_DUPLICATE_OPTION;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_EMPTY_GROUP;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_ENABLE_WHEN_ANSWER;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_ENABLE_WHEN_ORDER;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_ENABLE_WHEN_SCOPE;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_ENABLE_WHEN_UNKNOWN;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_JSON;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_MIN_MAX;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_NOT_ALLOWED;
import static nl.meerwaarde.forms.MessageCodes.DEFINITION_NO_OPTIONS;
import static nl.meerwaarde.forms.MessageCodes.FIELD_INVALID;
import static nl.meerwaarde.forms.MessageCodes.FIELD_LENGTH;
import static nl.meerwaarde.forms.MessageCodes.FIELD_OPTION;
import static nl.meerwaarde.forms.MessageCodes.FIELD_REPEATS;
import static nl.meerwaarde.forms.MessageCodes.FIELD_REQUIRED;
import static nl.meerwaarde.forms.MessageCodes.FIELD_TYPE;
import static nl.meerwaarde.forms.MessageCodes.FIELD_UNKNOWN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.forms.QuestionnaireParser;
import org.osgi.service.component.annotations.Component;

/**
 * Reads the FHIR R4-shaped JSON definition format (see the bundle's README) and checks every rule of it,
 * collecting all problems before it throws.
 */
@Component(service = QuestionnaireParser.class)
public final class JsonQuestionnaireParser implements QuestionnaireParser {
    static final String MIN_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    /** linkIds are path segments of answer paths: no '.', '[' or ']'. */
    static final Pattern LINK_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int MAX_TITLE_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 2_000;

    private static final Set<String> TOP_LEVEL_PROPERTIES = Set.of(
            "resourceType",
            "id",
            "version",
            "title",
            "status",
            "description",
            "url",
            "name",
            "publisher",
            "date",
            "meta",
            "text",
            "language",
            "purpose",
            "copyright",
            "experimental",
            "subjectType",
            "item");
    private static final Set<String> ITEM_PROPERTIES = Set.of(
            "linkId",
            "type",
            "text",
            "prefix",
            "code",
            "definition",
            "required",
            "repeats",
            "answerOption",
            "enableWhen",
            "enableBehavior",
            "extension",
            "item");
    private static final Set<String> STATUSES = Set.of("draft", "active", "retired", "unknown");
    private static final Map<String, ItemType> TYPES = new LinkedHashMap<>();
    private static final String TYPE_CODES;
    private static final Map<String, EnableWhen.Operator> OPERATORS = Map.of(
            "exists",
            EnableWhen.Operator.EXISTS,
            "=",
            EnableWhen.Operator.EQUALS,
            "!=",
            EnableWhen.Operator.NOT_EQUALS);
    private static final List<String> ANSWER_PROPERTIES =
            List.of("answerBoolean", "answerCoding", "answerString", "answerInteger", "answerDecimal", "answerDate");

    static {
        for (ItemType type : ItemType.values()) {
            TYPES.put(type.name().toLowerCase(Locale.ROOT), type);
        }
        TYPE_CODES = String.join(", ", TYPES.keySet());
    }

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public Questionnaire parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException(FieldError.of("$", FIELD_REQUIRED));
        }
        if (json.length() > MAX_DEFINITION_LENGTH) {
            throw new InvalidInputException(FieldError.of("$", FIELD_LENGTH, MAX_DEFINITION_LENGTH));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(FieldError.of("$", DEFINITION_JSON, location(e)));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(FieldError.of("$", FIELD_TYPE));
        }
        return new Reader().read(root);
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "?";
        }
        return "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /** One item while it is being read; turned into an {@link Item} once the whole definition is sound. */
    private static final class Draft {
        final String path;
        final Draft parent;
        final int order;
        String linkId;
        ItemType type;
        String text = "";
        boolean required;
        boolean repeats;
        final List<AnswerOption> options = new ArrayList<>();
        Optional<BigDecimal> min = Optional.empty();
        Optional<BigDecimal> max = Optional.empty();
        final List<Condition> conditions = new ArrayList<>();
        final List<Draft> children = new ArrayList<>();

        Draft(String path, Draft parent, int order) {
            this.path = path;
            this.parent = parent;
            this.order = order;
        }

        boolean encloses(Draft other) {
            for (Draft d = other.parent; d != null; d = d.parent) {
                if (d == this) {
                    return true;
                }
            }
            return false;
        }

        Item toItem() {
            return new Item(
                    linkId,
                    type,
                    text,
                    required,
                    repeats,
                    options,
                    min,
                    max,
                    conditions.stream().map(c -> c.enableWhen).toList(),
                    children.stream().map(Draft::toItem).toList());
        }
    }

    /** One enableWhen and what is needed to check it against the item it names. */
    private record Condition(String path, EnableWhen enableWhen, String answerProperty) {}

    private static final class Reader {
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Draft> byLinkId = new HashMap<>();
        private final List<Draft> all = new ArrayList<>();

        Questionnaire read(JsonNode root) {
            unknownProperties(root, "", TOP_LEVEL_PROPERTIES);
            String resourceType = requiredString(root, "resourceType", "resourceType");
            if (resourceType != null && !resourceType.equals("Questionnaire")) {
                error("resourceType", FIELD_OPTION, "Questionnaire");
            }
            String id = requiredString(root, "id", "id");
            if (id != null && !ID.matcher(id).matches()) {
                error("id", FIELD_INVALID);
            }
            int version = version(root.get("version"));
            String title = requiredString(root, "title", "title");
            if (title != null && title.length() > MAX_TITLE_LENGTH) {
                error("title", FIELD_LENGTH, MAX_TITLE_LENGTH);
            }
            JsonNode status = root.get("status");
            if (status != null && !(status.isTextual() && STATUSES.contains(status.asText()))) {
                error("status", FIELD_OPTION, "draft, active, retired, unknown");
            }
            JsonNode description = root.get("description");
            if (description != null && !description.isTextual()) {
                error("description", FIELD_TYPE);
            }
            List<Draft> items = items(root.get("item"), "item", null, 1);
            for (Draft draft : all) {
                checkConditions(draft);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new Questionnaire(
                    new QuestionnaireRef(id, version),
                    title,
                    items.stream().map(Draft::toItem).toList());
        }

        private int version(JsonNode node) {
            if (node == null || node.isNull()) {
                error("version", FIELD_REQUIRED);
                return 1;
            }
            String text;
            if (node.isTextual()) {
                text = node.asText();
            } else if (node.isIntegralNumber()) {
                text = node.bigIntegerValue().toString();
            } else {
                error("version", FIELD_TYPE);
                return 1;
            }
            if (!VERSION.matcher(text).matches()) {
                error("version", FIELD_INVALID);
                return 1;
            }
            return Integer.parseInt(text);
        }

        private List<Draft> items(JsonNode node, String path, Draft parent, int depth) {
            List<Draft> drafts = new ArrayList<>();
            if (node == null || node.isNull()) {
                if (parent == null) {
                    error(path, FIELD_REQUIRED);
                }
                return drafts;
            }
            if (!node.isArray()) {
                error(path, FIELD_TYPE);
                return drafts;
            }
            if (node.isEmpty() && parent == null) {
                error(path, FIELD_REQUIRED);
            }
            if (depth > MAX_DEPTH) {
                error(path, DEFINITION_DEPTH, MAX_DEPTH);
                return drafts;
            }
            for (int i = 0; i < node.size(); i++) {
                Draft draft = item(node.get(i), path + "[" + i + "]", parent, depth);
                if (draft != null) {
                    drafts.add(draft);
                }
            }
            return drafts;
        }

        private Draft item(JsonNode node, String path, Draft parent, int depth) {
            if (!node.isObject()) {
                error(path, FIELD_TYPE);
                return null;
            }
            Draft draft = new Draft(path, parent, all.size());
            all.add(draft);
            unknownProperties(node, path + ".", ITEM_PROPERTIES);

            draft.linkId = requiredString(node, "linkId", path + ".linkId");
            if (draft.linkId != null) {
                if (!LINK_ID.matcher(draft.linkId).matches()) {
                    error(path + ".linkId", FIELD_INVALID);
                } else if (byLinkId.putIfAbsent(draft.linkId, draft) != null) {
                    error(path + ".linkId", DEFINITION_DUPLICATE_LINK_ID, draft.linkId);
                }
            }
            String type = requiredString(node, "type", path + ".type");
            if (type != null) {
                draft.type = TYPES.get(type);
                if (draft.type == null) {
                    error(path + ".type", FIELD_OPTION, TYPE_CODES);
                }
            }
            String text = requiredString(node, "text", path + ".text");
            if (text != null) {
                draft.text = text;
                if (text.length() > MAX_TEXT_LENGTH) {
                    error(path + ".text", FIELD_LENGTH, MAX_TEXT_LENGTH);
                }
            }
            draft.required = optionalBoolean(node, "required", path);
            draft.repeats = optionalBoolean(node, "repeats", path);
            ItemType t = draft.type;
            if (t == ItemType.DISPLAY) {
                notAllowedWhenTrue(node, "required", path, type);
                notAllowedWhenTrue(node, "repeats", path, type);
            }
            options(node.get("answerOption"), path + ".answerOption", draft, type);
            extensions(node.get("extension"), path + ".extension", draft, type);
            conditions(node.get("enableWhen"), path + ".enableWhen", draft);
            JsonNode behaviour = node.get("enableBehavior");
            if (behaviour != null
                    && !(behaviour.isTextual() && behaviour.asText().equals("all"))) {
                error(path + ".enableBehavior", FIELD_OPTION, "all");
            }
            JsonNode children = node.get("item");
            if (t == ItemType.GROUP) {
                if (children == null || (children.isArray() && children.isEmpty())) {
                    error(path, DEFINITION_EMPTY_GROUP);
                } else {
                    draft.children.addAll(items(children, path + ".item", draft, depth + 1));
                }
            } else if (children != null && t != null) {
                error(path + ".item", DEFINITION_NOT_ALLOWED, "item", type);
            }
            return draft;
        }

        private void notAllowedWhenTrue(JsonNode node, String property, String path, String type) {
            JsonNode value = node.get(property);
            if (value != null && value.isBoolean() && value.booleanValue()) {
                error(path + "." + property, DEFINITION_NOT_ALLOWED, property, type);
            }
        }

        private void options(JsonNode node, String path, Draft draft, String type) {
            if (node == null) {
                if (draft.type == ItemType.CHOICE) {
                    error(path, DEFINITION_NO_OPTIONS);
                }
                return;
            }
            if (draft.type != ItemType.CHOICE) {
                if (draft.type != null) {
                    error(path, DEFINITION_NOT_ALLOWED, "answerOption", type);
                }
                return;
            }
            if (!node.isArray()) {
                error(path, FIELD_TYPE);
                return;
            }
            if (node.isEmpty()) {
                error(path, DEFINITION_NO_OPTIONS);
                return;
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String optionPath = path + "[" + i + "]";
                JsonNode option = node.get(i);
                if (!option.isObject()) {
                    error(optionPath, FIELD_TYPE);
                    continue;
                }
                unknownProperties(option, optionPath + ".", Set.of("valueCoding"));
                JsonNode coding = option.get("valueCoding");
                if (coding == null) {
                    error(optionPath + ".valueCoding", FIELD_REQUIRED);
                    continue;
                }
                if (!coding.isObject()) {
                    error(optionPath + ".valueCoding", FIELD_TYPE);
                    continue;
                }
                String codingPath = optionPath + ".valueCoding";
                unknownProperties(coding, codingPath + ".", Set.of("system", "code", "display"));
                String code = requiredString(coding, "code", codingPath + ".code");
                String display = requiredString(coding, "display", codingPath + ".display");
                if (code == null || display == null) {
                    continue;
                }
                if (!CODE.matcher(code).matches()) {
                    error(codingPath + ".code", FIELD_INVALID);
                } else if (!codes.add(code)) {
                    error(codingPath + ".code", DEFINITION_DUPLICATE_OPTION, code);
                } else {
                    draft.options.add(new AnswerOption(code, display));
                }
            }
        }

        private void extensions(JsonNode node, String path, Draft draft, String type) {
            if (node == null) {
                return;
            }
            if (!node.isArray()) {
                error(path, FIELD_TYPE);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                String extensionPath = path + "[" + i + "]";
                JsonNode extension = node.get(i);
                if (!extension.isObject()) {
                    error(extensionPath, FIELD_TYPE);
                    continue;
                }
                unknownProperties(extension, extensionPath + ".", Set.of("url", "valueInteger", "valueDecimal"));
                String url = requiredString(extension, "url", extensionPath + ".url");
                if (url == null) {
                    continue;
                }
                boolean isMin = url.equals(MIN_VALUE_URL);
                if (!isMin && !url.equals(MAX_VALUE_URL)) {
                    error(extensionPath + ".url", FIELD_OPTION, MIN_VALUE_URL + ", " + MAX_VALUE_URL);
                    continue;
                }
                if (draft.type != ItemType.INTEGER && draft.type != ItemType.DECIMAL) {
                    if (draft.type != null) {
                        error(extensionPath, DEFINITION_NOT_ALLOWED, isMin ? "minValue" : "maxValue", type);
                    }
                    continue;
                }
                BigDecimal value = bound(extension, extensionPath, draft.type);
                if (value == null) {
                    continue;
                }
                Optional<BigDecimal> previous = isMin ? draft.min : draft.max;
                if (previous.isPresent()) {
                    error(extensionPath, FIELD_REPEATS);
                } else if (isMin) {
                    draft.min = Optional.of(value);
                } else {
                    draft.max = Optional.of(value);
                }
            }
            if (draft.min.isPresent()
                    && draft.max.isPresent()
                    && draft.min.get().compareTo(draft.max.get()) > 0) {
                error(path, DEFINITION_MIN_MAX, draft.min.get(), draft.max.get());
            }
        }

        private BigDecimal bound(JsonNode extension, String path, ItemType type) {
            JsonNode integer = extension.get("valueInteger");
            JsonNode decimal = extension.get("valueDecimal");
            if ((integer == null) == (decimal == null)) {
                error(path + ".valueInteger", FIELD_REQUIRED);
                return null;
            }
            if (integer != null) {
                if (!integer.isIntegralNumber()) {
                    error(path + ".valueInteger", FIELD_TYPE);
                    return null;
                }
                return new BigDecimal(integer.bigIntegerValue());
            }
            if (type == ItemType.INTEGER) {
                error(path + ".valueDecimal", FIELD_TYPE);
                return null;
            }
            if (!decimal.isNumber()) {
                error(path + ".valueDecimal", FIELD_TYPE);
                return null;
            }
            return normalise(decimal.decimalValue());
        }

        private void conditions(JsonNode node, String path, Draft draft) {
            if (node == null) {
                return;
            }
            if (!node.isArray()) {
                error(path, FIELD_TYPE);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                String conditionPath = path + "[" + i + "]";
                JsonNode condition = node.get(i);
                if (!condition.isObject()) {
                    error(conditionPath, FIELD_TYPE);
                    continue;
                }
                List<String> known = new ArrayList<>(ANSWER_PROPERTIES);
                known.add("question");
                known.add("operator");
                unknownProperties(condition, conditionPath + ".", Set.copyOf(known));
                String question = requiredString(condition, "question", conditionPath + ".question");
                String operatorCode = requiredString(condition, "operator", conditionPath + ".operator");
                EnableWhen.Operator operator = operatorCode == null ? null : OPERATORS.get(operatorCode);
                if (operatorCode != null && operator == null) {
                    error(conditionPath + ".operator", FIELD_OPTION, "exists, =, !=");
                }
                List<String> given =
                        ANSWER_PROPERTIES.stream().filter(condition::has).toList();
                if (given.size() != 1) {
                    error(conditionPath + ".answer", given.isEmpty() ? FIELD_REQUIRED : FIELD_REPEATS);
                    continue;
                }
                String property = given.get(0);
                String answer = answer(condition.get(property), conditionPath + "." + property, property);
                if (question == null || operator == null || answer == null) {
                    continue;
                }
                if (operator == EnableWhen.Operator.EXISTS && !property.equals("answerBoolean")) {
                    error(conditionPath + "." + property, DEFINITION_ENABLE_WHEN_ANSWER, question);
                    continue;
                }
                draft.conditions.add(
                        new Condition(conditionPath, new EnableWhen(question, operator, answer), property));
            }
        }

        /** The answer of an enableWhen in the form the validator compares, or null after an error. */
        private String answer(JsonNode value, String path, String property) {
            switch (property) {
                case "answerBoolean":
                    if (value.isBoolean()) {
                        return Boolean.toString(value.booleanValue());
                    }
                    break;
                case "answerCoding":
                    if (value.isObject()) {
                        unknownProperties(value, path + ".", Set.of("system", "code", "display"));
                        return requiredString(value, "code", path + ".code");
                    }
                    break;
                case "answerString":
                    if (value.isTextual()) {
                        return value.asText();
                    }
                    break;
                case "answerInteger":
                    if (value.isIntegralNumber()) {
                        return value.bigIntegerValue().toString();
                    }
                    break;
                case "answerDecimal":
                    if (value.isNumber()) {
                        return normalise(value.decimalValue()).toPlainString();
                    }
                    break;
                case "answerDate":
                    if (value.isTextual() && isDate(value.asText())) {
                        return value.asText();
                    }
                    break;
                default:
                    break;
            }
            error(path, FIELD_TYPE);
            return null;
        }

        private void checkConditions(Draft draft) {
            for (Condition condition : draft.conditions) {
                String question = condition.enableWhen().question();
                String path = condition.path() + ".question";
                Draft target = byLinkId.get(question);
                if (target == null) {
                    error(path, DEFINITION_ENABLE_WHEN_UNKNOWN, question);
                    continue;
                }
                if (target == draft || target.order > draft.order || target.encloses(draft)) {
                    error(path, DEFINITION_ENABLE_WHEN_ORDER, question);
                    continue;
                }
                boolean outOfScope = false;
                for (Draft group = target.parent; group != null; group = group.parent) {
                    if (group.repeats && !group.encloses(draft)) {
                        outOfScope = true;
                    }
                }
                if (outOfScope) {
                    error(path, DEFINITION_ENABLE_WHEN_SCOPE, question);
                    continue;
                }
                if (!fits(target, condition)) {
                    error(condition.path() + "." + condition.answerProperty(), DEFINITION_ENABLE_WHEN_ANSWER, question);
                }
            }
        }

        private static boolean fits(Draft target, Condition condition) {
            if (target.type == null || target.type == ItemType.GROUP || target.type == ItemType.DISPLAY) {
                return false;
            }
            if (condition.enableWhen().operator() == EnableWhen.Operator.EXISTS) {
                return true;
            }
            String property = condition.answerProperty();
            return switch (target.type) {
                case BOOLEAN -> property.equals("answerBoolean");
                case CHOICE ->
                    property.equals("answerCoding")
                            && target.options.stream().anyMatch(o -> o.code()
                                    .equals(condition.enableWhen().answer()));
                case STRING, TEXT -> property.equals("answerString");
                case INTEGER -> property.equals("answerInteger");
                case DECIMAL -> property.equals("answerDecimal") || property.equals("answerInteger");
                case DATE -> property.equals("answerDate");
                default -> false;
            };
        }

        private boolean optionalBoolean(JsonNode node, String property, String path) {
            JsonNode value = node.get(property);
            if (value == null) {
                return false;
            }
            if (!value.isBoolean()) {
                error(path + "." + property, FIELD_TYPE);
                return false;
            }
            return value.booleanValue();
        }

        private String requiredString(JsonNode node, String property, String path) {
            JsonNode value = node.get(property);
            if (value == null || value.isNull()) {
                error(path, FIELD_REQUIRED);
                return null;
            }
            if (!value.isTextual()) {
                error(path, FIELD_TYPE);
                return null;
            }
            if (value.asText().isBlank()) {
                error(path, FIELD_REQUIRED);
                return null;
            }
            return value.asText();
        }

        private void unknownProperties(JsonNode node, String prefix, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    error(prefix + name, FIELD_UNKNOWN);
                }
            }
        }

        private void error(String field, String code, Object... arguments) {
            errors.add(FieldError.of(field, code, arguments));
        }
    }

    /**
     * The value without trailing zeros, so that equal numbers compare equal ({@code 10.0} and {@code 10} alike);
     * a huge exponent is left as it is rather than expanded into a huge number.
     */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 && stripped.scale() > -100 ? stripped.setScale(0) : stripped;
    }

    static boolean isDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
