package nl.meerwaarde.host.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logic behind /login and /logout, without a servlet container (the in-framework tests cover HTTP). */
class LoginControllerTest {
    private static final String HOST = "localhost:8080";
    private static final String ORIGIN = "http://localhost:8080";

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:30:00Z"));
    private HostDatabase database;
    private SessionService sessions;
    private LoginController controller;

    @BeforeEach
    void openHost() {
        database = TestHosts.database(directory, true);
        sessions = TestHosts.sessions(database, clock);
        Authenticator authenticator = TestHosts.authenticator(database, sessions, clock);
        ReferenceOrganisation organisation = new ReferenceOrganisation(database.dataSource());
        controller = new LoginController(authenticator, organisation::name, false);
    }

    @AfterEach
    void closeHost() {
        database.close();
    }

    @Test
    void theFormIsAnAccessibleDutchPage() {
        WebAnswer answer = controller.showLogin("/meerwaarde/activities");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        String html = answer.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"nl\">");
        assertThat(html).contains("<title>Inloggen – Welzijn Emmen (demo)</title>");
        assertThat(html).contains("<label for=\"gebruikersnaam\">Gebruikersnaam</label>");
        assertThat(html).contains("<input id=\"gebruikersnaam\" name=\"username\"");
        assertThat(html).contains("<label for=\"wachtwoord\">Wachtwoord</label>");
        assertThat(html).contains("<input id=\"wachtwoord\" name=\"password\" type=\"password\"");
        assertThat(html).contains("autocomplete=\"current-password\"");
        assertThat(html).contains(":focus-visible{outline:3px solid");
        assertThat(html).contains("name=\"returnTo\" value=\"/meerwaarde/activities\"");
        assertThat(html).doesNotContain("aria-invalid=\"true\"").doesNotContain("role=\"alert\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
    }

