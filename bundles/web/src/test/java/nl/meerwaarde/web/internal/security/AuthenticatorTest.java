package nl.meerwaarde.web.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.servlet.http.Cookie;
import nl.meerwaarde.host.spi.HostRequest;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.Subjects;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Json;
import org.junit.jupiter.api.Test;
import org.osgi.service.http.context.ServletContextHelper;

class AuthenticatorTest {
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private final ObjectMapper json = Json.newMapper();

    /** A host that knows one session cookie and records the return paths it was asked for. */
    private static final class FakeSubjects implements Subjects {
        final List<String> returnTos = new ArrayList<>();
        final Function<HostRequest, Optional<Subject>> resolver;

        FakeSubjects(Function<HostRequest, Optional<Subject>> resolver) {
            this.resolver = resolver;
        }

        @Override
        public Optional<Subject> resolve(HostRequest request) {
            return resolver.apply(request);
        }

        @Override
        public String loginLocation(String returnTo) {
            returnTos.add(returnTo);
            return "/login?returnTo=" + returnTo;
        }

        @Override
        public String logoutLocation() {
            return "/logout";
        }
    }

    private static FakeSubjects sessionHost() {
        return new FakeSubjects(request ->
                request.cookie("HOSTSESSION").filter("s3cret"::equals).map(c -> Fixtures.fatima()));
    }

    @Test
    void aKnownSubjectGoesOnAndIsPutOnTheRequest() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/api/v1/me").cookies(new Cookie("HOSTSESSION", "s3cret"));
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed =
                new Authenticator(AuthenticatorTest::sessionHost, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isTrue();
        assertThat(request.attribute(WebConstants.SUBJECT_ATTRIBUTE)).isEqualTo(Fixtures.fatima());
        assertThat(request.attribute(ServletContextHelper.REMOTE_USER)).isEqualTo("worker:w-fatima-yilmaz");
        assertThat(request.attribute(WebConstants.LOCALE_ATTRIBUTE)).isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'self'");
    }

