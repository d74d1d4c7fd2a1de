package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meerwaarde.api.store.AuditTrail;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 3: the workflow REST API in the running framework — Manouk's journey from a signal to a measured
 * participation in a planned and running activity, with the authorisation and bad-input cases that must never
 * store anything.
 */
class FormsApiIT {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String TEAM = "team-emmer-compascuum";
    private static final String MANOUK = "inw-0001";

    static URI base;

    @InjectService(timeout = 30_000)
    AuditTrail audit;

    @BeforeAll
    static void findServer(@InjectBundleContext BundleContext context) throws Exception {
        base = Runtime.httpEndpoint(context, Duration.ofSeconds(30));
        WebReadiness.awaitShell(context, base);
    }

    @Test
    void manouksSignalBecomesAnActivityWithAMeasuredParticipation() throws Exception {
        Browser sanne = loggedIn(WebIT.WORKER, WebIT.WORKER_PASSWORD);

        HttpResponse<String> signal = sanne.json("POST", "meerwaarde/api/v1/signals", """
                {"team": "%s", "type": "sociaal-isolement", "targetGroups": ["jonge-moeders"],
                 "referrer": "consultatiebureau", "question": "Jonge moeder zoekt contact met andere moeders",
                 "answered": false, "resident": "%s"}
                """.formatted(TEAM, MANOUK));
        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);

        HttpResponse<String> activity = sanne.json("POST", "meerwaarde/api/v1/activities", """
                {"title": "Wandelgroep jonge moeders", "team": "%s", "stage": "PLAN",
                 "targetGroups": ["jonge-moeders"], "startsOn": "2026-09-01",
                 "budget": {"hours": 30, "euros": 450}, "goals": [{"description": "Acht moeders wandelen wekelijks mee"}]}
                """.formatted(TEAM));
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
        String activityId = id(activity.body());

        assertThat(sanne.json("PUT", "meerwaarde/api/v1/signals/" + id(signal.body()) + "/activity", """
                        {"activityId": "%s"}""".formatted(
                                        activityId))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> running =
                sanne.json("POST", "meerwaarde/api/v1/activities/" + activityId + "/stage", "{\"to\": \"EXECUTION\"}");
        assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
        HttpResponse<String> closedTooEarly =
                sanne.json("POST", "meerwaarde/api/v1/activities/" + activityId + "/stage", "{\"to\": \"CLOSED\"}");
        assertThat(closedTooEarly.statusCode()).isEqualTo(400);
        // Closing straight from execution skips impact measurement and evaluation: only with a reason.
        assertThat(closedTooEarly.body())
                .contains("\"field\":\"skipReason\"", "Geef een reden om fase Impact meten over te slaan.");

        String impact = "meerwaarde/api/v1/activities/" + activityId + "/participations/" + MANOUK + "/impact";
        HttpResponse<String> invalid = sanne.json("PUT", impact, """
                {"answers": [{"linkId": "geholpen", "values": [true]}, {"linkId": "cijfer", "values": [11]}]}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"cijfer\"", "\"code\":\"field.range\"");
        assertThat(sanne.get(impact, "application/json").statusCode())
                .as("nothing stored after invalid input")
                .isEqualTo(404);

        HttpResponse<String> measured = sanne.json("PUT", impact, """
                {"answers": [{"linkId": "geholpen", "values": [true]},
                             {"linkId": "cijfer", "values": [8]},
                             {"linkId": "dimensies", "values": ["verbonden", "erkend"]},
                             {"linkId": "uitspraken", "values": ["Ik ben niet meer de enige."]}]}""");
        assertThat(measured.statusCode()).as(measured.body()).isIn(200, 201);
        HttpResponse<String> read = sanne.get(impact, "application/json");
        assertThat(read.statusCode()).isEqualTo(200);
        // the choice is kept as codes and comes back as plain codes, as it was sent
        assertThat(read.body())
                .contains(
                        "Ik ben niet meer de enige.",
                        "{\"linkId\":\"dimensies\",\"values\":[\"verbonden\",\"erkend\"]}");

        assertThat(audit.about(new ResidentId(MANOUK)))
                .extracting(AuditEvent::objectType, AuditEvent::action)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("measurement", "create"),
                        org.assertj.core.groups.Tuple.tuple("measurement", "read"));
    }

    @Test
    void anotherTeamNeitherSeesNorChangesTheActivity() throws Exception {
        Browser sanne = loggedIn(WebIT.WORKER, WebIT.WORKER_PASSWORD);
        Browser daan = loggedIn("daan", "demo-daan-2026");
        HttpResponse<String> created = sanne.json("POST", "meerwaarde/api/v1/activities", """
                {"title": "Koffieochtend", "team": "%s", "stage": "PLAN"}""".formatted(TEAM));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String activity = "meerwaarde/api/v1/activities/" + id(created.body());

        assertThat(daan.get(activity, "application/json").statusCode()).isEqualTo(404);
        assertThat(daan.json("POST", activity + "/stage", "{\"to\": \"EXECUTION\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(daan.json("POST", "meerwaarde/api/v1/activities", """
                        {"title": "Niet van mij", "team": "%s", "stage": "PLAN"}""".formatted(TEAM))
                        .statusCode())
                .isEqualTo(400);
        assertThat(new Browser(base)
                        .json("POST", activity + "/stage", "{\"to\": \"EXECUTION\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(sanne.get(activity, "application/json").body()).contains("\"stage\":\"PLAN\"");
    }

    @Test
    void badInputGetsAClearFourHundredAndStoresNothing() throws Exception {
        Browser sanne = loggedIn(WebIT.WORKER, WebIT.WORKER_PASSWORD);
        String before = sanne.get("meerwaarde/api/v1/signals?limit=200", "application/json")
                .body();

        for (String body : new String[] {
            "{\"team\": ",
            "[1, 2, 3]",
            "{\"team\": \"" + TEAM + "\", \"type\": 42}",
            "{\"team\": \"" + TEAM + "\", \"type\": \"x\", \"bsn\": \"123456782\"}",
            "{\"team\": \"" + TEAM + "\", \"type\": \"'; DROP TABLE mw_signal; --\", \"registeredOn\": \"gisteren\"}",
            "{\"team\": \"" + TEAM + "\", \"type\": \"" + "x".repeat(5_000) + "\"}"
        }) {
            HttpResponse<String> response = sanne.json("POST", "meerwaarde/api/v1/signals", body);
            assertThat(response.statusCode())
                    .as(body.length() > 80 ? body.substring(0, 80) : body)
                    .isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception", "at nl.meerwaarde");
        }
        HttpResponse<String> huge =
                sanne.json("POST", "meerwaarde/api/v1/signals", "{\"question\": \"" + "x".repeat(2_000_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);

        assertThat(sanne.get("meerwaarde/api/v1/signals?limit=200", "application/json")
                        .body())
                .isEqualTo(before);
    }

    private static Browser loggedIn(String user, String password) throws Exception {
        Browser browser = new Browser(base);
        assertThat(browser.login(user, password).statusCode()).isEqualTo(303);
        return browser;
    }

    private static String id(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("an id in " + json).isTrue();
        return matcher.group(1);
    }
}
