package nl.meerwaarde.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.EnableWhen;
import nl.meerwaarde.api.questionnaire.Item;
import nl.meerwaarde.api.questionnaire.ItemType;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import org.junit.jupiter.api.Test;

class JsonQuestionnaireParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private final JsonQuestionnaireParser parser = new JsonQuestionnaireParser();

    // ---- the shipped definitions

    @Test
    void everyShippedDefinitionParses() throws Exception {
        List<Path> files = Definitions.shippedFiles();
        assertThat(files).hasSize(5);
        for (Path file : files) {
            Questionnaire q = parser.parse(Files.readString(file));
            assertThat(file.getFileName().toString())
                    .isEqualTo(q.ref().id() + "-v" + q.ref().version() + ".json");
        }
        assertThat(Definitions.shipped())
                .extracting(Questionnaire::ref)
                .containsExactlyInAnyOrder(
                        new QuestionnaireRef("activiteit-registratie", 1),
                        new QuestionnaireRef("effectenmonitor", 1),
                        new QuestionnaireRef("impactmeting", 1),
                        new QuestionnaireRef("positieve-gezondheid-demo", 1),
                        new QuestionnaireRef("zrm-2017", 1));
    }

    private static Map<String, Questionnaire> shipped() {
        return Definitions.shipped().stream()
                .collect(Collectors.toMap(q -> q.ref().id(), q -> q));
    }

    @Test
    void theActivityRegistrationFollowsTheStages() {
        Questionnaire q = shipped().get("activiteit-registratie");
        assertThat(q.items())
                .extracting(Item::linkId)
                .containsExactly("signaal", "analyse", "plan", "uitvoering", "evaluatie");
        assertThat(q.items()).allSatisfy(i -> assertThat(i.type()).isEqualTo(ItemType.GROUP));
        Item plan = q.items().get(2);
        Item goals = plan.items().stream()
                .filter(i -> i.linkId().equals("doelen"))
                .findFirst()
                .orElseThrow();
        assertThat(goals.repeats()).isTrue();
        assertThat(goals.items().get(1).options())
                .extracting(o -> o.code())
                .containsExactly("behaald", "deels-behaald", "niet-behaald");
    }

    @Test
    void theImpactMeasurementHasTheDefaultDimensions() {
        Questionnaire q = shipped().get("impactmeting");
        Item helped = q.items().get(0);
        assertThat(helped.linkId()).isEqualTo("geholpen");
        assertThat(helped.required()).isTrue();
        Item dimensions = q.items().stream()
                .filter(i -> i.linkId().equals("dimensies"))
                .findFirst()
                .orElseThrow();
        assertThat(dimensions.repeats()).isTrue();
        assertThat(dimensions.options())
                .extracting(o -> o.display())
                .containsExactly("Erkend voelen", "Verbonden voelen", "Opgelucht voelen");
        Item grade = q.items().stream()
                .filter(i -> i.linkId().equals("cijfer"))
                .findFirst()
                .orElseThrow();
        assertThat(grade.min()).contains(BigDecimal.ONE);
        assertThat(grade.max()).contains(BigDecimal.TEN);
    }

    @Test
    void theZrmHasThirteenDomainsOnTheOfficialScale() {
        Questionnaire q = shipped().get("zrm-2017");
        List<Item> domains =
                q.items().stream().filter(i -> i.type() == ItemType.CHOICE).toList();
        assertThat(domains).hasSize(13);
        assertThat(domains).allSatisfy(d -> assertThat(d.options())
                .extracting(o -> o.display())
                .containsExactly(
                        "1 – Acute problematiek",
                        "2 – Niet zelfredzaam",
                        "3 – Beperkt zelfredzaam",
                        "4 – Voldoende zelfredzaam",
                        "5 – Volledig zelfredzaam"));
    }

    @Test
    void positiveHealthHasSixGradesFromZeroToTen() {
        Questionnaire q = shipped().get("positieve-gezondheid-demo");
        List<Item> grades =
                q.items().stream().filter(i -> i.type() == ItemType.INTEGER).toList();
        assertThat(grades).hasSize(6);
        assertThat(grades).allSatisfy(g -> {
            assertThat(g.min()).contains(BigDecimal.ZERO);
            assertThat(g.max()).contains(BigDecimal.TEN);
        });
    }

    @Test
    void theEffectenmonitorAsksAPhasePerDomain() {
        Questionnaire q = shipped().get("effectenmonitor");
        assertThat(q.items()).hasSize(4);
        assertThat(q.items())
                .allSatisfy(domain -> assertThat(domain.items().get(0).options())
                        .extracting(o -> o.code())
                        .containsExactly("ontkenning", "bewustwording", "zoeken", "doen", "volhouden", "terugval"));
    }

    // ---- a valid definition and its variants

    private static ObjectNode base() {
        ObjectNode q = JSON.createObjectNode();
        q.put("resourceType", "Questionnaire")
                .put("id", "test")
                .put("version", "1")
                .put("title", "Test");
        ArrayNode items = q.putArray("item");
        items.addObject().put("linkId", "vraag").put("type", "boolean").put("text", "Vraag?");
        ObjectNode choice =
                items.addObject().put("linkId", "keuze").put("type", "choice").put("text", "Keuze");
        option(choice, "a", "A");
        option(choice, "b", "B");
        ObjectNode group =
                items.addObject().put("linkId", "groep").put("type", "group").put("text", "Groep");
        group.putArray("item")
                .addObject()
                .put("linkId", "getal")
                .put("type", "integer")
                .put("text", "Getal");
        return q;
    }

    private static void option(ObjectNode item, String code, String display) {
        ArrayNode options =
                item.has("answerOption") ? (ArrayNode) item.get("answerOption") : item.putArray("answerOption");
        options.addObject().putObject("valueCoding").put("code", code).put("display", display);
    }

    private static ObjectNode item(ObjectNode q, int index) {
        return (ObjectNode) q.get("item").get(index);
    }

    private static ObjectNode addItem(ObjectNode parent, String linkId, String type) {
        ArrayNode items = parent.has("item") ? (ArrayNode) parent.get("item") : parent.putArray("item");
        return items.addObject().put("linkId", linkId).put("type", type).put("text", linkId);
    }

    private static void bound(ObjectNode item, String url, String kind, Object value) {
        ArrayNode extensions = item.has("extension") ? (ArrayNode) item.get("extension") : item.putArray("extension");
        ObjectNode extension = extensions.addObject().put("url", url);
        extension.set(kind, JSON.valueToTree(value));
    }

    private static void enableWhen(ObjectNode item, String question, String operator, String kind, Object answer) {
        ArrayNode conditions =
                item.has("enableWhen") ? (ArrayNode) item.get("enableWhen") : item.putArray("enableWhen");
        ObjectNode condition = conditions.addObject().put("question", question).put("operator", operator);
        condition.set(kind, JSON.valueToTree(answer));
    }

    private Questionnaire parse(ObjectNode q) {
        return parser.parse(q.toString());
    }

    private List<FieldError> rejected(Consumer<ObjectNode> change) {
        ObjectNode q = base();
        change.accept(q);
        return rejected(q.toString());
    }

    private List<FieldError> rejected(String json) {
        InvalidInputException thrown =
                (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(json));
        assertThat(thrown).as("rejected").isNotNull();
        return thrown.errors();
    }

    private static FieldError e(String field, String code, Object... arguments) {
        return FieldError.of(field, code, arguments);
    }

    @Test
    void theBaseDefinitionParses() {
        Questionnaire q = parse(base());
        assertThat(q.ref()).isEqualTo(new QuestionnaireRef("test", 1));
        assertThat(q.title()).isEqualTo("Test");
        assertThat(q.items()).extracting(Item::linkId).containsExactly("vraag", "keuze", "groep");
        assertThat(q.items().get(2).items().get(0).type()).isEqualTo(ItemType.INTEGER);
    }

    @Test
    void theVersionMayBeAStringOrANumber() {
        ObjectNode q = base();
        q.put("version", 7);
        assertThat(parse(q).ref().version()).isEqualTo(7);
    }

    @Test
    void enableWhenAndBoundsAreRead() {
        ObjectNode q = base();
        ObjectNode number = addItem(q, "bedrag", "decimal");
        bound(number, MIN, "valueDecimal", new BigDecimal("0.50"));
        bound(number, MAX, "valueInteger", 10);
        ObjectNode shown = addItem(q, "toon", "string");
        enableWhen(shown, "keuze", "=", "answerCoding", Map.of("code", "b"));
        enableWhen(shown, "bedrag", "!=", "answerDecimal", new BigDecimal("2.50"));
        enableWhen(shown, "vraag", "exists", "answerBoolean", true);
        Questionnaire parsed = parse(q);
        Item bedrag = parsed.items().get(3);
        assertThat(bedrag.min()).contains(new BigDecimal("0.5"));
        assertThat(bedrag.max()).contains(BigDecimal.TEN);
        assertThat(parsed.items().get(4).enableWhen())
                .containsExactly(
                        new EnableWhen("keuze", EnableWhen.Operator.EQUALS, "b"),
                        new EnableWhen("bedrag", EnableWhen.Operator.NOT_EQUALS, "2.5"),
                        new EnableWhen("vraag", EnableWhen.Operator.EXISTS, "true"));
    }

    @Test
    void nestingFiveDeepIsAllowed() {
        ObjectNode q = base();
        ObjectNode level = item(q, 2);
        for (int depth = 3; depth <= 5; depth++) {
            level = addItem(level, "g" + depth, "group");
        }
        addItem(level, "diep", "string");
        assertThat(parse(q).items()).hasSize(3);
    }

    // ---- one test per rule

    @Test
    void brokenJsonIsRejected() {
        assertThat(rejected("{\"resourceType\": ")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("$");
            assertThat(e.code()).isEqualTo("definition.json");
        });
        assertThat(rejected("{\"id\": \"a\", \"id\": \"b\"}"))
                .extracting(FieldError::code)
                .containsExactly("definition.json");
        assertThat(rejected(base() + " {}")).extracting(FieldError::code).containsExactly("definition.json");
    }

    @Test
    void somethingOtherThanAnObjectIsRejected() {
        assertThat(rejected("[]")).containsExactly(e("$", "field.type"));
        assertThat(rejected("  ")).containsExactly(e("$", "field.required"));
    }

    @Test
    void aHugeDefinitionIsRejected() {
        assertThat(rejected("{" + " ".repeat(1_000_000))).containsExactly(e("$", "field.length", 1_000_000));
    }

    @Test
    void theResourceTypeMustBeQuestionnaire() {
        assertThat(rejected(q -> q.put("resourceType", "QuestionnaireResponse")))
                .containsExactly(e("resourceType", "field.option", "Questionnaire"));
        assertThat(rejected(q -> q.remove("resourceType"))).containsExactly(e("resourceType", "field.required"));
    }

    @Test
    void anIdIsRequiredAndWellFormed() {
        assertThat(rejected(q -> q.remove("id"))).containsExactly(e("id", "field.required"));
        assertThat(rejected(q -> q.put("id", "Impact Meting"))).containsExactly(e("id", "field.invalid"));
        assertThat(rejected(q -> q.put("id", 5))).containsExactly(e("id", "field.type"));
    }

    @Test
    void aVersionIsRequiredAndAPositiveWholeNumber() {
        assertThat(rejected(q -> q.remove("version"))).containsExactly(e("version", "field.required"));
        for (Object bad : List.of("0", "1.0", "v1", "-1", "01", "9999999999")) {
            assertThat(rejected(q -> q.put("version", bad.toString())))
                    .as("%s", bad)
                    .containsExactly(e("version", "field.invalid"));
        }
        assertThat(rejected(q -> q.put("version", 0))).containsExactly(e("version", "field.invalid"));
        assertThat(rejected(q -> q.put("version", 1.5))).containsExactly(e("version", "field.type"));
    }

    @Test
    void aTitleIsRequired() {
        assertThat(rejected(q -> q.remove("title"))).containsExactly(e("title", "field.required"));
        assertThat(rejected(q -> q.put("title", " "))).containsExactly(e("title", "field.required"));
        assertThat(rejected(q -> q.put("title", "t".repeat(201)))).containsExactly(e("title", "field.length", 200));
    }

    @Test
    void theStatusIsAFhirStatus() {
        assertThat(rejected(q -> q.put("status", "published")))
                .containsExactly(e("status", "field.option", "draft, active, retired, unknown"));
    }

    @Test
    void itemsAreRequired() {
        assertThat(rejected(q -> q.remove("item"))).containsExactly(e("item", "field.required"));
        assertThat(rejected(q -> q.putArray("item"))).containsExactly(e("item", "field.required"));
        assertThat(rejected(q -> q.put("item", "geen"))).containsExactly(e("item", "field.type"));
    }

    @Test
    void unknownPropertiesAreRejected() {
        assertThat(rejected(q -> q.put("titel", "x"))).containsExactly(e("titel", "field.unknown"));
        assertThat(rejected(q -> item(q, 0).put("requried", true)))
                .containsExactly(e("item[0].requried", "field.unknown"));
    }

    @Test
    void linkIdsAreRequiredAndPathSafe() {
        assertThat(rejected(q -> item(q, 0).remove("linkId"))).containsExactly(e("item[0].linkId", "field.required"));
        for (String bad : List.of("a.b", "a[0]", "1a", "met spatie", "x".repeat(65))) {
            assertThat(rejected(q -> item(q, 0).put("linkId", bad)))
                    .as(bad)
                    .containsExactly(e("item[0].linkId", "field.invalid"));
        }
    }

    @Test
    void duplicateLinkIdsAreRejected() {
        assertThat(rejected(q -> ((ObjectNode) item(q, 2).get("item").get(0)).put("linkId", "vraag")))
                .containsExactly(e("item[2].item[0].linkId", "definition.duplicateLinkId", "vraag"));
    }

    @Test
    void unknownTypesAreRejected() {
        for (String bad : List.of("open-choice", "quantity", "Boolean", "reference")) {
            assertThat(rejected(q -> item(q, 0).put("type", bad)))
                    .as(bad)
                    .containsExactly(e(
                            "item[0].type",
                            "field.option",
                            "group, display, boolean, integer, decimal, string, text, date, choice"));
        }
        assertThat(rejected(q -> item(q, 0).remove("type"))).containsExactly(e("item[0].type", "field.required"));
    }

    @Test
    void aTextIsRequired() {
        assertThat(rejected(q -> item(q, 0).remove("text"))).containsExactly(e("item[0].text", "field.required"));
    }

    @Test
    void requiredAndRepeatsAreBooleans() {
        assertThat(rejected(q -> item(q, 0).put("required", "ja")))
                .containsExactly(e("item[0].required", "field.type"));
        assertThat(rejected(q -> item(q, 0).put("repeats", 1))).containsExactly(e("item[0].repeats", "field.type"));
    }

    @Test
    void aDisplayItemCannotBeRequiredOrRepeat() {
        assertThat(rejected(q -> item(q, 0).put("type", "display").put("required", true)))
                .containsExactly(e("item[0].required", "definition.notAllowed", "required", "display"));
    }

    @Test
    void aChoiceWithoutOptionsIsRejected() {
        assertThat(rejected(q -> item(q, 1).remove("answerOption")))
                .containsExactly(e("item[1].answerOption", "definition.noOptions"));
        assertThat(rejected(q -> item(q, 1).putArray("answerOption")))
                .containsExactly(e("item[1].answerOption", "definition.noOptions"));
    }

    @Test
    void anOptionNeedsACodeAndADisplay() {
        assertThat(rejected(
                        q -> ((ObjectNode) item(q, 1).get("answerOption").get(0).get("valueCoding")).remove("display")))
                .containsExactly(e("item[1].answerOption[0].valueCoding.display", "field.required"));
        assertThat(rejected(q -> ((ObjectNode) item(q, 1).get("answerOption").get(0)).remove("valueCoding")))
                .containsExactly(e("item[1].answerOption[0].valueCoding", "field.required"));
        assertThat(rejected(q -> ((ObjectNode) item(q, 1).get("answerOption").get(0)).put("valueString", "a")))
                .containsExactly(e("item[1].answerOption[0].valueString", "field.unknown"));
    }

    @Test
    void duplicateOptionCodesAreRejected() {
        assertThat(rejected(q -> option(item(q, 1), "a", "Nog een A")))
                .containsExactly(e("item[1].answerOption[2].valueCoding.code", "definition.duplicateOption", "a"));
    }

    @Test
    void optionsBelongToChoicesOnly() {
        assertThat(rejected(q -> option(item(q, 0), "a", "A")))
                .containsExactly(e("item[0].answerOption", "definition.notAllowed", "answerOption", "boolean"));
    }

    @Test
    void aMinimumAboveTheMaximumIsRejected() {
        assertThat(rejected(q -> {
                    ObjectNode number = (ObjectNode) item(q, 2).get("item").get(0);
                    bound(number, MIN, "valueInteger", 10);
                    bound(number, MAX, "valueInteger", 1);
                }))
                .containsExactly(e("item[2].item[0].extension", "definition.minMax", BigDecimal.TEN, BigDecimal.ONE));
    }

    @Test
    void boundsBelongToNumbersOnly() {
        assertThat(rejected(q -> bound(item(q, 0), MIN, "valueInteger", 1)))
                .containsExactly(e("item[0].extension[0]", "definition.notAllowed", "minValue", "boolean"));
    }

    @Test
    void anIntegerItemTakesIntegerBounds() {
        assertThat(rejected(q -> bound((ObjectNode) item(q, 2).get("item").get(0), MAX, "valueDecimal", 1.5)))
                .containsExactly(e("item[2].item[0].extension[0].valueDecimal", "field.type"));
        assertThat(rejected(q -> bound((ObjectNode) item(q, 2).get("item").get(0), MAX, "valueInteger", "10")))
                .containsExactly(e("item[2].item[0].extension[0].valueInteger", "field.type"));
    }

    @Test
    void aBoundIsGivenOnce() {
        assertThat(rejected(q -> {
                    ObjectNode number = (ObjectNode) item(q, 2).get("item").get(0);
                    bound(number, MIN, "valueInteger", 1);
                    bound(number, MIN, "valueInteger", 2);
                }))
                .containsExactly(e("item[2].item[0].extension[1]", "field.repeats"));
    }

    @Test
    void unknownExtensionsAreRejected() {
        assertThat(rejected(
                        q -> bound(item(q, 0), "http://hl7.org/fhir/StructureDefinition/minvalue", "valueInteger", 1)))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("item[0].extension[0].url", "field.option"));
    }

    @Test
    void enableWhenNamingAnUnknownLinkIdIsRejected() {
        assertThat(rejected(q -> enableWhen(item(q, 1), "bestaatNiet", "exists", "answerBoolean", true)))
                .containsExactly(e("item[1].enableWhen[0].question", "definition.enableWhen.unknown", "bestaatNiet"));
    }

    @Test
    void enableWhenNamingALaterItemIsRejected() {
        assertThat(rejected(q -> enableWhen(item(q, 0), "keuze", "=", "answerCoding", Map.of("code", "a"))))
                .containsExactly(e("item[0].enableWhen[0].question", "definition.enableWhen.order", "keuze"));
    }

    @Test
    void enableWhenNamingItselfOrItsGroupIsRejected() {
        assertThat(rejected(q -> enableWhen(item(q, 0), "vraag", "exists", "answerBoolean", true)))
                .containsExactly(e("item[0].enableWhen[0].question", "definition.enableWhen.order", "vraag"));
        assertThat(rejected(q -> enableWhen(
                        (ObjectNode) item(q, 2).get("item").get(0), "groep", "exists", "answerBoolean", true)))
                .containsExactly(e("item[2].item[0].enableWhen[0].question", "definition.enableWhen.order", "groep"));
    }

    @Test
    void enableWhenNamingAQuestionInAnotherRepeatingGroupIsRejected() {
        assertThat(rejected(q -> {
                    item(q, 2).put("repeats", true);
                    enableWhen(addItem(q, "later", "string"), "getal", "exists", "answerBoolean", true);
                }))
                .containsExactly(e("item[3].enableWhen[0].question", "definition.enableWhen.scope", "getal"));
    }

    @Test
    void enableWhenMayNameAQuestionInItsOwnRepeatingGroup() {
        ObjectNode q = base();
        item(q, 2).put("repeats", true);
        enableWhen(addItem(item(q, 2), "binnen", "string"), "getal", "=", "answerInteger", 3);
        assertThat(parse(q).items().get(2).items()).hasSize(2);
    }

    @Test
    void enableWhenAnswersMustFitTheQuestion() {
        assertThat(rejected(q -> enableWhen(addItem(q, "x", "string"), "vraag", "=", "answerString", "ja")))
                .containsExactly(e("item[3].enableWhen[0].answerString", "definition.enableWhen.answer", "vraag"));
        assertThat(rejected(
                        q -> enableWhen(addItem(q, "x", "string"), "keuze", "=", "answerCoding", Map.of("code", "z"))))
                .containsExactly(e("item[3].enableWhen[0].answerCoding", "definition.enableWhen.answer", "keuze"));
        assertThat(rejected(q ->
                        enableWhen(addItem(q, "x", "string"), "keuze", "exists", "answerCoding", Map.of("code", "a"))))
                .containsExactly(e("item[3].enableWhen[0].answerCoding", "definition.enableWhen.answer", "keuze"));
        assertThat(rejected(q -> enableWhen(addItem(q, "x", "string"), "vraag", "=", "answerBoolean", "true")))
                .containsExactly(e("item[3].enableWhen[0].answerBoolean", "field.type"));
    }

    @Test
    void enableWhenCannotNameAGroup() {
        assertThat(rejected(q -> enableWhen(addItem(q, "x", "string"), "groep", "exists", "answerBoolean", true)))
                .containsExactly(e("item[3].enableWhen[0].answerBoolean", "definition.enableWhen.answer", "groep"));
    }

    @Test
    void enableWhenOperatorsAreExistsEqualsAndNotEquals() {
        assertThat(rejected(q -> enableWhen(addItem(q, "x", "string"), "vraag", ">", "answerBoolean", true)))
                .containsExactly(e("item[3].enableWhen[0].operator", "field.option", "exists, =, !="));
    }

    @Test
    void enableWhenNeedsExactlyOneAnswer() {
        assertThat(rejected(q -> {
                    ObjectNode x = addItem(q, "x", "string");
                    x.putArray("enableWhen")
                            .addObject()
                            .put("question", "vraag")
                            .put("operator", "exists");
                }))
                .containsExactly(e("item[3].enableWhen[0].answer", "field.required"));
    }

    @Test
    void onlyTheAllBehaviourIsSupported() {
        assertThat(rejected(q -> item(q, 1).put("enableBehavior", "any")))
                .containsExactly(e("item[1].enableBehavior", "field.option", "all"));
    }

    @Test
    void nestingDeeperThanFiveIsRejected() {
        assertThat(rejected(q -> {
                    ObjectNode level = item(q, 2);
                    for (int depth = 3; depth <= 6; depth++) {
                        level = addItem(level, "g" + depth, "group");
                    }
                    addItem(level, "teDiep", "string");
                }))
                .containsExactly(e("item[2].item[1].item[0].item[0].item[0].item", "definition.depth", 5));
    }

    @Test
    void aGroupNeedsItems() {
        assertThat(rejected(q -> item(q, 2).remove("item"))).containsExactly(e("item[2]", "definition.emptyGroup"));
    }

    @Test
    void onlyGroupsHaveItems() {
        assertThat(rejected(q -> addItem(item(q, 0), "kind", "string")))
                .containsExactly(e("item[0].item", "definition.notAllowed", "item", "boolean"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(rejected(q -> {
                    q.remove("title");
                    item(q, 0).put("type", "quantity");
                    item(q, 1).remove("answerOption");
                }))
                .containsExactly(
                        e("title", "field.required"),
                        e(
                                "item[0].type",
                                "field.option",
                                "group, display, boolean, integer, decimal, string, text, date, choice"),
                        e("item[1].answerOption", "definition.noOptions"));
    }

    @Test
    void numbersAreNormalisedSoEqualDefinitionsAreEqual() {
        ObjectNode one = base();
        bound((ObjectNode) item(one, 2).get("item").get(0), MIN, "valueInteger", 0);
        ObjectNode other = base();
        other.put("version", 1);
        bound((ObjectNode) item(other, 2).get("item").get(0), MIN, "valueInteger", 0);
        assertThat(parse(one)).isEqualTo(parse(other));
        assertThat(parse(one).items().get(2).items().get(0).min()).isEqualTo(Optional.of(BigDecimal.ZERO));
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