    @Test
    void aBrowserAskingForAPageIsSentToTheLoginWithItsPathAndQuery() throws Exception {
        FakeSubjects host = sessionHost();
        FakeHttp.Request request =
                FakeHttp.get("/meerwaarde/signals").query("page=2&lang=en").header("Accept", BROWSER_ACCEPT);
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed = new Authenticator(() -> host, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(303);
        assertThat(host.returnTos).containsExactly("/meerwaarde/signals?page=2&lang=en");
        assertThat(response.header("Location")).isEqualTo("/login?returnTo=/meerwaarde/signals?page=2&lang=en");
        assertThat(request.attribute(WebConstants.SUBJECT_ATTRIBUTE)).isNull();
    }

    @Test
    void anApiCallGets401WithProblemDetails() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/api/v1/me").header("Accept", "application/json");
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed =
                new Authenticator(AuthenticatorTest::sessionHost, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Session realm=\"meerwaarde\"");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asText()).isEqualTo("Niet ingelogd");
        assertThat(problem.get("detail").asText()).contains("niet ingelogd");
    }

    @Test
    void theDecisionFollowsTheAcceptHeader() throws Exception {
        assertThat(statusFor("/meerwaarde/", BROWSER_ACCEPT)).isEqualTo(303);
        assertThat(statusFor("/meerwaarde/", "application/xhtml+xml")).isEqualTo(303);
        assertThat(statusFor("/meerwaarde/", "*/*")).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/", null)).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/", "application/json")).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/", "text/html;q=0, application/json")).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/static/meerwaarde.css", "text/css,*/*;q=0.1"))
                .isEqualTo(401);
    }

    @Test
    void theRestApiIsNeverRedirectedEvenForABrowser() throws Exception {
        assertThat(statusFor("/meerwaarde/api/v1/signals", BROWSER_ACCEPT)).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/api", BROWSER_ACCEPT)).isEqualTo(401);
        assertThat(statusFor("/meerwaarde/apikeys", BROWSER_ACCEPT)).isEqualTo(303);
    }

    private int statusFor(String uri, String accept) throws Exception {
        FakeHttp.Request request = FakeHttp.get(uri);
        if (accept != null) {
            request.header("Accept", accept);
        }
        FakeHttp.Response response = new FakeHttp.Response();
        new Authenticator(AuthenticatorTest::sessionHost, json).authenticate(request.proxy(), response.proxy());
        return response.status();
    }

    @Test
    void withoutAHostSubjectsServiceNothingGetsThrough() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/").header("Accept", BROWSER_ACCEPT);
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed = new Authenticator(() -> null, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("30");
        assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.body()).contains("<html lang=\"nl\">", "<h1>Tijdelijk niet beschikbaar</h1>");
        assertThat(request.attribute(WebConstants.SUBJECT_ATTRIBUTE)).isNull();

        FakeHttp.Request api = FakeHttp.get("/meerwaarde/api/v1/me").header("Accept", BROWSER_ACCEPT);
        FakeHttp.Response apiResponse = new FakeHttp.Response();
        new Authenticator(() -> null, json).authenticate(api.proxy(), apiResponse.proxy());
        assertThat(apiResponse.contentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(apiResponse.body()).get("status").asInt()).isEqualTo(503);
    }

    @Test
    void aBrowserGetsAFailingHostAsAPageWithTheIncidentAndNoStackTrace() throws Exception {
        FakeSubjects broken = new FakeSubjects(request -> {
            throw new IllegalStateException("connection pool exhausted at jdbc:secret-host");
        });
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/signals").header("Accept", BROWSER_ACCEPT);
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed = new Authenticator(() -> broken, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.body())
                .contains("<h1>Interne serverfout</h1>")
                .doesNotContain("secret-host", "IllegalStateException", "at nl.");
    }

    @Test
    void aFailingHostGets500WithAnIncidentIdAndNoStackTrace() throws Exception {
        FakeSubjects broken = new FakeSubjects(request -> {
            throw new IllegalStateException("connection pool exhausted at jdbc:secret-host");
        });
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/api/v1/me");
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed = new Authenticator(() -> broken, json).authenticate(request.proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(500);
        JsonNode problem = json.readTree(response.body());
        String incident = problem.get("incident").asText();
        assertThat(incident).matches("[0-9a-f-]{36}");
        assertThat(problem.get("instance").asText()).isEqualTo("urn:uuid:" + incident);
        assertThat(problem.get("detail").asText()).contains(incident);
        assertThat(response.body())
                .doesNotContain("IllegalStateException")
                .doesNotContain("secret-host")
                .doesNotContain("at nl.");
    }

    @Test
    void aHostAnsweringNullIsRefusedToo() throws Exception {
        FakeSubjects broken = new FakeSubjects(request -> null);
        FakeHttp.Response response = new FakeHttp.Response();

        boolean passed = new Authenticator(() -> broken, json)
                .authenticate(FakeHttp.get("/meerwaarde/").proxy(), response.proxy());

        assertThat(passed).isFalse();
        assertThat(response.status()).isEqualTo(500);
    }

    @Test
    void theProblemIsInEnglishWhenAskedFor() throws Exception {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/api/v1/me").header("Accept-Language", "en-GB,en;q=0.8");
        FakeHttp.Response response = new FakeHttp.Response();

        new Authenticator(AuthenticatorTest::sessionHost, json).authenticate(request.proxy(), response.proxy());

        assertThat(json.readTree(response.body()).get("title").asText()).isEqualTo("Not signed in");
        assertThat(request.attribute(WebConstants.LOCALE_ATTRIBUTE)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void onlyAPathOnThisServerIsPassedOnAsReturnTo() {
        assertThat(Authenticator.returnTo(
                        FakeHttp.get("/meerwaarde/signals").query("page=2").proxy()))
                .isEqualTo("/meerwaarde/signals?page=2");
        assertThat(Authenticator.returnTo(
                        FakeHttp.get("//evil.example/meerwaarde").proxy()))
                .isEqualTo("/meerwaarde/");
        assertThat(Authenticator.returnTo(FakeHttp.get("/meerwaarde/\\evil").proxy()))
                .isEqualTo("/meerwaarde/");
        assertThat(Authenticator.returnTo(
                        FakeHttp.get("/meerwaarde/x\r\nSet-Cookie: a=b").proxy()))
                .isEqualTo("/meerwaarde/");
    }

    @Test
    void staticFilesMayBeCached() throws Exception {
        FakeHttp.Request request =
                FakeHttp.get("/meerwaarde/static/meerwaarde.css").cookies(new Cookie("HOSTSESSION", "s3cret"));
        FakeHttp.Response response = new FakeHttp.Response();

        new Authenticator(AuthenticatorTest::sessionHost, json).authenticate(request.proxy(), response.proxy());

        assertThat(response.header("Cache-Control")).isNull();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
