package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** Issue 2: log in through the reference host, see the shell with its screens, call the REST API. */
class WebIT {
    static final String WORKER = "sanne";
    static final String WORKER_PASSWORD = "demo-sanne-2026";

    static URI base;

    @BeforeAll
    static void findServer(@InjectBundleContext BundleContext context) throws Exception {
        base = Runtime.httpEndpoint(context, Duration.ofSeconds(30));
        WebReadiness.awaitShell(context, base);
    }

    @Test
    void aPageWithoutLoginRedirectsToTheLoginPage() throws Exception {
        HttpResponse<String> response = new Browser(base).get("meerwaarde/", "text/html");

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
    }

    @Test
    void theApiWithoutLoginAnswers401AsProblemDetails() throws Exception {
        HttpResponse<String> response = new Browser(base).get("meerwaarde/api/v1/me", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
    }

    @Test
    void theServerRootLeadsToMeerwaarde() throws Exception {
        HttpResponse<String> response = new Browser(base).get("", "text/html");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/meerwaarde/"));
    }

    @Test
    void staticFilesAndUnknownPagesNeedALoginToo() throws Exception {
        Browser anonymous = new Browser(base);

        assertThat(anonymous.get("meerwaarde/static/meerwaarde.css", "text/css").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("meerwaarde/no-such-page", "text/html").statusCode())
                .isEqualTo(303);
        assertThat(anonymous
                        .get("meerwaarde/api/v1/no-such-resource", "application/json")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void afterLogoutTheSessionIsGoneOnTheServer() throws Exception {
        Browser browser = new Browser(base);
        browser.login(WORKER, WORKER_PASSWORD);
        assertThat(browser.get("meerwaarde/api/v1/me", "application/json").statusCode())
                .isEqualTo(200);

        assertThat(browser.postForm("logout", java.util.Map.of()).statusCode()).isEqualTo(303);

        assertThat(browser.get("meerwaarde/api/v1/me", "application/json").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aWorkerSeesOnlyTheActivitiesOfHisOwnTeams() throws Exception {
        Browser sanne = new Browser(base);
        sanne.login(WORKER, WORKER_PASSWORD);
        Browser daan = new Browser(base);
        daan.login("daan", "demo-daan-2026");

        String sannes =
                sanne.get("meerwaarde/api/v1/activities", "application/json").body();
        String daans =
                daan.get("meerwaarde/api/v1/activities", "application/json").body();

        // Team Emmer-Compascuum runs the mothers' group; Team Emmen Centrum the living room and the language cafe.
        assertThat(sannes).contains("Moedergroep").doesNotContain("Sociale huiskamer", "Taalcaf");
        assertThat(daans).contains("Sociale huiskamer").doesNotContain("Moedergroep");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhy() throws Exception {
        HttpResponse<String> response = new Browser(base).login(WORKER, "wrong-password");

        assertThat(response.statusCode()).isNotIn(302, 303);
        assertThat(response.body()).contains("Onbekende gebruikersnaam of wachtwoord");
    }

    @Test
    void aLoggedInWorkerSeesTheShellWithItsScreens() throws Exception {
        Browser browser = new Browser(base);
        HttpResponse<String> login = browser.login(WORKER, WORKER_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);

        HttpResponse<String> shell = browser.get("meerwaarde/", "text/html");

        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.body()).contains("lang=\"nl\"", "Signalen", "Collectieve activiteiten");
    }

    @Test
    void theRestApiAnswersJson() throws Exception {
        Browser browser = new Browser(base);
        browser.login(WORKER, WORKER_PASSWORD);

        HttpResponse<String> me = browser.get("meerwaarde/api/v1/me", "application/json");
        HttpResponse<String> screens = browser.get("meerwaarde/api/v1/screens", "application/json");
        HttpResponse<String> activities = browser.get("meerwaarde/api/v1/activities", "application/json");

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(me.body()).contains("\"kind\":\"worker\"", "Sanne Hendriks");
        assertThat(screens.body()).contains("/meerwaarde/signals", "/meerwaarde/activities");
        assertThat(activities.statusCode()).isEqualTo(200);
        assertThat(activities.body()).startsWith("{").contains("\"items\":[", "Moedergroep");
    }

    @Test
    void theApplicationServesItsOpenApiDocumentAndTheFormScreens() throws Exception {
        Browser browser = new Browser(base);
        browser.login(WORKER, WORKER_PASSWORD);

        HttpResponse<String> openApi = browser.get("meerwaarde/api/v1/openapi.json", "application/json");
        HttpResponse<String> signalForm = browser.get("meerwaarde/signals/new", "text/html");

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"", "3.0.3", "/activities/{id}/stage");
        assertThat(signalForm.statusCode()).isEqualTo(200);
        assertThat(signalForm.body()).contains("id=\"signal-form\"", "name=\"csrf\"", "<label");
    }

    @Test
    void invalidParametersGiveFieldLevelProblemDetailsInDutch() throws Exception {
        Browser browser = new Browser(base);
        browser.login(WORKER, WORKER_PASSWORD);

        HttpResponse<String> response = browser.get("meerwaarde/api/v1/signals?limit=100000", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"limit\"").doesNotContain("at nl.meerwaarde");
    }
}
