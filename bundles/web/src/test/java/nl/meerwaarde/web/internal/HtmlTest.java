package nl.meerwaarde.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
        assertThat(Html.escape("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    }

    @Test
    void leavesPlainTextAloneAndNullEmpty() {
        assertThat(Html.escape("Jonge moeders – Emmen é")).isEqualTo("Jonge moeders – Emmen é");
        assertThat(Html.escape(null)).isEmpty();
    }
}