    @Test
    void theStyleSheetIsAllowedByItsHashAndNothingElseLoads() throws Exception {
        WebAnswer answer = controller.showLogin(null);

        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(answer.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.header("Content-Security-Policy"))
                .startsWith("default-src 'none'")
                .contains("style-src 'sha256-" + hash + "'")
                .contains("form-action 'self'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void anOpenRedirectInTheFormBecomesTheDefault() {
        assertThat(controller.showLogin("https://evil.example/").body())
                .contains("name=\"returnTo\" value=\"/meerwaarde/\"")
                .doesNotContain("evil");
    }

    @Test
    void theReturnPathIsEscapedInTheForm() {
        assertThat(controller.showLogin("/meerwaarde/?a=1&b='x'").body())
                .contains("name=\"returnTo\" value=\"/meerwaarde/?a=1&amp;b=&#39;x&#39;\"");
        assertThat(controller.showLogin("/meerwaarde/?q=\"><script>").body())
                .contains("name=\"returnTo\" value=\"/meerwaarde/\"")
                .doesNotContain("<script>");
    }

    @Test
    void aGoodLoginSetsTheCookieAndGoesBack() {
        WebAnswer answer = controller.login("sanne", "demo-sanne-2026", "/meerwaarde/signals", ORIGIN, HOST);

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/meerwaarde/signals");
        String cookie = answer.header("Set-Cookie");
        assertThat(cookie).matches("MW_SESSION=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
        String token = cookie.substring("MW_SESSION=".length(), "MW_SESSION=".length() + 43);
        assertThat(sessions.resolve(token)).isPresent();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void withoutAReturnPathItGoesToMeerwaarde() {
        WebAnswer answer = controller.login("daan", "demo-daan-2026", null, null, HOST);

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/meerwaarde/");
    }

    @Test
    void anOpenRedirectAfterLoginIsRefused() {
        WebAnswer answer = controller.login("daan", "demo-daan-2026", "//evil.example/", ORIGIN, HOST);

        assertThat(answer.header("Location")).isEqualTo("/meerwaarde/");
    }

    @Test
    void aSecureCookieWhenConfigured() {
        LoginController secure = new LoginController(
                TestHosts.authenticator(database, sessions, clock), () -> "Welzijn Emmen (demo)", true);

        assertThat(secure.login("sanne", "demo-sanne-2026", null, ORIGIN, HOST).header("Set-Cookie"))
                .endsWith("; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void unknownNameAndWrongPasswordShowTheSameMessage() {
        WebAnswer wrongPassword = controller.login("sanne", "wrong", "/meerwaarde/", ORIGIN, HOST);
        WebAnswer unknownName = controller.login("onbekend", "wrong", "/meerwaarde/", ORIGIN, HOST);

        for (WebAnswer answer : new WebAnswer[] {wrongPassword, unknownName}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Set-Cookie")).isNull();
            assertThat(answer.body())
                    .contains("<div class=\"fout\" id=\"login-fout\" role=\"alert\"><p>"
                            + "Onbekende gebruikersnaam of wachtwoord.</p></div>")
                    .contains("aria-invalid=\"true\" aria-describedby=\"login-fout\"");
        }
        assertThat(wrongPassword.body().replace("sanne", "onbekend")).isEqualTo(unknownName.body());
    }

    @Test
    void theTypedNameIsKeptAndEscapedButNeverThePassword() {
        WebAnswer answer = controller.login("<b>sanne</b>", "geheim-wachtwoord", null, ORIGIN, HOST);

        assertThat(answer.body()).contains("value=\"&lt;b&gt;sanne&lt;/b&gt;\"").doesNotContain("geheim-wachtwoord");
    }

    @Test
    void tooManyFailuresAreRefusedWith429() {
        for (int i = 0; i < LoginBrake.MAX_FAILURES; i++) {
            controller.login("fatima", "guess-" + i, null, ORIGIN, HOST);
        }

        WebAnswer answer = controller.login("fatima", "demo-fatima-2026", null, ORIGIN, HOST);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("900");
        assertThat(answer.header("Set-Cookie")).isNull();
        assertThat(answer.body()).contains("Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.");
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        WebAnswer answer = controller.login("sanne", "demo-sanne-2026", null, "https://evil.example", HOST);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Set-Cookie")).isNull();
        assertThat(LoginController.sameOrigin("null", HOST)).isFalse();
        assertThat(LoginController.sameOrigin(ORIGIN, HOST)).isTrue();
        assertThat(LoginController.sameOrigin(null, HOST)).isTrue();
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        WebAnswer login = controller.login("joost", "demo-joost-2026", null, ORIGIN, HOST);
        String token = login.header("Set-Cookie").substring("MW_SESSION=".length(), "MW_SESSION=".length() + 43);

        WebAnswer logout = controller.logout(Optional.of(token), ORIGIN, HOST);

        assertThat(logout.status()).isEqualTo(303);
        assertThat(logout.header("Location")).isEqualTo("/login");
        assertThat(logout.header("Set-Cookie")).startsWith("MW_SESSION=; Path=/; Max-Age=0;");
        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void logoutWithoutASessionStillClearsTheCookie() {
        assertThat(controller.logout(Optional.empty(), null, HOST).header("Set-Cookie"))
                .startsWith("MW_SESSION=;");
        assertThat(controller
                        .logout(Optional.of("x"), "https://evil.example", HOST)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theLogoutPageAsksToConfirmWithAPost() {
        assertThat(controller.showLogout().body())
                .contains("<html lang=\"nl\">")
                .contains("<form method=\"post\" action=\"/logout\">")
                .contains("<button type=\"submit\">Uitloggen</button>");
    }

    @Test
    void aFailureShowsNoTechnicalDetails() {
        WebAnswer answer = LoginController.failure();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body())
                .contains("Er ging iets mis")
                .doesNotContain("Exception")
                .doesNotContain("at nl.");
    }
}
