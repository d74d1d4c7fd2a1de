package nl.meerwaarde.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.servlet.http.Cookie;
import nl.meerwaarde.host.spi.HostRequest;
import nl.meerwaarde.web.internal.FakeHttp;
import org.junit.jupiter.api.Test;

class ServletHostRequestTest {

    @Test
    void givesHeadersCaseInsensitivelyAndEmptyWhenAbsent() {
        HostRequest request = new ServletHostRequest(FakeHttp.get("/meerwaarde/api/v1/me")
                .header("Authorization", "Bearer abc")
                .proxy());

        assertThat(request.header("authorization")).contains("Bearer abc");
        assertThat(request.header("X-Missing")).isEmpty();
    }

    @Test
    void givesTheFirstCookieOfExactlyThatName() {
        HostRequest request = new ServletHostRequest(FakeHttp.get("/meerwaarde/")
                .cookies(new Cookie("other", "1"), new Cookie("SESSION", "first"), new Cookie("SESSION", "second"))
                .proxy());

        assertThat(request.cookie("SESSION")).contains("first");
        assertThat(request.cookie("session")).isEmpty();
        assertThat(request.cookie("missing")).isEmpty();
    }

    @Test
    void copesWithARequestWithoutCookies() {
        HostRequest request =
                new ServletHostRequest(FakeHttp.get("/meerwaarde/").proxy());

        assertThat(request.cookie("SESSION")).isEmpty();
    }

    @Test
    void thePathIsTheRequestPathBelowTheServerRoot() {
        HostRequest request = new ServletHostRequest(
                FakeHttp.get("/meerwaarde/api/v1/signals").query("limit=5").proxy());

        assertThat(request.path()).isEqualTo("/meerwaarde/api/v1/signals");
    }
}
