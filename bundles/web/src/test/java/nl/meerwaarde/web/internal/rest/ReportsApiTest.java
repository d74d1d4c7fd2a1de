package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.BRAM;
import static nl.meerwaarde.web.internal.rest.Fakes.MIRA;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiLevel;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.api.store.KpiSetStore;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.web.internal.report.ReportJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/kpi-reports}: starting a report, its status and its file; bad input, access, other users' jobs. */
class ReportsApiTest {
    private final Engine engine = new Engine();
    private final Fakes.Activities activities = new Fakes.Activities();
    private final Sets sets = new Sets();
    private final ReportJobs jobs = new ReportJobs(engine, activities, new Fakes.Org(), Fakes.CLOCK);
    private final ReportsResource resource = new ReportsResource(jobs, engine, activities, sets);

    ReportsApiTest() {
        jobs.activate();
    }

    @AfterEach
    void stop() {
        jobs.deactivate();
    }

    private static ReportsResource.KpiReportOrder order(
            String set, String scope, String id, String period, String format) {
        return new ReportsResource.KpiReportOrder(set, null, scope, id, period, null, null, format);
    }

    @Test
    void aManagerStartsAReportForAFunderAndFetchesItsFile() {
        Response response = resource.start(order("emmen", "funder", "gemeente-emmen", "2026", "csv"), as(MIRA));

        assertThat(response.getStatus()).isEqualTo(202);
        ReportsResource.KpiReportJob started = (ReportsResource.KpiReportJob) response.getEntity();
        assertThat(response.getLocation().toString()).isEqualTo("v1/kpi-reports/" + started.id());
        assertThat(started.format()).isEqualTo("csv");
        assertThat(started.status()).isIn("queued", "running", "done");
        jobs.await("w-mira", UUID.fromString(started.id()), Duration.ofSeconds(10));

        ReportsResource.KpiReportJob done = resource.status(started.id(), as(MIRA));
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.file()).contains("v1/kpi-reports/" + started.id() + "/file");
        assertThat(engine.scopes).containsExactly(new Scope.FunderScope(new FunderId("gemeente-emmen")));
        Response file = resource.file(started.id(), as(MIRA));
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getMediaType().toString()).startsWith("text/csv");
        assertThat(file.getHeaderString("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kpi-rapport-emmen-2026-01-01.csv\"");
        assertThat(new String((byte[]) file.getEntity(), StandardCharsets.UTF_8))
                .contains("tinten-1;Aantal signalen");
    }

    @Test
    void anotherUsersJobIsNotFound() {
        Response response = resource.start(order("tinten", "team", "team-noord", "2026-Q1", "pdf"), as(ANNA));
        String id = ((ReportsResource.KpiReportJob) response.getEntity()).id();

        assertThatThrownBy(() -> resource.status(id, as(BRAM))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.file(id, as(BRAM))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.status(UUID.randomUUID().toString(), as(ANNA)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.status("not-a-job", as(ANNA))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badParametersAreRefusedWithAnErrorPerField() {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.start(order("geen-set", "planeet", null, "2026-13", "docx"), as(MIRA)));

        assertThat(e.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "set field.option", "scope field.option", "period field.invalid", "format field.option");
        InvalidInputException empty =
                catchThrowableOfType(InvalidInputException.class, () -> resource.start(null, as(MIRA)));
        assertThat(empty.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "kpis field.required",
                        "scope field.required",
                        "period field.required",
                        "format field.required");
        InvalidInputException kpis = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.start(
                        new ReportsResource.KpiReportOrder(
                                null,
                                List.of("tinten-1", "bestaat-niet"),
                                "activity",
                                "123",
                                null,
                                "2026-02-01",
                                "2025-01-01",
                                "pdf"),
                        as(MIRA)));
        assertThat(kpis.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly("kpis[1] field.option", "id field.invalid", "to field.range");
        assertThat(engine.scopes).isEmpty();
    }

    @Test
    void aWorkerMayNotReportOnTheOrganisationNorOnAnotherTeam() {
        assertThatThrownBy(() -> resource.start(order("tinten", "organisation", null, "2026", "pdf"), as(ANNA)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.start(order("tinten", "team", "team-zuid", "2026", "pdf"), as(ANNA)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.start(order("tinten", "team", "team-noord", "2026", "pdf"), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(resource.start(order("tinten", "team", "team-noord", "2026", "pdf"), as(ANNA))
                        .getStatus())
                .isEqualTo(202);
    }

    @Test
    void aFourthReportAtOnceIsTooManyRequests() {
        engine.slow = true;
        for (int i = 0; i < ReportJobs.MAX_PER_USER; i++) {
            resource.start(order("tinten", "team", "team-noord", "2026", "pdf"), as(ANNA));
        }

        WebApplicationException e = catchThrowableOfType(
                WebApplicationException.class,
                () -> resource.start(order("tinten", "team", "team-noord", "2026", "pdf"), as(ANNA)));

        assertThat(e.getResponse().getStatus()).isEqualTo(429);
        engine.slow = false;
    }

    /** One KPI of one library; records the scopes it computes. */
    static final class Engine implements KpiEngine {
        final List<Scope> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean slow;

        @Override
        public List<KpiDefinition> definitions() {
            return List.of(new KpiDefinition(
                    "tinten-1",
                    1,
                    "tinten",
                    "Aantal signalen",
                    "Signalen in de periode",
                    KpiLevel.INPUT,
                    Optional.empty(),
                    Optional.empty(),
                    "signals",
                    KpiSource.REGISTRATIONS,
                    Optional.of("{}"),
                    Optional.empty(),
                    false));
        }

        @Override
        public Optional<KpiDefinition> definition(String id) {
            return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period) {
            while (slow) {
                Thread.onSpinWait();
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("stopped");
                }
            }
            scopes.add(scope);
            List<KpiResult> results = new ArrayList<>();
            for (String id : kpiIds) {
                results.add(new KpiResult(
                        id,
                        scope,
                        period,
                        List.of(new KpiValue(
                                Optional.empty(),
                                Optional.of(BigDecimal.TEN),
                                Optional.empty(),
                                10,
                                Optional.empty(),
                                Optional.empty(),
                                List.of()))));
            }
            return results;
        }
    }

    static final class Sets implements KpiSetStore {
        @Override
        public List<KpiSet> all() {
            return List.of(find("emmen").orElseThrow());
        }

        @Override
        public Optional<KpiSet> find(String id) {
            return "emmen".equals(id)
                    ? Optional.of(new KpiSet(
                            "emmen",
                            "Gemeente Emmen 2026",
                            Optional.of(new FunderId("gemeente-emmen")),
                            List.of("tinten-1")))
                    : Optional.empty();
        }

        @Override
        public void save(KpiSet set, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException();
        }
    }
}
