package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.api.importing.CsvKind;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.ImportUnavailableException;
import nl.meerwaarde.api.importing.RegistrationImport;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.host.spi.TeamId;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Requests;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /v1/imports/registrations}: a file of historic registrations, as JSON ({@code application/json}, the
 * format of {@code docs/import.md}) or as one CSV file of one kind ({@code text/csv} with {@code ?kind=}). The whole
 * file is checked first and written only when every record is valid (200 with the counts); otherwise nothing is
 * written and the answer is 422 with every invalid record (line, key, field, message). {@code ?dryRun=true} checks
 * and counts without writing. An administrator imports for every team, a worker only for his or her own teams.
 */
@Component(service = ImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Path("v1/imports/registrations")
public final class ImportResource {
    /** Problem type of a file that was refused because of invalid records. */
    static final String INVALID_IMPORT = "tag:meerwaarde.nl,2026:problem:invalid-import";

    static final String CSV = "text/csv";

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RegistrationImport importer;

    private final ObjectMapper json = Json.newMapper();

    public ImportResource() {}

    /** For tests: the importer given. */
    ImportResource(RegistrationImport importer) {
        this.importer = importer;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CSV})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importRegistrations(
            InputStream body,
            @QueryParam("kind") String kind,
            @QueryParam("dryRun") String dryRun,
            @Context HttpServletRequest request) {
        ImportOptions options = options(request, dryRun);
        boolean csv = isCsv(request.getContentType());
        Optional<CsvKind> csvKind = csv ? Optional.of(kind(kind)) : Optional.empty();
        if (!csv && kind != null) {
            throw new InvalidInputException(FieldError.of("kind", FieldCodes.INVALID));
        }
        RegistrationImport service = Problems.require(importer);
        ImportReport report;
        try {
            report = csvKind.isPresent()
                    ? service.importCsv(body, csvKind.get(), options)
                    : service.importJson(body, options);
        } catch (ImportUnavailableException hostMissing) {
            // the importer checks teams and residents through the host SPI; without it nothing can be imported (any
            // other IllegalStateException is a fault, not a reason to try again later)
            throw new ServiceUnavailableException(SignalsResource.RETRY_AFTER_SECONDS);
        }
        return answer(report, options, request);
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV));
    }

    /** Who may import what: an administrator every team, a worker (role WORKER) his or her own; others 403. */
    private static ImportOptions options(HttpServletRequest request, String dryRun) {
        Subject.WorkerSubject worker = Caller.worker(request);
        boolean check = flag("dryRun", dryRun);
        if (worker.hasRole(Role.ADMINISTRATOR)) {
            return new ImportOptions(worker.auditName(), Optional.empty(), check);
        }
        Subject.WorkerSubject writer = Caller.writer(request);
        Set<TeamId> teams = writer.teams();
        return new ImportOptions(writer.auditName(), Optional.of(teams), check);
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isEmpty() || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw new InvalidInputException(FieldError.of(field, FieldCodes.TYPE));
    }

    private static CsvKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(FieldError.of("kind", FieldCodes.REQUIRED));
        }
        try {
            return CsvKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(FieldError.of("kind", FieldCodes.OPTION));
        }
    }

    private Response answer(ImportReport report, ImportOptions options, HttpServletRequest request) {
        Messages messages = Messages.of(Requests.locale(request));
        List<Views.ImportErrorView> errors = report.errors().stream()
                .map(error -> Views.ImportErrorView.of(error, messages))
                .toList();
        if (report.valid()) {
            return Response.ok(Views.ImportReportView.of(report, options.dryRun()), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        Views.ImportProblem problem = new Views.ImportProblem(
                INVALID_IMPORT,
                messages.get("problem.invalidImport.title"),
                422,
                messages.get("problem.invalidImport.detail", report.records(), report.errorCount()),
                report.records(),
                report.errorCount(),
                errors);
        return Response.status(422)
                .type(WebConstants.PROBLEM_JSON)
                .entity(write(problem))
                .build();
    }

    /** Written here, as text, like every problem: an error answer never depends on the JSON provider. */
    private String write(Views.ImportProblem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the import problem as JSON", e);
        }
    }
}
