package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.RegistrationImport;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.api.store.ActivityStore;
import nl.meerwaarde.api.store.SignalStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 3: the bulk import in the running framework, with the documented examples of {@code docs/examples}: the
 * service, the REST call (JSON and CSV, refused files answered 422 with nothing written) and the Gogo/Karaf command.
 */
class ImportIT {
    static URI base;

    @InjectService(timeout = 30_000)
    RegistrationImport importer;

    @InjectService(timeout = 30_000)
    ActivityStore activities;

    @InjectService(timeout = 30_000)
    SignalStore signals;

    @BeforeAll
    static void findServer(@InjectBundleContext BundleContext context) throws Exception {
        base = Runtime.httpEndpoint(context, Duration.ofSeconds(30));
        WebReadiness.awaitShell(context, base);
    }

    static String example(String name) {
        try (InputStream in = ImportIT.class.getResourceAsStream("/examples/" + name)) {
            assertThat(in).as("docs/examples/%s in the test bundle", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDocumentedJsonExampleImportsOnceAndAgainChangesNothing() {
        String json = example("registrations.json");

        ImportReport first = importer.importJson(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.allTeams("command:it"));
        assertThat(first.errors()).isEmpty();
        assertThat(first.committed()).isTrue();

        ImportReport again = importer.importJson(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ImportOptions.allTeams("command:it"));
        assertThat(again.committed()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.records());

        CollectiveActivity moedergroep =
                activities.find(RegistrationKeys.activityId("ACT-2023-017")).orElseThrow();
        assertThat(moedergroep.partners()).contains("Consultatiebureau");
        assertThat(signals.find(RegistrationKeys.signalId("SIG-2023-0412"))
                        .orElseThrow()
                        .activity())
                .contains(moedergroep.id());
    }

    @Test
    void overRestAnAdministratorImportsCsvAndABadFileIs422WithNothingWritten() throws Exception {
        Browser joost = new Browser(base);
        joost.login("joost", "demo-joost-2026");

        HttpResponse<String> dryRun = joost.post(
                "meerwaarde/api/v1/imports/registrations?kind=activities&dryRun=true",
                "text/csv",
                example("activities.csv"));
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.body()).contains("\"committed\":false", "\"dryRun\":true");

        HttpResponse<String> csv = joost.post(
                "meerwaarde/api/v1/imports/registrations?kind=activities", "text/csv", example("activities.csv"));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("\"committed\":true");

        String broken = example("activities.csv").replace("gemeente-emmen", "gemeente-nergens");
        HttpResponse<String> refused =
                joost.post("meerwaarde/api/v1/imports/registrations?kind=activities", "text/csv", broken);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body())
                .contains("\"type\":\"tag:meerwaarde.nl,2026:problem:invalid-import\"", "\"field\":\"funder\"");
        assertThat(activities
                        .find(RegistrationKeys.activityId("ACT-2023-017"))
                        .orElseThrow()
                        .funder())
                .as("the refused file changed nothing")
                .hasValueSatisfying(funder -> assertThat(funder.value()).isEqualTo("gemeente-emmen"));
    }

    @Test
    void aWorkerMayImportOnlyTheRecordsOfOwnTeams() throws Exception {
        Browser sanne = new Browser(base);
        sanne.login(WebIT.WORKER, WebIT.WORKER_PASSWORD);

        HttpResponse<String> otherTeam =
                sanne.json("POST", "meerwaarde/api/v1/imports/registrations", example("registrations.json"));

        assertThat(otherTeam.statusCode()).as(otherTeam.body()).isEqualTo(422);
        assertThat(otherTeam.body()).contains("\"code\":\"team.notMember\"", "\"key\":\"ACT-2023-021\"");
    }

    @Test
    void theCommandImportsAFileFromDisk(@InjectBundleContext BundleContext context, @TempDir Path dir)
            throws Exception {
        // the signals are clustered onto an activity of the examples: it must be there first
        ImportReport activitiesFirst = importer.importCsv(
                new java.io.ByteArrayInputStream(example("activities.csv").getBytes(StandardCharsets.UTF_8)),
                nl.meerwaarde.api.importing.CsvKind.ACTIVITIES,
                ImportOptions.allTeams("command:it"));
        assertThat(activitiesFirst.errors()).isEmpty();
        Path file = dir.resolve("signals.csv");
        Files.writeString(file, example("signals.csv"), StandardCharsets.UTF_8);
        // a command is found by its properties, whatever its class, as Gogo and the Karaf shell find it
        ServiceReference<?>[] commands = context.getAllServiceReferences(
                null, "(&(osgi.command.scope=meerwaarde)(osgi.command.function=import))");
        assertThat(commands).hasSize(1);
        Object command = context.getService(commands[0]);
        try {
            // Gogo and the Karaf shell call "import" as _import (a Java keyword); so does this test.
            Method run = command.getClass().getMethod("_import", String.class);
            ImportReport report = (ImportReport) run.invoke(command, file.toString());
            assertThat(report.errors()).isEmpty();
            assertThat(report.committed()).isTrue();
        } finally {
            context.ungetService(commands[0]);
        }
    }
}
