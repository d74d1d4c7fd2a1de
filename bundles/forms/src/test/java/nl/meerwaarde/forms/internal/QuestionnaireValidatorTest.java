package nl.meerwaarde.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse.Answer;
import nl.meerwaarde.forms.ResponseValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionnaireValidatorTest {
    private static final Questionnaire Q = Definitions.parse("/validator-test.json");
    private final ResponseValidator validator = new QuestionnaireValidator();

    private static Answer a(String path, Object... values) {
        return new Answer(path, Arrays.asList(values));
    }

    private static Coding c(String code) {
        return new Coding(code);
    }

    /** The smallest valid response: the required name and the required contact group's phone. */
    private static List<Answer> minimal(Answer... more) {
        List<Answer> answers = new ArrayList<>(List.of(a("naam", "Manouk"), a("contact.telefoon", "0591-123456")));
        answers.addAll(List.of(more));
        return answers;
    }

    private static Questionnaire shipped(String id) {
        return Definitions.shipped().stream()
                .filter(q -> q.ref().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private List<FieldError> errors(List<Answer> answers) {
        return validator.validate(Q, answers);
    }

    private static FieldError e(String field, String code, Object... arguments) {
        return FieldError.of(field, code, arguments);
    }

    @Test
    void aMinimalResponseIsValid() {
        assertThat(errors(minimal())).isEmpty();
    }

    @Test
    void aFullResponseIsValid() {
        List<Answer> answers = minimal(
                a("leeftijd", 66),
                a("score", new BigDecimal("0.5")),
                a("korting", 100),
                a("actief", true),
                a("geboortedatum", "1998-03-14"),
                a("kleur", c("groen")),
                a("labels", c("a"), c("b")),
                a("notities", "eerste", "tweede"),
                a("reden", "Wil haar netwerk uitbreiden"),
                a("kleurUitleg", "liever groen"),
                a("oud", false),
                a("adres.straat", "Hoofdstraat"),
                a("adres.huisnummer", 12),
                a("doelen[0].omschrijving", "Netwerk uitbreiden"),
                a("doelen[0].behaald", false),
                a("doelen[0].toelichting", "Nog bezig"),
                a("doelen[0].stappen[0].stap", "Aanmelden"),
                a("doelen[0].stappen[1].stap", "Eerste bijeenkomst"),
                a("doelen[1].omschrijving", "Studie afronden"),
                a("vervolg.vervolgDatum", LocalDate.of(2026, 1, 5)));
        assertThat(errors(answers)).isEmpty();
    }

    @Test
    void missingRequiredAnswersAreReported() {
        assertThat(errors(List.of()))
                .containsExactly(e("naam", "field.required"), e("contact.telefoon", "field.required"));
    }

    @Test
    void anEmptyValueListIsNoAnswer() {
        assertThat(errors(List.of(a("naam"), a("contact.telefoon", "1")))).containsExactly(e("naam", "field.required"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "onbekend",
                "naam.extra",
                "adres",
                "adres[0].straat",
                "doelen.omschrijving",
                "doelen[0]",
                "naam[0]",
                "info",
                "adres.onbekend",
                "",
                ".naam",
                "naam.",
                "doelen[01].omschrijving",
                "doelen[-1].omschrijving",
                "doelen[0].stappen.stap",
                "a.b.c.d.e.f"
            })
    void anUnknownPathIsReported(String path) {
        assertThat(errors(minimal(a(path, "x")))).containsExactly(e(path, "field.unknown"));
    }

    @Test
    void anIndexBeyondTheLimitIsReported() {
        assertThat(errors(minimal(a("doelen[100].omschrijving", "x"))))
                .containsExactly(e("doelen[100].omschrijving", "field.count", 100));
        assertThat(errors(minimal(a("doelen[99].omschrijving", "x")))).isEmpty();
    }

    @Test
    void aHugePathIsReportedShortened() {
        String path = "x".repeat(100_000);
        List<FieldError> found = errors(minimal(a(path, "x")));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).code()).isEqualTo("field.unknown");
        assertThat(found.get(0).field()).hasSizeLessThan(300);
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(errors(minimal(
                        a("leeftijd", "12"),
                        a("score", "1,5"),
                        a("actief", "true"),
                        a("geboortedatum", 20240101),
                        a("kleur", 1),
                        a("adres.straat", 12))))
                .containsExactly(
                        e("leeftijd", "field.type"),
                        e("score", "field.type"),
                        e("actief", "field.type"),
                        e("geboortedatum", "field.type"),
                        e("kleur", "field.type"),
                        e("adres.straat", "field.type"));
    }

    @Test
    void integersAcceptEveryIntegralNumberAndNothingElse() {
        for (Object ok : List.of(5, 5L, (short) 5, BigInteger.valueOf(5), new BigDecimal("5.00"), 5.0d)) {
            assertThat(errors(minimal(a("leeftijd", ok)))).as("%s", ok).isEmpty();
        }
        for (Object bad : List.of(5.5d, new BigDecimal("5.01"), Double.NaN, Double.POSITIVE_INFINITY, true)) {
            assertThat(errors(minimal(a("leeftijd", bad)))).as("%s", bad).containsExactly(e("leeftijd", "field.type"));
        }
    }

    @Test
    void decimalsRejectNonFiniteNumbers() {
        assertThat(errors(minimal(a("score", Double.NaN)))).containsExactly(e("score", "field.type"));
        assertThat(errors(minimal(a("score", 2.25d)))).isEmpty();
    }

    @Test
    void aHugeExponentIsComparedWithoutExpandingIt() {
        assertThat(errors(minimal(a("korting", new BigDecimal("1E+999999999")))))
                .containsExactly(e("korting", "field.max", new BigDecimal("100")));
        assertThat(errors(minimal(a("leeftijd", new BigDecimal("1E+999999999")))))
                .containsExactly(e("leeftijd", "field.range", BigDecimal.ZERO, new BigDecimal("120")));
    }

    @Test
    void rangeBoundariesAreInclusive() {
        assertThat(errors(minimal(a("leeftijd", 0)))).isEmpty();
        assertThat(errors(minimal(a("leeftijd", 120)))).isEmpty();
        assertThat(errors(minimal(a("leeftijd", -1))))
                .containsExactly(e("leeftijd", "field.range", BigDecimal.ZERO, new BigDecimal("120")));
        assertThat(errors(minimal(a("leeftijd", 121))))
                .containsExactly(e("leeftijd", "field.range", BigDecimal.ZERO, new BigDecimal("120")));
    }

    @Test
    void onlyAMinimumOrOnlyAMaximumHasItsOwnMessage() {
        assertThat(errors(minimal(a("score", new BigDecimal("0.5"))))).isEmpty();
        assertThat(errors(minimal(a("score", new BigDecimal("0.49")))))
                .containsExactly(e("score", "field.min", new BigDecimal("0.5")));
        assertThat(errors(minimal(a("korting", new BigDecimal("100.0"))))).isEmpty();
        assertThat(errors(minimal(a("korting", new BigDecimal("100.01")))))
                .containsExactly(e("korting", "field.max", new BigDecimal("100")));
        assertThat(errors(minimal(a("korting", -1000)))).isEmpty();
    }

    @Test
    void aChoiceMustBeOneOfTheOptions() {
        assertThat(errors(minimal(a("kleur", c("blauw"))))).containsExactly(e("kleur", "field.option"));
        assertThat(errors(minimal(a("kleur", c("Rood"))))).containsExactly(e("kleur", "field.option"));
        assertThat(errors(minimal(a("labels", c("a"), c("z"))))).containsExactly(e("labels", "field.option"));
    }

    @Test
    void aChoiceIsACodingNeverAPlainString() {
        assertThat(errors(minimal(a("kleur", "groen")))).containsExactly(e("kleur", "field.type"));
        assertThat(errors(minimal(a("labels", c("a"), "b")))).containsExactly(e("labels", "field.type"));
    }

    @Test
    void aRepeatedOptionIsReported() {
        assertThat(errors(minimal(a("labels", c("a"), c("a"))))).containsExactly(e("labels", "field.invalid"));
    }

    @Test
    void moreThanOneValueOnANonRepeatingQuestionIsReported() {
        assertThat(errors(minimal(a("leeftijd", 1, 2)))).containsExactly(e("leeftijd", "field.repeats"));
    }

    @Test
    void aRepeatingQuestionTakesAtMostTheLimit() {
        assertThat(errors(minimal(a("notities", Collections.nCopies(100, "n").toArray()))))
                .isEmpty();
        assertThat(errors(minimal(a("notities", Collections.nCopies(101, "n").toArray()))))
                .containsExactly(e("notities", "field.count", 100));
    }

    @Test
    void textsHaveALengthLimitPerType() {
        assertThat(errors(minimal(a("adres.straat", "s".repeat(2000))))).isEmpty();
        assertThat(errors(minimal(a("adres.straat", "s".repeat(2001)))))
                .containsExactly(e("adres.straat", "field.length", 2000));
        assertThat(errors(minimal(a("notities", "t".repeat(10_000))))).isEmpty();
        assertThat(errors(minimal(a("notities", "t".repeat(10_001)))))
                .containsExactly(e("notities", "field.length", 10_000));
        assertThat(errors(minimal(a("notities", "t".repeat(5_000_000)))))
                .containsExactly(e("notities", "field.length", 10_000));
    }

    @Test
    void aBlankTextIsNotAnAnswer() {
        assertThat(errors(List.of(a("naam", "  "), a("contact.telefoon", "1"))))
                .containsExactly(e("naam", "field.invalid"));
    }

    @Test
    void datesAreFullIsoDates() {
        assertThat(errors(minimal(a("geboortedatum", LocalDate.of(2000, 2, 29)))))
                .isEmpty();
        for (String bad : List.of("2023-02-29", "2024-2-1", "2024", "14-03-1998", "2024-01-01T10:00")) {
            assertThat(errors(minimal(a("geboortedatum", bad))))
                    .as(bad)
                    .containsExactly(e("geboortedatum", "field.type"));
        }
    }

    @Test
    void enableWhenEqualsSwitchesARequiredQuestionOn() {
        assertThat(errors(minimal(a("actief", true)))).containsExactly(e("reden", "field.required"));
        assertThat(errors(minimal(a("actief", true), a("reden", "r")))).isEmpty();
    }

    @Test
    void anAnswerToADisabledQuestionIsReported() {
        assertThat(errors(minimal(a("reden", "r")))).containsExactly(e("reden", "field.disabled"));
        assertThat(errors(minimal(a("actief", false), a("reden", "r"), a("bijlagen[0].bijlageNaam", "b"))))
                .containsExactly(e("reden", "field.disabled"));
    }

    @Test
    void notEqualsHoldsWithoutAnAnswerAndForOtherAnswers() {
        assertThat(errors(minimal(a("kleurUitleg", "x")))).isEmpty();
        assertThat(errors(minimal(a("kleur", c("groen")), a("kleurUitleg", "x"))))
                .isEmpty();
        assertThat(errors(minimal(a("kleur", c("rood")), a("kleurUitleg", "x"))))
                .containsExactly(e("kleurUitleg", "field.disabled"));
    }

    @Test
    void everyConditionMustHold() {
        assertThat(errors(minimal(a("leeftijd", 66), a("geboortedatum", "1960-01-01"), a("oud", true))))
                .isEmpty();
        assertThat(errors(minimal(a("leeftijd", 66), a("oud", true)))).containsExactly(e("oud", "field.disabled"));
        assertThat(errors(minimal(a("leeftijd", 67), a("geboortedatum", "1960-01-01"), a("oud", true))))
                .containsExactly(e("oud", "field.disabled"));
    }

    @Test
    void anInvalidAnswerDoesNotSwitchAnythingOn() {
        assertThat(errors(minimal(a("actief", "ja"), a("reden", "r"))))
                .containsExactly(e("actief", "field.type"), e("reden", "field.disabled"));
    }

    @Test
    void aRequiredQuestionInAnOptionalGroupCountsOnlyWhenTheGroupIsAnswered() {
        assertThat(errors(minimal())).isEmpty();
        assertThat(errors(minimal(a("adres.huisnummer", 3)))).containsExactly(e("adres.straat", "field.required"));
    }

    @Test
    void aRequiredGroupMakesItsRequiredQuestionsRequired() {
        assertThat(errors(List.of(a("naam", "n")))).containsExactly(e("contact.telefoon", "field.required"));
    }

    @Test
    void everyInstanceOfARepeatingGroupIsCheckedOnItsOwn() {
        assertThat(errors(minimal(
                        a("doelen[0].omschrijving", "een"),
                        a("doelen[1].behaald", true),
                        a("doelen[2].omschrijving", "drie"),
                        a("doelen[2].behaald", true),
                        a("doelen[2].toelichting", "niet nodig"))))
                .containsExactly(
                        e("doelen[1].omschrijving", "field.required"), e("doelen[2].toelichting", "field.disabled"));
    }

    @Test
    void enableWhenInsideARepeatingGroupLooksAtTheSameInstance() {
        assertThat(errors(minimal(
                        a("doelen[0].omschrijving", "een"),
                        a("doelen[0].behaald", false),
                        a("doelen[0].toelichting", "bezig"),
                        a("doelen[1].omschrijving", "twee"),
                        a("doelen[1].behaald", true))))
                .isEmpty();
        assertThat(errors(minimal(
                        a("doelen[0].omschrijving", "een"),
                        a("doelen[0].behaald", false),
                        a("doelen[1].omschrijving", "twee"),
                        a("doelen[1].toelichting", "bezig"))))
                .containsExactly(e("doelen[1].toelichting", "field.disabled"));
    }

    @Test
    void nestedRepeatingGroupsAreAddressedByBothIndexes() {
        assertThat(errors(minimal(a("doelen[0].omschrijving", "een"), a("doelen[0].stappen[3].stap", "  "))))
                .containsExactly(e("doelen[0].stappen[3].stap", "field.invalid"));
    }

    @Test
    void aDisabledGroupDisablesEverythingInIt() {
        assertThat(errors(minimal(a("vervolg.vervolgDatum", "2026-01-01"))))
                .containsExactly(e("vervolg.vervolgDatum", "field.disabled"));
    }

    @Test
    void aRequiredRepeatingGroupNeedsAnInstanceOnlyWhenEnabled() {
        assertThat(errors(minimal(a("actief", false)))).containsExactly(e("bijlagen", "field.required"));
        assertThat(errors(minimal(a("actief", false), a("bijlagen[0].bijlageNaam", "brief.pdf"))))
                .isEmpty();
        assertThat(errors(minimal(a("bijlagen[0].bijlageNaam", "brief.pdf"))))
                .containsExactly(e("bijlagen[0].bijlageNaam", "field.disabled"));
    }

    @Test
    void thePathOfAnAnswerMayAppearOnlyOnce() {
        assertThat(errors(minimal(a("naam", "nog een")))).containsExactly(e("naam", "field.invalid"));
    }

    @Test
    void atMostOneHundredErrorsAreReported() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            answers.add(a("onbekend" + i, "x"));
        }
        assertThat(errors(answers)).hasSize(ResponseValidator.MAX_ERRORS);
    }

    @Test
    void enableWhenEqualsOnAChoiceComparesTheCode() {
        Questionnaire registration = shipped("activiteit-registratie");
        Answer groups = a("plan.doelgroepen", c("ouderen"));
        Answer other = a("plan.meetinstrumentAnders", "Eigen vragenlijst");

        assertThat(validator.validate(registration, List.of(groups, a("plan.meetinstrument", c("anders")), other)))
                .isEmpty();
        assertThat(validator.validate(registration, List.of(groups, a("plan.meetinstrument", c("zrm-2017")), other)))
                .containsExactly(e("plan.meetinstrumentAnders", "field.disabled"));
    }

    @Test
    void fromJsonTurnsChoicesIntoCodingsAndDatesIntoDatesAndLeavesEverythingElse() {
        List<Answer> json = minimal(
                a("kleur", "groen"),
                a("labels", "a", "b"),
                a("leeftijd", 66),
                a("geboortedatum", "1998-03-14"),
                a("notities", "groen"),
                a("onbekend", "groen"));

        List<Answer> typed = validator.fromJson(Q, json);

        assertThat(typed)
                .containsExactlyElementsOf(minimal(
                        a("kleur", c("groen")),
                        a("labels", c("a"), c("b")),
                        a("leeftijd", 66),
                        a("geboortedatum", java.time.LocalDate.of(1998, 3, 14)),
                        a("notities", "groen"),
                        a("onbekend", "groen")));
        assertThat(errors(typed)).containsExactly(e("onbekend", "field.unknown"));
        assertThat(validator.fromJson(Q, minimal(a("geboortedatum", "14-03-1998"))))
                .as("not a date: left for the validator to report")
                .containsExactlyElementsOf(minimal(a("geboortedatum", "14-03-1998")));
    }

    @Test
    void fromJsonLeavesWhatIsNoCodeForTheValidatorToReport() {
        List<Answer> json = minimal(a("kleur", "  "), a("labels", 1, c("a")));

        List<Answer> typed = validator.fromJson(Q, json);

        assertThat(typed).isEqualTo(json);
        assertThat(errors(typed)).containsExactly(e("kleur", "field.type"), e("labels", "field.type"));
        assertThat(errors(validator.fromJson(Q, minimal(a("kleur", "blauw")))))
                .containsExactly(e("kleur", "field.option"));
    }

    @Test
    void fromJsonFindsChoicesInRepeatingGroups() {
        Questionnaire registration = shipped("activiteit-registratie");

        assertThat(validator.fromJson(
                        registration,
                        List.of(
                                a("plan.doelen[1].omschrijving", "Twintig deelnemers"),
                                a("plan.doelen[1].realisatie", "behaald"))))
                .containsExactly(
                        a("plan.doelen[1].omschrijving", "Twintig deelnemers"),
                        a("plan.doelen[1].realisatie", c("behaald")));
    }

    @Test
    void requireValidThrowsWithTheErrors() {
        assertThatThrownBy(() -> validator.requireValid(Q, List.of(a("naam", "n"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(t -> assertThat(((InvalidInputException) t).errors())
                        .containsExactly(e("contact.telefoon", "field.required")));
        validator.requireValid(Q, minimal());
    }
}
