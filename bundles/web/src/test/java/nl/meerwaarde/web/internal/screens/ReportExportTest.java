package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiEngine;
import nl.meerwaarde.api.kpi.KpiLevel;
import nl.meerwaarde.api.kpi.KpiResult;
import nl.meerwaarde.api.kpi.KpiSet;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.report.Report;
import nl.meerwaarde.web.internal.report.ReportBuilder;
import nl.meerwaarde.web.internal.report.ReportCsv;
import nl.meerwaarde.web.internal.report.ReportFormat;
import nl.meerwaarde.web.internal.report.ReportJobs;
import nl.meerwaarde.web.internal.report.ReportOrder;
import nl.meerwaarde.web.internal.report.ReportPdf;
import nl.meerwaarde.web.internal.rest.Fakes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's CSV and PDF, read back with Commons CSV and PDFBox, and the jobs that make them. */
class ReportExportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T21:30:00Z"), ZoneOffset.UTC);
    static final List<String> TINTEN = List.of("tinten-1", "tinten-3", "tinten-12", "tinten-15", "tinten-17");

    private final DashboardPageTest.Engine engine = new DashboardPageTest.Engine();
    private final Fakes.Activities activities = new Fakes.Activities();
    private final Fakes.Org organisation = new Fakes.Org();
    private ReportJobs jobs;

    @BeforeEach
    void activities() {
        CollectiveActivity noord = activity("Koffie & <buren>");
        CollectiveActivity zuid = activity("Wandelgroep Zuid");
        activities.save(noord);
        activities.save(zuid);
        engine.noordActivity = noord.id();
        engine.zuidActivity = zuid.id();
    }

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.deactivate();
        }
    }

    static ReportOrder order(ReportFormat format, java.util.Locale locale) {
        return new ReportOrder(
                Optional.of(new KpiSet(
                        "emmen-2026",
                        "Rapportage Gemeente Emmen",
                        Optional.of(new FunderId("gemeente-emmen")),
                        TINTEN)),
                Optional.empty(),
                TINTEN,
                new Scope.OrganisationScope(),
                Period.year(2026),
                format,
                locale);
    }

    private Report report(java.util.Locale locale) {
        return new ReportBuilder(engine, activities, organisation, CLOCK)
                .build(order(ReportFormat.PDF, locale), p -> {});
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void theCsvHasOneRowPerFigureInUtf8WithAByteOrderMarkAndSemicolons() throws IOException {
        byte[] bytes = ReportCsv.write(report(Languages.DUTCH), Languages.DUTCH, p -> {});

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("\r\n").contains(";");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly(
                        "kpi",
                        "naam",
                        "eenheid",
                        "groep",
                        "groepcode",
                        "waarde",
                        "waarde (komma)",
                        "exacte breuk",
                        "n",
                        "teller",
                        "noemer",
                        "bekend",
                        "anoniem");
        // 1 + 2 target groups + 2 activities + 2 dimensions + 1
        assertThat(rows).hasSize(8);
        assertThat(rows)
                .extracting(row -> row.get("kpi"))
                .containsExactly(
                        "tinten-1",
                        "tinten-3",
                        "tinten-3",
                        "tinten-12",
                        "tinten-12",
                        "tinten-15",
                        "tinten-15",
                        "tinten-17");
        CSVRecord signals = rows.get(0);
        assertThat(signals.get("naam")).isEqualTo("Aantal signalen");
        assertThat(signals.get("eenheid")).isEqualTo("Signalen");
        assertThat(signals.get("waarde")).isEqualTo("1234");
        assertThat(signals.get("n")).isEqualTo("1234");
        CSVRecord older = rows.get(1);
        assertThat(older.get("groep")).isEqualTo("Ouderen");
        assertThat(older.get("groepcode")).isEqualTo("ouderen");
        assertThat(older.get("bekend")).isEqualTo("9");
        assertThat(older.get("anoniem")).isEqualTo("3");
        CSVRecord young = rows.get(2);
        assertThat(young.get("waarde")).isEmpty();
        assertThat(young.get("n")).isEqualTo("0");
        assertThat(rows.get(3).get("groep")).isEqualTo("Wandelgroep Zuid");
        assertThat(rows.get(4).get("groep")).isEqualTo("Koffie & <buren>");
        assertThat(rows.get(4).get("groepcode"))
                .isEqualTo(engine.noordActivity.value().toString());
        CSVRecord helped = rows.get(7);
        assertThat(helped.get("waarde")).isEqualTo("42.8571428571");
        assertThat(helped.get("waarde (komma)")).isEqualTo("42,8571428571");
        assertThat(helped.get("exacte breuk")).isEqualTo("300/7");
        assertThat(helped.get("n")).isEqualTo("7");
        // the quotes are free text for the PDF, not for a table to calculate with
        assertThat(text).doesNotContain("Ik hoor erbij");
    }

    @Test
    void textThatExcelWouldTakeForAFormulaGetsAnApostrophe() throws IOException {
        CollectiveActivity evil = activity("=HYPERLINK(\"http://x\")");
        activities.saved.clear();
        activities.save(evil);
        engine.noordActivity = evil.id();
        String text =
                new String(ReportCsv.write(report(Languages.DUTCH), Languages.DUTCH, p -> {}), StandardCharsets.UTF_8);

        assertThat(text).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
    }

    @Test
    void theCsvHeaderIsEnglishForAnEnglishReader() {
        String text = new String(
                ReportCsv.write(report(Languages.ENGLISH), Languages.ENGLISH, p -> {}), StandardCharsets.UTF_8);

        assertThat(text)
                .startsWith("\uFEFFkpi;name;unit;group;group code;value;value (local notation);exact fraction;n;");
    }

    // ---------------------------------------------------------------- PDF

    @Test
    void thePdfHasTheHeadingEveryFigureWithItsNAndTheQuotes() throws IOException {
        byte[] bytes = ReportPdf.write(report(Languages.DUTCH), Languages.DUTCH, p -> {});

        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(bytes);
        assertThat(text)
                .contains("Welzijn Emmen")
                .contains("KPI-rapportage: Rapportage Gemeente Emmen")
                .contains("Opdrachtgever: Gemeente Emmen")
                .contains("Reikwijdte: Hele organisatie")
                .contains("Periode: 2026")
                .contains("Aantal signalen")
                .contains("Beschrijving van Aantal signalen")
                .contains("Eenheid: Signalen")
                .contains("1.234 1.234")
                .contains("Ouderen 12 12 9 bekend, 3 anoniem")
                .contains("Jongeren geen waarde 0 *")
                .contains("Koffie & <buren> 7,5 4 *")
                .contains("Percentage geholpen")
                .contains("42,9 7 *")
                .contains("Wat inwoners vertellen: Erkend voelen (2)")
                .contains("“Ik hoor erbij <script>alert(1)</script>”")
                .contains("Gemaakt op 23 november 2026 22:30 (Europe/Amsterdam)")
                .contains("Lees cijfers met een kleine n met voorzichtigheid")
                .contains("Pagina 1 van 1");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("KPI-rapportage: Rapportage Gemeente Emmen");
        }
    }

    @Test
    void kpisWithoutFiguresHereAreListedAtTheEnd() throws IOException {
        ReportOrder order = new ReportOrder(
                Optional.empty(),
                Optional.of("sector-model"),
                List.of("swn-signalen", "swn-eenzaamheid"),
                new Scope.OrganisationScope(),
                Period.year(2026),
                ReportFormat.PDF,
                Languages.DUTCH);
        Report report = new ReportBuilder(engine, activities, organisation, CLOCK).build(order, p -> {});

        assertThat(report.set()).isEqualTo("KPI-model sociaal werk");
        assertThat(report.funder()).isEmpty();
        assertThat(report.kpis()).extracting(kpi -> kpi.definition().id()).containsExactly("swn-signalen");
        assertThat(report.notComputed()).extracting(KpiDefinition::id).containsExactly("swn-eenzaamheid");
        assertThat(text(ReportPdf.write(report, Languages.DUTCH, p -> {})))
                .contains("KPI's zonder eigen cijfers in dit rapport")
                .contains("• Eenzaamheid (ingevoerd cijfer, nog niet beschikbaar)")
                .doesNotContain("Opdrachtgever:");
    }

    @Test
    void thePdfIsEnglishForAnEnglishReader() throws IOException {
        String text = text(ReportPdf.write(report(Languages.ENGLISH), Languages.ENGLISH, p -> {}));

        assertThat(text)
                .contains("KPI report: Rapportage Gemeente Emmen")
                .contains("Funder: Gemeente Emmen")
                .contains("no value")
                .contains("Page 1 of 1")
                .contains("42.9");
    }

    @Test
    void aLongTableGoesOnOverPagesWithItsHeaderAndLongTextIsWrapped() throws IOException {
        List<Report.Figure> figures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            figures.add(new Report.Figure(
                    Optional.of("a" + i),
                    Optional.of("Activiteit " + i
                            + " met een hele lange titel die niet op één regel past in de kolom van de groep"),
                    new KpiValue(
                            Optional.of("a" + i),
                            Optional.of(BigDecimal.valueOf(i)),
                            Optional.empty(),
                            i,
                            Optional.empty(),
                            Optional.empty(),
                            List.of())));
        }
        figures.add(new Report.Figure(
                Optional.of("huge"),
                Optional.of("Zeer lang " + "x ".repeat(3000)),
                new KpiValue(
                        Optional.of("huge"),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        List.of())));
        KpiDefinition definition = new KpiDefinition(
                "big",
                1,
                "tinten",
                "Veel groepen",
                "Ş€ë 😀 " + "woord ".repeat(200),
                KpiLevel.OUTPUT,
                Optional.empty(),
                Optional.empty(),
                "count",
                KpiSource.REGISTRATIONS,
                Optional.of("{}"),
                Optional.of("activity.id"),
                false);
        Report report = new Report(
                "Welzijn Emmen",
                Optional.empty(),
                "Groot",
                "Hele organisatie",
                "2026",
                java.time.ZonedDateTime.of(2026, 11, 23, 22, 30, 0, 0, ZoneId.of("Europe/Amsterdam")),
                List.of(new Report.Kpi(definition, "Aantal", Optional.of("Activiteit"), figures)),
                List.of());

        byte[] bytes = ReportPdf.write(report, Languages.DUTCH, p -> {});

        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(document);
            assertThat(last).contains("Activiteit Waarde n").contains("Pagina " + pages + " van " + pages);
        }
        String text = text(bytes);
        // a character outside WinAnsiEncoding is written without its accent, or as ?
        assertThat(text)
                .contains("S€ë ?")
                .contains("Activiteit 149 met een hele lange titel")
                .contains("149 149")
                // a group name taller than a page is still written, over the page's end rather than left out
                .contains("Zeer lang x x");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]*\\r?\\n[ \\t]*", " ");
        }
    }

    // ---------------------------------------------------------------- jobs

    /** An engine that waits for the test before it answers, or fails. */
    static final class Waiting implements KpiEngine {
        final KpiEngine real;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        RuntimeException failure;

        Waiting(KpiEngine real) {
            this.real = real;
        }

        @Override
        public List<KpiDefinition> definitions() {
            return real.definitions();
        }

        @Override
        public Optional<KpiDefinition> definition(String id) {
            return real.definition(id);
        }

        @Override
        public List<KpiResult> compute(List<String> kpiIds, Scope scope, Period period) {
            started.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (failure != null) {
                throw failure;
            }
            return real.compute(kpiIds, scope, period);
        }
    }

    private ReportJobs jobs(KpiEngine kpiEngine, Clock clock) {
        jobs = new ReportJobs(kpiEngine, activities, organisation, clock);
        jobs.activate();
        return jobs;
    }

    @Test
    void aJobShowsItsProgressThenItsFileToItsOwnerOnly() throws Exception {
        Waiting waiting = new Waiting(engine);
        ReportJobs reports = jobs(waiting, CLOCK);

        ReportJobs.Job started = reports.start("w-anna", order(ReportFormat.CSV, Languages.DUTCH));
        assertThat(waiting.started.await(5, TimeUnit.SECONDS)).isTrue();
        ReportJobs.Job running = reports.find("w-anna", started.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(ReportJobs.State.RUNNING);
        assertThat(running.progress()).isGreaterThan(0).isLessThan(1);
        assertThat(running.file()).isEmpty();
        // another user's job is not there for him
        assertThat(reports.find("w-bram", started.id())).isEmpty();
        assertThat(reports.await("w-bram", started.id(), Duration.ofMillis(1))).isEmpty();

        waiting.go.countDown();
        ReportJobs.Job done =
                reports.await("w-anna", started.id(), Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(ReportJobs.State.DONE);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.fileName()).isEqualTo("kpi-rapport-emmen-2026-2026-01-01.csv");
        assertThat(new String(done.file().orElseThrow(), StandardCharsets.UTF_8))
                .contains("tinten-17");
    }

    @Test
    void aFailedJobSaysSoInDutchWithAnIncidentAndNoTechnicalDetail() throws Exception {
        Waiting waiting = new Waiting(engine);
        waiting.failure = new IllegalStateException("SQL state 42P01: relation mw_activity does not exist");
        waiting.go.countDown();
        ReportJobs reports = jobs(waiting, CLOCK);

        ReportJobs.Job started = reports.start("w-anna", order(ReportFormat.PDF, Languages.DUTCH));
        ReportJobs.Job failed =
                reports.await("w-anna", started.id(), Duration.ofSeconds(10)).orElseThrow();

        assertThat(failed.state()).isEqualTo(ReportJobs.State.FAILED);
        assertThat(failed.file()).isEmpty();
        assertThat(failed.failure().orElseThrow())
                .startsWith("Het rapport kon niet worden gemaakt door een fout bij ons.")
                .containsPattern("incident [0-9a-f-]{36}")
                .doesNotContain("SQL")
                .doesNotContain("Exception");
    }

    @Test
    void aUserHasAtMostThreeJobsWaitingOrRunning() throws Exception {
        Waiting waiting = new Waiting(engine);
        ReportJobs reports = jobs(waiting, CLOCK);
        for (int i = 0; i < ReportJobs.MAX_PER_USER; i++) {
            reports.start("w-anna", order(ReportFormat.CSV, Languages.DUTCH));
        }

        assertThatThrownBy(() -> reports.start("w-anna", order(ReportFormat.CSV, Languages.DUTCH)))
                .isInstanceOfSatisfying(ReportJobs.RefusedException.class, e -> assertThat(e.perUser())
                        .isTrue());
        // someone else may still start one
        assertThat(reports.start("w-bram", order(ReportFormat.CSV, Languages.DUTCH))
                        .state())
                .isIn(ReportJobs.State.QUEUED, ReportJobs.State.RUNNING);
        waiting.go.countDown();
    }

    @Test
    void aFinishedJobIsDroppedAfterTheTimeItIsKept() {
        MutableClock clock = new MutableClock(CLOCK.instant());
        ReportJobs reports = jobs(engine, clock);
        ReportJobs.Job started = reports.start("w-anna", order(ReportFormat.CSV, Languages.DUTCH));
        assertThat(reports.await("w-anna", started.id(), Duration.ofSeconds(10))
                        .orElseThrow()
                        .state())
                .isEqualTo(ReportJobs.State.DONE);

        clock.now = clock.now.plus(ReportJobs.KEPT).plusSeconds(1);

        assertThat(reports.find("w-anna", started.id())).isEmpty();
    }

    @Test
    void deactivatingStopsTheThreadsAndDropsTheJobs() throws Exception {
        Waiting waiting = new Waiting(engine);
        ReportJobs reports = jobs(waiting, CLOCK);
        ReportJobs.Job started = reports.start("w-anna", order(ReportFormat.PDF, Languages.DUTCH));
        assertThat(waiting.started.await(5, TimeUnit.SECONDS)).isTrue();

        reports.deactivate();
        jobs = null;

        assertThat(reports.stopped()).isTrue();
        assertThat(reports.available()).isFalse();
        assertThat(reports.find("w-anna", started.id())).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("meerwaarde-kpi-report-") && thread.isAlive());
        assertThatThrownBy(() -> reports.start("w-anna", order(ReportFormat.PDF, Languages.DUTCH)))
                .isInstanceOf(IllegalStateException.class);
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static CollectiveActivity activity(String title) {
        return new CollectiveActivity(
                ActivityId.random(),
                Fixtures.NOORD,
                title,
                Stage.EXECUTION,
                Set.of("ouderen"),
                Optional.empty(),
                Optional.of(LocalDate.of(2026, 3, 1)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }
}
