package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/meerwaarde/",
                "/meerwaarde/activities",
                "/meerwaarde/activities?team=team-emmen-centrum&page=2",
                "/meerwaarde/signals#nieuw",
                "/meerwaarde/%2F%2Fstill-a-path",
                "/"
            })
    void acceptsPathsOnThisServer(String path) {
        assertThat(ReturnTo.safe(path)).contains(path);
        assertThat(ReturnTo.orDefault(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example/",
                "http://evil.example",
                "//evil.example/meerwaarde/",
                "///evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                "/%0d%0a\r\nSet-Cookie: x=y",
                " /meerwaarde/",
                "javascript:alert(1)",
                "meerwaarde/activities",
                "evil.example",
                "/login",
                "/login?returnTo=/meerwaarde/",
                "/logout",
                "/meer waarde"
            })
    void refusesEverythingElse(String candidate) {
        assertThat(ReturnTo.safe(candidate)).isEmpty();
        assertThat(ReturnTo.orDefault(candidate)).isEqualTo("/meerwaarde/");
    }

    @Test
    void refusesOverlongPaths() {
        assertThat(ReturnTo.safe("/" + "a".repeat(ReturnTo.MAX_LENGTH))).isEmpty();
    }

    @Test
    void loginLocationCarriesTheEncodedPath() {
        assertThat(ReturnTo.loginLocation("/meerwaarde/activities?team=a&page=2"))
                .isEqualTo("/login?returnTo=%2Fmeerwaarde%2Factivities%3Fteam%3Da%26page%3D2");
    }

    @Test
    void loginLocationLeavesAnOpenRedirectOut() {
        assertThat(ReturnTo.loginLocation("https://evil.example/")).isEqualTo("/login");
        assertThat(ReturnTo.loginLocation("//evil.example")).isEqualTo("/login");
        assertThat(ReturnTo.loginLocation(null)).isEqualTo("/login");
    }
}
