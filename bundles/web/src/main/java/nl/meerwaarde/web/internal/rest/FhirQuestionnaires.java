package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.meerwaarde.api.questionnaire.AnswerOption;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;

/**
 * Writes a parsed definition back as a FHIR R4 {@code Questionnaire} resource in the forms bundle's format, so that
 * what the API serves can be parsed again to the same definition. Metadata the parser does not keep (description,
 * publisher...) is not written.
 */
final class FhirQuestionnaires {
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FhirQuestionnaires() {}

    static ObjectNode toJson(Questionnaire questionnaire) {
        Map<String, ItemType> types = new HashMap<>();
        collect(questionnaire.items(), types);
        ObjectNode root = NODES.objectNode();
        root.put("resourceType", "Questionnaire");
        root.put("id", questionnaire.ref().id());
        root.put("version", Integer.toString(questionnaire.ref().version()));
        root.put("status", "active");
        root.put("title", questionnaire.title());
        root.set("item", items(questionnaire.items(), types));
        return root;
    }

    private static void collect(List<Item> items, Map<String, ItemType> types) {
        for (Item item : items) {
            types.put(item.linkId(), item.type());
            collect(item.items(), types);
        }
    }

    private static ArrayNode items(List<Item> items, Map<String, ItemType> types) {
        ArrayNode array = NODES.arrayNode();
        for (Item item : items) {
            ObjectNode node = array.addObject();
            node.put("linkId", item.linkId());
            node.put("type", item.type().name().toLowerCase(java.util.Locale.ROOT));
            node.put("text", item.text());
            if (item.required()) {
                node.put("required", true);
            }
            if (item.repeats()) {
                node.put("repeats", true);
            }
            if (!item.enableWhen().isEmpty()) {
                ArrayNode conditions = node.putArray("enableWhen");
                for (EnableWhen condition : item.enableWhen()) {
                    ObjectNode c = conditions.addObject();
                    c.put("question", condition.question());
                    c.put(
                            "operator",
                            switch (condition.operator()) {
                                case EXISTS -> "exists";
                                case EQUALS -> "=";
                                case NOT_EQUALS -> "!=";
                            });
                    answer(c, condition, types.get(condition.question()));
                }
            }
            if (item.min().isPresent() || item.max().isPresent()) {
                ArrayNode extensions = node.putArray("extension");
                item.min().ifPresent(min -> extension(extensions, MIN_VALUE, min, item.type()));
                item.max().ifPresent(max -> extension(extensions, MAX_VALUE, max, item.type()));
            }
            if (!item.options().isEmpty()) {
                ArrayNode options = node.putArray("answerOption");
                for (AnswerOption option : item.options()) {
                    ObjectNode coding = options.addObject().putObject("valueCoding");
                    coding.put("code", option.code());
                    coding.put("display", option.display());
                }
            }
            if (!item.items().isEmpty()) {
                node.set("item", items(item.items(), types));
            }
        }
        return array;
    }

    private static void answer(ObjectNode node, EnableWhen condition, ItemType type) {
        String answer = condition.answer();
        if (condition.operator() == EnableWhen.Operator.EXISTS || type == ItemType.BOOLEAN) {
            node.put("answerBoolean", Boolean.parseBoolean(answer));
        } else if (type == ItemType.CHOICE) {
            node.putObject("answerCoding").put("code", answer);
        } else if (type == ItemType.INTEGER) {
            node.put("answerInteger", new java.math.BigInteger(answer));
        } else if (type == ItemType.DECIMAL) {
            node.put("answerDecimal", new BigDecimal(answer));
        } else if (type == ItemType.DATE) {
            node.put("answerDate", answer);
        } else {
            node.put("answerString", answer);
        }
    }

    private static void extension(ArrayNode extensions, String url, BigDecimal value, ItemType type) {
        ObjectNode extension = extensions.addObject();
        extension.put("url", url);
        if (type == ItemType.INTEGER) {
            extension.put("valueInteger", value.toBigIntegerExact());
        } else {
            extension.put("valueDecimal", value);
        }
    }
}
