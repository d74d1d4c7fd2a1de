package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RegistrationImport;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.api.kpi.KpiEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 4: the KPI engine in the running framework, read over REST for every kind of scope, on the golden data set of
 * {@code docs/examples/kpi-golden.json} (the only registrations of 2025 in this framework: the demo data is of 2026,
 * the import examples of 2023). The expected figures are those computed by hand in {@code docs/kpi-golden.md}.
 */
class KpiIT {
    static final String RESULTS = "meerwaarde/api/v1/kpis/results?";
    static URI base;

    @InjectService(timeout = 30_000)
    KpiEngine engine;

    @BeforeAll
    static void importGoldenData(
            @InjectBundleContext BundleContext context, @InjectService(timeout = 30_000) RegistrationImport importer)
            throws Exception {
        base = Runtime.httpEndpoint(context, Duration.ofSeconds(30));
        WebReadiness.awaitShell(context, base);
        ImportReport report = importer.importJson(
                new ByteArrayInputStream(ImportIT.example("kpi-golden.json").getBytes(StandardCharsets.UTF_8)),
                ImportOptions.allTeams("command:kpi-it"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.committed()).isTrue();
    }

    static Browser manager() throws Exception {
        Browser fatima = new Browser(base);
        fatima.login("fatima", "demo-fatima-2026");
        return fatima;
    }

    @Test
    void theEngineOffersTheShippedLibraries() {
        assertThat(engine.definitions()).extracting(d -> d.library()).contains("tinten", "sector-model");
        assertThat(engine.definitions().stream().filter(d -> d.library().equals("tinten")))
                .hasSize(23);
    }

    @Test
    void organisation() throws Exception {
        HttpResponse<String> answer =
                manager().get(RESULTS + "set=tinten&scope=organisation&period=2025", "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "\"scope\":{\"kind\":\"organisation\"}",
                        "\"period\":{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}",
                        "\"kpi\":\"tinten-1\",",
                        "{\"value\":\"8\",\"n\":8}",
                        "{\"value\":\"53\",\"n\":53,\"known\":11,\"anonymous\":42}",
                        "{\"value\":\"49.5833333333\",\"exact\":\"595/12\",\"n\":6,\"numerator\":\"297.5\","
                                + "\"denominator\":\"6\"}",
                        "{\"value\":\"75\",\"n\":28,\"numerator\":\"21\",\"denominator\":\"28\"}",
                        "{\"group\":\"erkend\",\"value\":\"37.5\",\"n\":8,\"numerator\":\"3\",\"denominator\":\"8\","
                                + "\"quotes\":[");
    }

    @Test
    void teamOfTheWorker() throws Exception {
        Browser sanne = new Browser(base);
        sanne.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);

        HttpResponse<String> own = sanne.get(
                RESULTS
                        + "kpi=tinten-14&kpi=tinten-21&scope=team&id=team-emmer-compascuum&from=2025-01-01&to=2025-12-31",
                "application/json");
        HttpResponse<String> organisation =
                sanne.get(RESULTS + "kpi=tinten-1&scope=organisation&period=2025", "application/json");
        HttpResponse<String> otherTeam =
                sanne.get(RESULTS + "kpi=tinten-1&scope=team&id=team-emmen-centrum&period=2025", "application/json");

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body())
                .contains(
                        "{\"value\":\"7.25\",\"n\":4,\"numerator\":\"29\",\"denominator\":\"4\"}",
                        "{\"value\":\"75\",\"n\":4,\"numerator\":\"3\",\"denominator\":\"4\"}");
        assertThat(organisation.statusCode()).isEqualTo(403);
        assertThat(otherTeam.statusCode()).isEqualTo(403);
    }

    @Test
    void activity() throws Exception {
        String a1 = RegistrationKeys.activityId("GOLD-A1").value().toString();

        HttpResponse<String> answer = manager()
                .get(
                        RESULTS + "kpi=tinten-5&kpi=tinten-14&scope=activity&id=" + a1 + "&period=2025",
                        "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "{\"value\":\"4\",\"n\":1,\"numerator\":\"4\",\"denominator\":\"1\"}",
                        "{\"value\":\"7\",\"n\":3,\"numerator\":\"21\",\"denominator\":\"3\"}");
    }

    @Test
    void targetGroup() throws Exception {
        HttpResponse<String> answer = manager()
                .get(
                        RESULTS + "kpi=tinten-4&kpi=tinten-23&scope=targetGroup&id=ouderen&period=2025",
                        "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
                .contains("{\"value\":\"43\",\"n\":43,\"known\":1,\"anonymous\":42}", "{\"value\":\"12\",\"n\":1}");
    }

    @Test
    void funder() throws Exception {
        HttpResponse<String> answer = manager()
                .get(
                        RESULTS + "kpi=tinten-8&kpi=tinten-23&scope=funder&id=gemeente-emmen&period=2025",
                        "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "{\"value\":\"61.5\",\"n\":4,\"numerator\":\"246\",\"denominator\":\"4\"}",
                        "{\"value\":\"30\",\"n\":4}");
    }

    @Test
    void badQueriesAreRefusedWithEveryFieldNamed() throws Exception {
        HttpResponse<String> answer =
                manager().get(RESULTS + "kpi=tinten-99&scope=wijk&period=2025-Q5", "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body())
                .contains("\"field\":\"kpi[0]\"", "\"field\":\"scope\"", "\"field\":\"period\"")
                .doesNotContain("Exception");

        HttpResponse<String> farAway = manager()
                .get(
                        RESULTS + "kpi=tinten-1&scope=organisation&from=%2B999999999-01-01&to=%2B999999999-01-02",
                        "application/json");
        assertThat(farAway.statusCode()).as(farAway.body()).isEqualTo(400);
        assertThat(farAway.body()).contains("\"field\":\"from\"", "\"field\":\"to\"");

        for (String unknown : List.of(
                "scope=team&id=team-nergens",
                "scope=funder&id=gemeente-nergens",
                "scope=activity&id="
                        + RegistrationKeys.activityId("GOLD-NERGENS").value())) {
            HttpResponse<String> none =
                    manager().get(RESULTS + "kpi=tinten-1&period=2025&" + unknown, "application/json");
            assertThat(none.statusCode()).as(unknown + ": " + none.body()).isEqualTo(404);
            assertThat(none.body()).doesNotContain("Exception");
        }

        Browser sanne = new Browser(base);
        sanne.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);
        assertThat(sanne.get("meerwaarde/api/v1/external-figures?municipality=0114&period=2025", "application/json")
                        .statusCode())
                .as("external figures stand beside organisation-wide figures: not for a worker")
                .isEqualTo(403);
        assertThat(sanne.get(
                                RESULTS + "kpi=tinten-1&scope=activity&id="
                                        + RegistrationKeys.activityId("GOLD-A4").value() + "&period=2025",
                                "application/json")
                        .statusCode())
                .as("an activity of another team")
                .isEqualTo(403);
    }

    @Test
    void aManagerComposesAFundersKpiSetAndTheResultsFollowIt() throws Exception {
        Browser fatima = manager();

        HttpResponse<String> saved = fatima.json(
                "PUT",
                "meerwaarde/api/v1/kpi-sets/gemeente-emmen-2025",
                "{\"name\":\"Verantwoording Emmen\",\"funder\":\"gemeente-emmen\",\"kpis\":[\"tinten-23\",\"tinten-8\"]}");
        HttpResponse<String> results = fatima.get(
                RESULTS + "set=gemeente-emmen-2025&scope=funder&id=gemeente-emmen&period=2025", "application/json");
        HttpResponse<String> refused = fatima.json(
                "PUT", "meerwaarde/api/v1/kpi-sets/kapot", "{\"name\":\"\",\"kpis\":[\"tinten-1\",\"tinten-99\"]}");
        Browser sanne = new Browser(base);
        sanne.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);
        HttpResponse<String> worker =
                sanne.json("PUT", "meerwaarde/api/v1/kpi-sets/eigen", "{\"name\":\"Eigen\",\"kpis\":[\"tinten-1\"]}");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
        assertThat(results.body())
                .contains("\"kpi\":\"tinten-23\"", "\"kpi\":\"tinten-8\"", "{\"value\":\"30\",\"n\":4}")
                .doesNotContain("\"kpi\":\"tinten-1\"");
        assertThat(results.body().indexOf("tinten-23"))
                .isLessThan(results.body().indexOf("tinten-8"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"name\"", "\"field\":\"kpis[1]\"");
        assertThat(worker.statusCode()).isEqualTo(403);
    }

    @Test
    void externalFiguresAreStoredAllOrNoneAndReadBackPerMunicipality() throws Exception {
        Browser fatima = manager();
        String figure = "{\"kpi\":\"swn-eenzaamheid\",\"municipality\":\"0114\",\"from\":\"2024-01-01\","
                + "\"to\":\"2024-12-31\",\"value\":\"48.5\",\"n\":1204,\"source\":\"GGD Gezondheidsmonitor\"}";
        String computedKpi = figure.replace("swn-eenzaamheid", "tinten-1").replace("2024-", "2023-");
        // a data directory kept from an earlier local run may hold the figure already
        fatima.json(
                "DELETE",
                "meerwaarde/api/v1/external-figures?kpi=swn-eenzaamheid&municipality=0114&from=2024-01-01&to=2024-12-31",
                "");

        HttpResponse<String> refused = fatima.json(
                "PUT", "meerwaarde/api/v1/external-figures", "{\"figures\":[" + figure + "," + computedKpi + "]}");
        HttpResponse<String> nothing =
                fatima.get("meerwaarde/api/v1/external-figures?municipality=0114&period=2024", "application/json");
        HttpResponse<String> saved =
                fatima.json("PUT", "meerwaarde/api/v1/external-figures", "{\"figures\":[" + figure + "]}");
        HttpResponse<String> read =
                fatima.get("meerwaarde/api/v1/external-figures?municipality=0114&period=2024", "application/json");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"figures[1].kpi\"");
        assertThat(nothing.body()).isEqualTo("[]");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).isEqualTo("{\"saved\":1}");
        assertThat(read.body())
                .contains(
                        "\"kpi\":\"swn-eenzaamheid\"",
                        "\"from\":\"2024-01-01\",\"to\":\"2024-12-31\",\"value\":\"48.5\",\"n\":1204");
    }

    @Test
    void anAdministratorPublishesTheOrganisationsOwnLibraryAndItIsComputedAtOnce() throws Exception {
        Browser joost = new Browser(base);
        joost.login("joost", "demo-joost-2026");
        String library = """
                {"format": "meerwaarde-kpi-library", "formatVersion": 1, "id": "welzijn-emmen",
                 "name": "Eigen KPI's Welzijn Emmen", "description": "Wat de gemeente Emmen extra vraagt.",
                 "kpis": [{"id": "emmen-beantwoorde-signalen", "name": "Beantwoorde signalen",
                           "description": "Signalen die als beantwoord zijn gemarkeerd.", "level": "output",
                           "unit": "signals", "source": "registrations",
                           "formula": {"count": "signal.id", "where": [{"field": "signal.answered", "is": true}]}}]}""";

        HttpResponse<String> published = joost.json("PUT", "meerwaarde/api/v1/kpi-libraries/welzijn-emmen", library);
        HttpResponse<String> results = joost.get(
                RESULTS + "kpi=emmen-beantwoorde-signalen&scope=organisation&period=2025", "application/json");
        HttpResponse<String> wrongId = joost.json("PUT", "meerwaarde/api/v1/kpi-libraries/anders", library);
        HttpResponse<String> shipped =
                joost.json("PUT", "meerwaarde/api/v1/kpi-libraries/tinten", library.replace("welzijn-emmen", "tinten"));
        HttpResponse<String> sql = joost.json(
                "PUT",
                "meerwaarde/api/v1/kpi-libraries/welzijn-emmen",
                library.replace("\"signal.id\", \"where\"", "\"signal.id; DROP TABLE mw_signal\", \"where\""));
        Browser sanne = new Browser(base);
        sanne.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);
        HttpResponse<String> worker = sanne.json("PUT", "meerwaarde/api/v1/kpi-libraries/welzijn-emmen", library);
        HttpResponse<String> listed = sanne.get("meerwaarde/api/v1/kpi-libraries", "application/json");

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(published.body()).contains("\"origin\":\"published\"", "\"kpis\":1", "\"changedBy\":");
        assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
        assertThat(results.body()).contains("{\"value\":\"5\",\"n\":5}");
        assertThat(wrongId.statusCode()).isEqualTo(400);
        assertThat(wrongId.body()).contains("\"field\":\"id\"", "\"code\":\"kpi.libraryId\"");
        assertThat(shipped.statusCode()).isEqualTo(400);
        assertThat(shipped.body()).contains("\"code\":\"kpi.libraryReadOnly\"");
        assertThat(sql.statusCode()).isEqualTo(400);
        assertThat(sql.body()).contains("\"field\":\"kpis[0].formula.count\"", "\"code\":\"formula.unknownField\"");
        assertThat(worker.statusCode()).isEqualTo(403);
        assertThat(listed.body()).contains("\"id\":\"tinten\"", "\"origin\":\"shipped\"", "\"id\":\"welzijn-emmen\"");

        HttpResponse<String> removed = joost.json("DELETE", "meerwaarde/api/v1/kpi-libraries/welzijn-emmen", "");
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(joost.get(
                                RESULTS + "kpi=emmen-beantwoorde-signalen&scope=organisation&period=2025",
                                "application/json")
                        .statusCode())
                .isEqualTo(400);
    }
}
