package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.JOOST;
import static nl.meerwaarde.web.internal.rest.Fakes.MIRA;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.ImportUnavailableException;
import nl.meerwaarde.api.importing.RecordError;
import nl.meerwaarde.api.importing.RegistrationImport;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Json;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: the REST side of the bulk import: who may import for which teams, JSON or CSV by content type, and the
 * importer's report as 200 or as 422 problem details with every invalid record in the user's language. The
 * importer itself is tested in its own bundle and in-framework; here it is a recorder.
 */
class ImportApiTest {
    private final ObjectMapper json = Json.newMapper();
    private final Recorder importer = new Recorder();
    private final ImportResource resource = new ImportResource(importer);

    /** Records what it was asked and answers the report it was given. */
    private static final class Recorder implements RegistrationImport {
        final List<String> calls = new ArrayList<>();
        ImportOptions options;
        ImportReport report = new ImportReport(true, 3, 2, 1, 0, List.of(), 0);
        /** Thrown instead of answering, when set. */
        RuntimeException failure;

        @Override
        public ImportReport importJson(InputStream body, ImportOptions options) {
            calls.add("json " + read(body));
            this.options = options;
            if (failure != null) {
                throw failure;
            }
            return options.dryRun() ? new ImportReport(false, 3, 2, 1, 0, List.of(), 0) : report;
        }

        @Override
        public ImportReport importCsv(InputStream body, CsvKind kind, ImportOptions options) {
            calls.add("csv " + kind + " " + read(body));
            this.options = options;
            return report;
        }

        private static String read(InputStream body) {
            try {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static HttpServletRequest post(Subject subject, String contentType) {
        return FakeHttp.post("/meerwaarde/api/v1/imports/registrations")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, subject)
                .header("Content-Type", contentType)
                .proxy();
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAdministratorImportsJsonForEveryTeam() throws Exception {
        Response response =
                resource.importRegistrations(body("{}"), null, null, post(JOOST, "application/json; charset=UTF-8"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json.valueToTree(response.getEntity()).toString())
                .isEqualTo("{\"committed\":true,\"dryRun\":false,\"records\":3,\"created\":2,\"updated\":1,"
                        + "\"unchanged\":0}");
        assertThat(importer.calls).containsExactly("json {}");
        assertThat(importer.options).isEqualTo(new ImportOptions("worker:w-joost", Optional.empty(), false));
    }

    @Test
    void aWorkerImportsCsvOnlyForOwnTeamsAndMayDryRun() {
        resource.importRegistrations(body("key,title\n"), "activities", null, post(ANNA, "text/csv"));

        assertThat(importer.calls).containsExactly("csv ACTIVITIES key,title\n");
        assertThat(importer.options.teams()).contains(Set.of(Fixtures.NOORD));

        Response dry = resource.importRegistrations(body("{}"), null, "true", post(ANNA, "application/json"));
        assertThat(importer.options.dryRun()).isTrue();
        assertThat(((Views.ImportReportView) dry.getEntity()).committed()).isFalse();
        assertThat(((Views.ImportReportView) dry.getEntity()).dryRun()).isTrue();
    }

    @Test
    void aManagerAndAResidentMayNotImport() {
        assertThatThrownBy(() -> resource.importRegistrations(body("{}"), null, null, post(MIRA, "application/json")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(
                        () -> resource.importRegistrations(body("{}"), null, null, post(RESIDENT, "application/json")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(importer.calls).isEmpty();
    }

    @Test
    void aCsvFileNeedsAKnownKindAndJsonNone() {
        for (String[] bad : new String[][] {
            {"text/csv", null, "kind field.required"},
            {"text/csv", "deelnemers", "kind field.option"},
            {"application/json", "signals", "kind field.invalid"}
        }) {
            InvalidInputException e = catchThrowableOfType(
                    InvalidInputException.class,
                    () -> resource.importRegistrations(body("x"), bad[1], null, post(JOOST, bad[0])));
            assertThat(e.errors())
                    .extracting(err -> err.field() + " " + err.code())
                    .containsExactly(bad[2]);
        }
        InvalidInputException notAFlag = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.importRegistrations(body("{}"), null, "ja", post(JOOST, "application/json")));
        assertThat(notAFlag.errors())
                .extracting(err -> err.field() + " " + err.code())
                .containsExactly("dryRun field.type");
        assertThat(importer.calls).isEmpty();
    }

    @Test
    void anInvalidFileIs422WithEveryRecordInTheUsersLanguage() throws Exception {
        importer.report = new ImportReport(
                false,
                5,
                0,
                0,
                0,
                List.of(
                        RecordError.of(4, "act-7", "activities[1].budget.hours", "field.range", 0, 1000000),
                        RecordError.of(0, null, null, "field.required")),
                2);

        Response response = resource.importRegistrations(body("{}"), null, null, post(JOOST, "application/json"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType().toString()).isEqualTo(WebConstants.PROBLEM_JSON);
        JsonNode problem = json.readTree((String) response.getEntity());
        assertThat(problem.get("type").asText()).isEqualTo(ImportResource.INVALID_IMPORT);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("title").asText()).isEqualTo("Bestand niet ingelezen");
        assertThat(problem.get("detail").asText()).contains("2 fout(en) in 5 record(s)", "niets opgeslagen");
        assertThat(problem.get("records").asInt()).isEqualTo(5);
        assertThat(problem.get("errorCount").asInt()).isEqualTo(2);
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(4);
        assertThat(first.get("key").asText()).isEqualTo("act-7");
        assertThat(first.get("field").asText()).isEqualTo("activities[1].budget.hours");
        assertThat(first.get("code").asText()).isEqualTo("field.range");
        assertThat(first.get("message").asText()).contains("0", "1.000.000");
        JsonNode whole = problem.get("errors").get(1);
        assertThat(whole.get("field").asText()).isEqualTo("file");
        assertThat(whole.has("key")).isFalse();

        HttpServletRequest english = FakeHttp.post("/meerwaarde/api/v1/imports/registrations")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, JOOST)
                .header("Content-Type", "application/json")
                .query("lang=en")
                .proxy();
        JsonNode inEnglish = json.readTree((String)
                resource.importRegistrations(body("{}"), null, null, english).getEntity());
        assertThat(inEnglish.get("title").asText()).isEqualTo("File not imported");
    }
    // issue 3 (review): only a missing host (ImportUnavailableException) is 503; any other IllegalStateException is a
    // fault and must not be hidden as "try again later"
    @Test
    void onlyAMissingHostIsServiceUnavailable() {
        importer.failure = new ImportUnavailableException("No import without the host's Organisation service");
        assertThatThrownBy(() -> resource.importRegistrations(body("{}"), null, null, post(JOOST, "application/json")))
                .isInstanceOf(ServiceUnavailableException.class);

        IllegalStateException fault = new IllegalStateException("a bug");
        importer.failure = fault;
        assertThatThrownBy(() -> resource.importRegistrations(body("{}"), null, null, post(JOOST, "application/json")))
                .isSameAs(fault);
    }
}
