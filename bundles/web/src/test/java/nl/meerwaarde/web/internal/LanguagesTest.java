package nl.meerwaarde.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void dutchUnlessEnglishIsAskedFor() {
        assertThat(Languages.choose(null, null)).isEqualTo(Languages.DUTCH);
        assertThat(Languages.choose(null, "")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.choose(null, "fr-FR,fr;q=0.9")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.choose(null, "nl-NL,nl;q=0.9,en;q=0.8")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.choose(null, "en-US,en;q=0.9")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose(null, "de,en;q=0.5,nl;q=0.4")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void theParameterWinsOverTheHeader() {
        assertThat(Languages.choose("en", "nl")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.choose("NL", "en")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.choose("xx", "en")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void aMalformedHeaderMeansDutch() {
        assertThat(Languages.choose(null, ";;;q=x,,")).isEqualTo(Languages.DUTCH);
    }

    @Test
    void theParameterIsReadFromTheRawQuery() {
        assertThat(QueryString.first("page=2&lang=en", "lang")).contains("en");
        assertThat(QueryString.first("lang", "lang")).contains("");
        assertThat(QueryString.first("%zz=1&lang=en", "lang")).contains("en");
        assertThat(QueryString.first("x=a%20b", "x")).contains("a b");
        assertThat(QueryString.first(null, "lang")).isEmpty();
        assertThat(QueryString.first("language=en", "lang")).isEmpty();
    }
}
