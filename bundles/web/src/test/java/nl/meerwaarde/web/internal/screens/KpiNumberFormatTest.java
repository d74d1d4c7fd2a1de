package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import nl.meerwaarde.web.internal.Languages;
import org.junit.jupiter.api.Test;

class KpiNumberFormatTest {
    private final KpiNumberFormat dutch = new KpiNumberFormat(Languages.DUTCH);
    private final KpiNumberFormat english = new KpiNumberFormat(Languages.ENGLISH);

    @Test
    void figuresAreShownWithAtMostOneDecimalRoundedHalfUpInTheUsersLanguage() {
        assertThat(dutch.shown(new BigDecimal("42.8571428571"))).isEqualTo("42,9");
        assertThat(dutch.shown(new BigDecimal("7.25"))).isEqualTo("7,3");
        assertThat(dutch.shown(new BigDecimal("7.05"))).isEqualTo("7,1");
        assertThat(dutch.shown(new BigDecimal("12"))).isEqualTo("12");
        assertThat(dutch.shown(new BigDecimal("12.00"))).isEqualTo("12");
        assertThat(dutch.shown(new BigDecimal("12.04"))).isEqualTo("12");
        assertThat(dutch.shown(new BigDecimal("0"))).isEqualTo("0");
        assertThat(dutch.shown(new BigDecimal("1234567.89"))).isEqualTo("1.234.567,9");
        assertThat(english.shown(new BigDecimal("1234567.89"))).isEqualTo("1,234,567.9");
        assertThat(dutch.shown(new BigDecimal("-2.45"))).isEqualTo("-2,5");
        assertThat(dutch.count(1234)).isEqualTo("1.234");
    }

    @Test
    void theExactValueIsGivenOnlyWhenTheShownOneIsRounded() {
        assertThat(dutch.exact(new BigDecimal("12.5"), Optional.empty())).isEmpty();
        assertThat(dutch.exact(new BigDecimal("12.500"), Optional.empty())).isEmpty();
        assertThat(dutch.exact(new BigDecimal("12.25"), Optional.empty())).contains("12,25");
        assertThat(dutch.exact(new BigDecimal("7.8571428571"), Optional.of("55/7")))
                .contains("55/7 ≈ 7,8571428571");
        assertThat(english.exact(new BigDecimal("1234.0000000001"), Optional.empty()))
                .contains("1,234.0000000001");
    }

    @Test
    void chartsGetAPlainDecimal() {
        assertThat(KpiNumberFormat.plain(new BigDecimal("42.50"))).isEqualTo("42.5");
        assertThat(KpiNumberFormat.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
