package nl.meerwaarde.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.junit.jupiter.api.Test;

/** The records validate what they hold, so no invalid value reaches a store or a KPI. */
class DomainRecordsTest {

    @Test
    void periodsAreHalfOpenAndNamedAfterTheCalendar() {
        Period march = Period.month(YearMonth.of(2026, 3));
        assertThat(march).isEqualTo(new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(Period.quarter(2026, 4)).isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)));
        assertThat(Period.year(2026).end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Period.quarter(2026, 5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void hostIdsAreShortPrintableAndNeverBlank() {
        assertThat(new ResidentId("inw-0001").value()).isEqualTo("inw-0001");
        assertThatIllegalArgumentException().isThrownBy(() -> new ResidentId(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamId("a\nb"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TeamId("x".repeat(65)));
    }

    @Test
    void anonymousCountsNestHelpedInMeasuredInParticipants() {
        assertThat(new AnonymousCounts(12, 10, 7).helped()).isEqualTo(7);
        assertThatIllegalArgumentException().isThrownBy(() -> new AnonymousCounts(5, 6, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnonymousCounts(5, 4, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnonymousCounts(-1, 0, 0));
    }

    @Test
    void gradesAreWholeSchoolGradesFromOneToTen() {
        assertThat(measurement(Optional.of(10)).grade()).contains(10);
        assertThatIllegalArgumentException().isThrownBy(() -> measurement(Optional.of(0)));
        assertThatIllegalArgumentException().isThrownBy(() -> measurement(Optional.of(11)));
    }

    @Test
    void investmentsAreNeverNegative() {
        assertThat(new Investment(Optional.of(BigDecimal.TEN), Optional.empty()).hours())
                .contains(BigDecimal.TEN);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Investment(Optional.of(new BigDecimal("-1")), Optional.empty()));
    }

    @Test
    void questionnaireRefsAreVersionedFromOne() {
        assertThat(new QuestionnaireRef("zrm-2017", 1).version()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new QuestionnaireRef("zrm-2017", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new QuestionnaireRef("ZRM 2017", 1));
    }

    @Test
    void invalidInputCarriesFieldErrorsAndAnEnglishMessage() {
        InvalidInputException e = new InvalidInputException(List.of(
                InvalidInputException.FieldError.of("limit", "field.range", 1, 200),
                InvalidInputException.FieldError.of("offset", "field.min", 0)));

        assertThat(e.errors())
                .extracting(InvalidInputException.FieldError::field)
                .containsExactly("limit", "offset");
        assertThat(e.getMessage()).isEqualTo("Invalid input: limit field.range, offset field.min");
        assertThatIllegalArgumentException().isThrownBy(() -> new InvalidInputException(List.of()));
    }

    private static ImpactMeasurement measurement(Optional<Integer> grade) {
        return new ImpactMeasurement(
                true,
                Optional.empty(),
                grade,
                Optional.empty(),
                Set.of("erkend"),
                List.of("Ik voelde me gehoord."),
                Optional.empty());
    }
}
