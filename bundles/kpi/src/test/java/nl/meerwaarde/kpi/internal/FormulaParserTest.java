package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.kpi.internal.Formula.Aggregate;
import nl.meerwaarde.kpi.internal.Formula.Condition;
import org.junit.jupiter.api.Test;

/** Issue 4: KPI formulas are data, read and checked completely before anything is computed. */
class FormulaParserTest {
    private final ObjectMapper json = new ObjectMapper();

    private Formula parse(String text) throws IOException {
        return FormulaParser.parse(json.readTree(text));
    }

    private List<String> errors(String text) throws IOException {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(text));
        assertThat(e).as("refused: %s", text).isNotNull();
        return e.errors().stream()
                .map(error -> error.field() + " " + error.code()
                        + (error.arguments().isEmpty() ? "" : " " + error.arguments()))
                .toList();
    }

    /** The 23 formulas of kpis.md A2 as docs/kpi-engine.md writes them: the design document cannot drift. */
    @Test
    void everyFormulaOfTheDesignDocumentIsValid() throws IOException {
        String doc = Files.readString(Path.of("../../docs/kpi-engine.md"));
        int start = doc.indexOf("```json\n{\"1\":");
        String block = doc.substring(doc.indexOf('\n', start) + 1, doc.indexOf("```", start + 7));
        JsonNode formulas = json.readTree(block);

        assertThat(formulas.size()).isEqualTo(23);
        for (Iterator<Map.Entry<String, JsonNode>> it = formulas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> kpi = it.next();
            assertThat(FormulaParser.parse(kpi.getValue()))
                    .as("KPI %s", kpi.getKey())
                    .isNotNull();
        }
    }

    @Test
    void aCountWithConditionsOnItsOwnAndItsActivitysFields() throws IOException {
        Formula formula = parse("""
                {"countDistinct": "participation.resident",
                 "where": [{"field": "participation.helped", "is": true},
                           {"field": "activity.targetGroup", "is": "ouderen"},
                           {"field": "activity.actualHours", "is": "present"}],
                 "by": "activity.targetGroup"}""");

        assertThat(formula.measure())
                .isEqualTo(new Aggregate(
                        Formula.Function.COUNT_DISTINCT,
                        Field.PARTICIPATION_RESIDENT,
                        List.of(
                                new Condition(Field.PARTICIPATION_HELPED, new Formula.IsTrue(true)),
                                new Condition(Field.ACTIVITY_TARGET_GROUP, new Formula.EqualsCode("ouderen")),
                                new Condition(Field.ACTIVITY_ACTUAL_HOURS, new Formula.Present()))));
        assertThat(formula.by()).contains(Field.ACTIVITY_TARGET_GROUP);
        assertThat(formula.quotes()).isEmpty();
    }

    @Test
    void aRatioOfKnownPlusAnonymousWithAFactor() throws IOException {
        Formula formula = parse("""
                {"ratio": {"of": {"plus": [{"count": "participation.id"}, {"sum": "activity.anonParticipants"}]},
                           "to": {"count": "activity.id"}, "times": 100}}""");

        Formula.Ratio ratio = (Formula.Ratio) formula.measure();
        assertThat(ratio.times()).isEqualByComparingTo(new BigDecimal("100"));
        assertThat(((Formula.Plus) ratio.of()).parts()).hasSize(2);
        assertThat(ratio.to()).isEqualTo(new Aggregate(Formula.Function.COUNT, Field.ACTIVITY_ID, List.of()));
    }

    @Test
    void quotesGoWithTheGroupOfTheirFigure() throws IOException {
        Formula formula = parse("""
                {"countDistinct": "dimension.resident", "by": "dimension.code",
                 "quotes": [{"field": "dimension.code", "is": "@group"}]}""");

        assertThat(formula.quotes()).contains(List.of(new Condition(Field.DIMENSION_CODE, new Formula.IsGroup())));
    }

    @Test
    void quotesGoWithTheGroupsOfTheBreakdownOrWithTheWholeFigure() throws IOException {
        assertThat(errors("""
                {"count": "participation.id", "by": "activity.targetGroup",
                 "quotes": [{"field": "participation.measured", "is": true}]}""")).containsExactly("formula.quotes formula.breakdown [activity.targetGroup]");
        assertThat(errors("""
                {"count": "participation.id", "quotes": [{"field": "dimension.code", "is": "@group"}]}""")).containsExactly("formula.quotes formula.breakdown [-]");
        assertThat(errors("""
                {"countDistinct": "dimension.resident", "by": "dimension.code",
                 "quotes": [{"field": "activity.targetGroup", "is": "@group"}]}""")).containsExactly("formula.quotes formula.breakdown [dimension.code]");
        assertThat(parse("""
                {"count": "participation.id", "quotes": [{"field": "participation.helped", "is": true}]}""").quotes()).isPresent();
    }

    @Test
    void noBreakdownPerPersonOnlyPerActivity() throws IOException {
        assertThat(errors("""
                {"mean": "participation.grade", "by": "participation.id"}""")).containsExactly("formula.by formula.breakdown [participation.id]");
        assertThat(errors("""
                {"count": "signal.id", "by": "signal.id"}""")).containsExactly("formula.by formula.breakdown [signal.id]");
        assertThat(errors("""
                {"count": "participation.id", "quotes": [{"field": "participation.id", "is": "@group"}]}""")).contains("formula.quotes[0].is formula.condition [participation.id]");
        assertThat(parse("""
                {"mean": "participation.grade", "by": "activity.id"}""").by()).contains(Field.ACTIVITY_ID);
    }

    @Test
    void anOutcomeIsAWholeFormulaOfAStatisticAndAQuestionnaire() throws IOException {
        assertThat(parse("""
                {"outcome": "meanChange", "questionnaire": "zrm-2017"}""").measure()).isEqualTo(new Formula.Outcome(Formula.Statistic.MEAN_CHANGE, "zrm-2017"));
        assertThat(errors("""
                {"outcome": "average", "questionnaire": "zrm-2017", "by": "dimension.code"}"""))
                .containsExactly(
                        "formula.by formula.unknownMember [by]", "formula.outcome formula.condition [average]");
        assertThat(errors("""
                {"outcome": "improved"}""")).containsExactly("formula.questionnaire field.required");
    }

    @Test
    void unknownNamesAndWrongShapesAreEachReportedAtTheirPath() throws IOException {
        assertThat(errors("""
                {"count": "signal.id", "sum": "activity.budgetHours"}""")).containsExactly("formula formula.shape");
        assertThat(errors("""
                {"count": "mw_signal.id; DROP TABLE mw_signal"}"""))
                .containsExactly("formula.count formula.unknownField [mw_signal.id; DROP TABLE mw_signal]");
        assertThat(errors("""
                {"mean": "participation.grade", "groupBy": "activity.id"}""")).containsExactly("formula.groupBy formula.unknownMember [groupBy]");
        assertThat(errors("""
                {"ratio": {"of": {"count": "signal.id"}}}""")).containsExactly("formula.ratio.to field.required");
        assertThat(errors("""
                {"plus": [{"count": "signal.id"}]}""")).containsExactly("formula.plus formula.shape");
        assertThat(errors("""
                {"ratio": {"of": {"count": "signal.id"}, "to": {"count": "signal.id"}, "times": -1}}""")).containsExactly("formula.ratio.times field.type");
        assertThat(errors("""
                {"ref": 1}""")).containsExactly("formula.ref field.type");
        assertThat(errors("[]")).containsExactly("formula field.type");
    }

    @Test
    void onlyNumbersAreSummedOrAveragedAndConditionsFitTheirField() throws IOException {
        assertThat(errors("""
                {"sum": "signal.type"}""")).containsExactly("formula.sum formula.notNumeric [signal.type]");
        assertThat(errors("""
                {"mean": "participation.helped"}""")).containsExactly("formula.mean formula.notNumeric [participation.helped]");
        assertThat(errors("""
                {"count": "participation.id", "where": [{"field": "participation.grade", "is": true}]}""")).containsExactly("formula.where[0].is formula.condition [participation.grade]");
        assertThat(errors("""
                {"count": "participation.id", "where": [{"field": "participation.helped"}]}""")).containsExactly("formula.where[0].is field.required");
        assertThat(errors("""
                {"count": "participation.id", "where": [{"field": "participation.helped", "is": "@group"}]}""")).containsExactly("formula.where[0].is formula.condition [participation.helped]");
    }

    @Test
    void conditionsAndBreakdownsNameOnlyWhatTheCountedRowsBelongTo() throws IOException {
        assertThat(errors("""
                {"count": "activity.id", "where": [{"field": "participation.helped", "is": true}]}""")).containsExactly("formula.where[0].field formula.notReachable [participation.helped]");
        assertThat(errors("""
                {"count": "signal.id", "by": "activity.targetGroup"}""")).containsExactly("formula.by formula.notReachable [activity.targetGroup]");
        assertThat(errors("""
                {"count": "participation.id", "by": "participation.grade"}""")).containsExactly("formula.by formula.breakdown [participation.grade]");
        assertThat(errors("""
                {"count": "participation.id", "quotes": [{"field": "signal.type", "is": "x"}]}""")).containsExactly("formula.quotes[0].field formula.notReachable [signal.type]");
        assertThat(errors("""
                {"meanOver": "team", "of": {"mean": "participation.grade"}}""")).containsExactly("formula.meanOver formula.condition [team]");
    }

    @Test
    void everyProblemOfAFormulaIsReportedAtOnce() throws IOException {
        assertThat(errors("""
                {"ratio": {"of": {"sum": "signal.type", "where": [{"field": "nope", "is": true}]},
                           "to": {"count": "activity.id", "extra": 1}}, "by": "activity.budgetHours"}"""))
                .containsExactly(
                        "formula.ratio.of.sum formula.notNumeric [signal.type]",
                        "formula.ratio.of.where[0].field formula.unknownField [nope]",
                        "formula.ratio.to.extra formula.unknownMember [extra]",
                        "formula.by formula.breakdown [activity.budgetHours]");
    }

    @Test
    void aDeepFormulaIsRefusedNotFollowed() throws IOException {
        String deep = "{\"count\": \"signal.id\"}";
        for (int i = 0; i < 50; i++) {
            deep = "{\"plus\": [" + deep + ", {\"count\": \"signal.id\"}]}";
        }

        // the two measures one level too deep are refused; nothing below them is read
        assertThat(errors(deep)).hasSize(2).allSatisfy(error -> assertThat(error)
                .startsWith("formula" + ".plus[0]".repeat(FormulaParser.MAX_DEPTH) + ".plus[")
                .endsWith(" formula.shape"));
    }
}
