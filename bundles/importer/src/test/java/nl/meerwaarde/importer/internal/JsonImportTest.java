package nl.meerwaarde.importer.internal;

import static nl.meerwaarde.importer.internal.Importing.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.CollectiveActivity.AnonymousCounts;
import nl.meerwaarde.api.CollectiveActivity.ChosenInstrument;
import nl.meerwaarde.api.CollectiveActivity.GoalRealisation;
import nl.meerwaarde.api.CollectiveActivity.Investment;
import nl.meerwaarde.api.CollectiveActivity.SmartGoal;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Participation.ImpactMeasurement;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.importing.ImportOptions;
import nl.meerwaarde.api.importing.ImportReport;
import nl.meerwaarde.api.importing.ImportUnavailableException;
import nl.meerwaarde.api.importing.RegistrationKeys;
import nl.meerwaarde.host.spi.AuditEvent;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.importer.internal.Importing.Found;
import org.junit.jupiter.api.Test;

class JsonImportTest {
    static final String ACTIVITY = """
            {"key": "ACT-1", "team": "team-noord", "title": "Wandelgroep De Horst", "stage": "EVALUATION",
             "targetGroups": ["ouderen", "mantelzorgers"], "funder": "gemeente-emmen", "startsOn": "2024-02-05",
             "budget": {"hours": 120.50, "euros": 2500}, "actual": {"hours": 98.25},
             "anonymous": {"participants": 40, "measured": 30, "helped": 21},
             "individualQuestionsAnswered": 7, "referrerSatisfaction": 8,
             "goals": [{"description": "Twintig deelnemers wandelen wekelijks mee", "realisation": "PARTLY"},
                       {"description": "  Een vrijwilliger neemt de groep over  "}],
             "analysis": "Vier signalen over eenzaamheid.", "instrument": {"code": "anders", "otherName": "Wandelmeter"},
             "partners": ["Buurtsportcoach"], "sessions": 12, "lessonsLearned": "Vaste dag werkt."}""";
    static final String SIGNAL = """
            {"key": "SIG-1", "team": "team-noord", "registeredOn": "2024-01-15", "type": "eenzaamheid",
             "targetGroups": ["ouderen"], "referrer": "huisarts", "question": "Zoekt contact in de wijk",
             "answered": true, "resident": "inw-0001", "activityKey": "ACT-1"}""";
    static final String PARTICIPATION = """
            {"key": "DEEL-1", "activityKey": "ACT-1", "resident": "inw-0001",
             "measurement": {"helped": true, "helpedReason": "Heeft nu contact", "grade": 8,
                             "gradeExplanation": "Gezellig", "dimensions": ["verbonden", "erkend"],
                             "quotes": ["Ik kom weer buiten.", "Ik kom weer buiten."], "workerObservation": "Bloeit op"},
             "referrals": ["Buurtkamer"]}""";
    static final String FULL = document("[" + SIGNAL + "]", "[" + ACTIVITY + "]", "[" + PARTICIPATION + "]");

    private final Importing importing = new Importing("inw-0001", "inw-0002");

    @Test
    void importsEveryFieldOfEveryKind() {
        ImportReport report = importing.json(FULL);

        assertThat(report).isEqualTo(new ImportReport(true, 3, 3, 0, 0, List.of(), 0));
        ActivityId activityId = RegistrationKeys.activityId("ACT-1");
        assertThat(importing.batch.activities.get(activityId))
                .isEqualTo(new CollectiveActivity(
                        activityId,
                        Fakes.NOORD,
                        "Wandelgroep De Horst",
                        Stage.EVALUATION,
                        Set.of("ouderen", "mantelzorgers"),
                        Optional.of(Fakes.EMMEN),
                        Optional.of(LocalDate.of(2024, 2, 5)),
                        Optional.of(new Investment(
                                Optional.of(new BigDecimal("120.5")), Optional.of(new BigDecimal("2500")))),
                        Optional.of(new Investment(Optional.of(new BigDecimal("98.25")), Optional.empty())),
                        Optional.of(new AnonymousCounts(40, 30, 21)),
                        Optional.of(7),
                        Optional.of(8),
                        List.of(
                                new SmartGoal(
                                        "Twintig deelnemers wandelen wekelijks mee",
                                        Optional.of(GoalRealisation.PARTLY)),
                                new SmartGoal("Een vrijwilliger neemt de groep over", Optional.empty())),
                        Optional.of("Vier signalen over eenzaamheid."),
                        Optional.of(new ChosenInstrument("anders", Optional.of("Wandelmeter"))),
                        Set.of("Buurtsportcoach"),
                        Optional.of(12),
                        Optional.of("Vaste dag werkt.")));
        assertThat(importing.batch.signals.get(RegistrationKeys.signalId("SIG-1")))
                .isEqualTo(new Signal(
                        RegistrationKeys.signalId("SIG-1"),
                        Fakes.NOORD,
                        LocalDate.of(2024, 1, 15),
                        "eenzaamheid",
                        Set.of("ouderen"),
                        "huisarts",
                        "Zoekt contact in de wijk",
                        true,
                        Optional.of(ResidentId.of("inw-0001")),
                        Optional.of(activityId)));
        assertThat(importing.batch.participations.get(RegistrationKeys.participationId("DEEL-1")))
                .isEqualTo(new Participation(
                        RegistrationKeys.participationId("DEEL-1"),
                        activityId,
                        ResidentId.of("inw-0001"),
                        Optional.of(new ImpactMeasurement(
                                true,
                                Optional.of("Heeft nu contact"),
                                Optional.of(8),
                                Optional.of("Gezellig"),
                                Set.of("verbonden", "erkend"),
                                List.of("Ik kom weer buiten.", "Ik kom weer buiten."),
                                Optional.of("Bloeit op"))),
                        Set.of("Buurtkamer")));
    }

    @Test
    void idsAreNameBasedOnKindAndKey() {
        assertThat(RegistrationKeys.activityId("ACT-1")).isEqualTo(RegistrationKeys.activityId("ACT-1"));
        assertThat(RegistrationKeys.activityId("ACT-1").value())
                .isNotEqualTo(RegistrationKeys.signalId("ACT-1").value())
                .isNotEqualTo(RegistrationKeys.participationId("ACT-1"))
                .isNotEqualTo(RegistrationKeys.activityId("ACT-2").value());
        assertThat(RegistrationKeys.activityId("ACT-1").value().version()).isEqualTo(3);
        // the mapping is a contract: a change would duplicate every record on the next import
        assertThat(RegistrationKeys.activityId("ACT-1").toString()).isEqualTo("e03db54c-30f3-3f67-84c4-5d244dfc4527");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        importing.json(FULL);
        int written = importing.batch.written;
        int events = importing.audit.events.size();

        ImportReport again = importing.json(FULL);

        assertThat(again).isEqualTo(new ImportReport(true, 3, 0, 0, 3, List.of(), 0));
        assertThat(importing.batch.written).isEqualTo(written);
        assertThat(importing.audit.events).hasSize(events);
    }

    @Test
    void aChangedRecordIsReplacedAndTheRestLeftAlone() {
        importing.json(FULL);

        ImportReport report = importing.json(FULL.replace("\"grade\": 8", "\"grade\": 9"));

        assertThat(report).isEqualTo(new ImportReport(true, 3, 0, 1, 2, List.of(), 0));
        assertThat(importing
                        .batch
                        .participations
                        .get(RegistrationKeys.participationId("DEEL-1"))
                        .measurement()
                        .flatMap(ImpactMeasurement::grade))
                .contains(9);
        assertThat(importing.audit.events.get(importing.audit.events.size() - 1))
                .extracting(AuditEvent::action, AuditEvent::objectType)
                .containsExactly("import", "measurement");
    }

    @Test
    void aDryRunCountsButWritesNothing() {
        ImportReport report =
                importing.json(FULL, ImportOptions.allTeams("command:tester").asDryRun());

        assertThat(report).isEqualTo(new ImportReport(false, 3, 3, 0, 0, List.of(), 0));
        assertThat(importing.batch.saves).isZero();
        assertThat(importing.audit.events).isEmpty();
    }

    @Test
    void auditsMeasurementsAndSignalsAboutResidentsAfterTheCommit() {
        importing.json(FULL);

        assertThat(importing.audit.events)
                .extracting(e -> String.join(
                        " ",
                        e.actor(),
                        e.action(),
                        e.objectType(),
                        e.objectId(),
                        e.resident().value()))
                .containsExactly(
                        "command:tester import measurement " + RegistrationKeys.participationId("DEEL-1") + " inw-0001",
                        "command:tester import signal " + RegistrationKeys.signalId("SIG-1") + " inw-0001");
    }

    @Test
    void aParticipationMayReferToAnActivityOfAnEarlierImport() {
        importing.json(document(null, "[" + ACTIVITY + "]", null));

        ImportReport report = importing.json(document(null, null, "[" + PARTICIPATION + "]"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(importing.batch.participations).hasSize(1);
    }

    @Test
    void aReferenceToAnActivityNowhereIsAnError() {
        ImportReport report = importing.json(document("[" + SIGNAL + "]", null, "[" + PARTICIPATION + "]"));

        assertThat(report.errors())
                .map(Found::of)
                .containsExactly(
                        new Found(2, "SIG-1", "signals[0].activityKey", "activity.unknown"),
                        new Found(5, "DEEL-1", "participations[0].activityKey", "activity.unknown"));
        assertThat(importing.batch.saves).isZero();
    }

    @Test
    void aResidentUnknownToTheHostIsAnErrorAndNothingIsWritten() {
        ImportReport report = importing.json(document(
                "[" + SIGNAL + "]", "[" + ACTIVITY + "]", "[" + PARTICIPATION.replace("inw-0001", "inw-9999") + "]"));

        assertThat(report.committed()).isFalse();
        assertThat(report.errors())
                .map(Found::of)
                .containsExactly(new Found(14, "DEEL-1", "participations[0].resident", "resident.unknown"));
        assertThat(report.records()).isEqualTo(3);
        assertThat(report.created()).isZero();
        assertThat(importing.batch.size()).isZero();
        assertThat(importing.audit.events).isEmpty();
    }

    @Test
    void collectsEveryErrorOfEveryRecordAndWritesNothing() {
        String activities = """
                [{"key": "A", "team": "team-west", "title": " ", "stage": "DONE", "funder": "gemeente-assen",
                  "startsOn": "2024-13-01", "budget": {"hours": -1, "euros": 100000001, "minutes": 3},
                  "actual": {"hours": 1.005, "euros": "12"},
                  "anonymous": {"participants": 10, "measured": 11, "helped": 12},
                  "individualQuestionsAnswered": 1000001, "referrerSatisfaction": 11, "sessions": 2.5,
                  "goals": [{"realisation": "SOMEWHAT"}, "plan"], "instrument": {"code": "anders"},
                  "partners": ["Buurtkamer", "Buurtkamer"], "targetGroups": ["x", 3, ""], "colour": "blue",
                  "bsn": "123456782"},
                 {"team": "team-noord", "title": "%s"}]""".formatted("x".repeat(501));
        String participations = """
                [{"key": "P", "activityKey": "A", "resident": "inw-0001",
                  "measurement": {"grade": 0, "quotes": ["%s"],
                                  "dimensions": ["erkend\\u0007"], "residentBsn": "1"}},
                 {"key": "P2", "activityKey": "A", "resident": "inw-0002",
                  "measurement": {"helped": false, "gradeExplanation": "?"}}]""".formatted("q".repeat(10_001));
        String signals = """
                [{"key": "S", "team": "team-noord", "registeredOn": "2026-03-11", "answered": "ja",
                  "referrer": "%s"}]""".formatted("r".repeat(201));

        ImportReport report = importing.json(document(signals, activities, participations));

        assertThat(report.committed()).isFalse();
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.errors())
                .map(e -> e.field() + " " + e.code())
                .containsExactlyInAnyOrder(
                        "signals[0].registeredOn field.max",
                        "signals[0].type field.required",
                        "signals[0].referrer field.length",
                        "signals[0].answered field.type",
                        "activities[0].colour body.unknownField",
                        "activities[0].bsn field.forbidden",
                        "activities[0].team team.unknown",
                        "activities[0].title field.required",
                        "activities[0].stage field.option",
                        "activities[0].targetGroups[1] field.type",
                        "activities[0].targetGroups[2] field.required",
                        "activities[0].funder field.option",
                        "activities[0].startsOn field.type",
                        "activities[0].budget.minutes body.unknownField",
                        "activities[0].budget.hours field.range",
                        "activities[0].budget.euros field.range",
                        "activities[0].actual.hours field.type",
                        "activities[0].actual.euros field.type",
                        "activities[0].anonymous.measured field.max",
                        "activities[0].anonymous.helped field.max",
                        "activities[0].individualQuestionsAnswered field.range",
                        "activities[0].referrerSatisfaction field.range",
                        "activities[0].goals[0].description field.required",
                        "activities[0].goals[0].realisation field.option",
                        "activities[0].goals[1] field.type",
                        "activities[0].instrument.otherName field.required",
                        "activities[0].partners[1] field.invalid",
                        "activities[0].sessions field.type",
                        "activities[1].key field.required",
                        "activities[1].title field.length",
                        "participations[0].measurement.residentBsn field.forbidden",
                        "participations[0].measurement.helped field.required",
                        "participations[0].measurement.grade field.range",
                        "participations[1].measurement.gradeExplanation field.disabled",
                        "participations[0].measurement.quotes[0] field.length",
                        "participations[0].measurement.dimensions[0] field.invalid");
        assertThat(report.errors())
                .filteredOn(e -> e.field().equals("activities[0].budget.hours"))
                .singleElement()
                .satisfies(e -> assertThat(e.arguments()).containsExactly(0, new BigDecimal("1000000")));
        assertThat(importing.batch.saves).isZero();
    }

    @Test
    void keysAreUniquePerKindWithinTheFile() {
        String twice = "[" + ACTIVITY + ",\n" + ACTIVITY.replace("Wandelgroep", "Fietsgroep") + "]";

        ImportReport report = importing.json(document(null, twice, null));

        assertThat(report.errors())
                .map(Found::of)
                .containsExactly(new Found(11, "ACT-1", "activities[1].key", "key.duplicate"));
        assertThat(report.errors().get(0).arguments()).containsExactly(2);
    }

    @Test
    void aResidentTakesPartInAnActivityOnce() {
        importing.json(FULL);
        String other = PARTICIPATION.replace("DEEL-1", "DEEL-2");

        ImportReport inFile =
                importing.json(document(null, null, "[" + other + ", " + other.replace("DEEL-2", "DEEL-3") + "]"));

        assertThat(inFile.errors())
                .extracting(e -> e.key() + " " + e.code())
                .containsExactly("DEEL-2 participant.exists", "DEEL-3 participant.exists");
    }

    @Test
    void onlyTheTeamsOfTheOptionsMayBeChanged() {
        importing.json(FULL);
        String zuid = ACTIVITY.replace("ACT-1", "ACT-2");

        ImportReport report = importing.json(
                document(
                        "[" + SIGNAL + "]",
                        "[" + ACTIVITY.replace("team-noord", "team-zuid") + ", " + zuid + "]",
                        null),
                Importing.only(Fakes.ZUID));

        assertThat(report.errors())
                .extracting(e -> e.key() + " " + e.field() + " " + e.code())
                .containsExactlyInAnyOrder(
                        "SIG-1 signals[0].team team.notMember",
                        "ACT-2 activities[1].team team.notMember",
                        // ACT-1 exists in team noord: a zuid import may not take it over
                        "ACT-1 activities[0].key team.notMember");
    }

    @Test
    void aReferenceToAnActivityOfAnotherTeamIsUnknown() {
        importing.json(document(null, "[" + ACTIVITY + "]", null));

        ImportReport report = importing.json(
                document("[" + SIGNAL.replace("team-noord", "team-zuid") + "]", null, null),
                Importing.only(Fakes.ZUID));

        assertThat(report.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("signals[0].activityKey activity.unknown");
    }

    @Test
    void theDocumentNeedsItsFormatAndVersionAndNothingElse() {
        assertThat(importing.json("{\"signals\": []}").errors())
                .map(Found::of)
                .containsExactly(
                        new Found(1, null, "format", "field.required"),
                        new Found(1, null, "version", "field.required"));
        assertThat(importing
                        .json("{\"format\": \"csv\", \"version\": 2, \"bsnList\": [], \"extra\": {\"a\": 1}}")
                        .errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly(
                        "format field.option",
                        "version field.option",
                        "bsnList field.forbidden",
                        "extra body.unknownField");
        assertThat(importing.json(document("{}", "[1, null]", null)).errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("signals field.type", "activities[0] field.type", "activities[1] field.type");
    }

    @Test
    void aSyntaxErrorIsReportedWithItsPlace() {
        ImportReport report = importing.json(document("[" + SIGNAL + "]", "[{\"key\": \"A\",,}]", null));

        assertThat(report.committed()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("file.syntax");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.arguments()).hasSize(3).startsWith(5, 28);
        });
        assertThat(importing.json("[]").errors()).extracting(e -> e.code()).containsExactly("file.syntax");
        assertThat(importing.json(FULL + " {}").errors())
                .extracting(e -> e.code())
                .containsExactly("file.syntax");
        assertThat(importing.json("{\"format\": \"a\", \"format\": \"b\"}").errors())
                .extracting(e -> e.code())
                .contains("file.syntax");
        assertThat(importing.json("").errors()).extracting(e -> e.code()).containsExactly("file.syntax");
        assertThat(importing.batch.saves).isZero();
    }

    @Test
    void refusesFilesOverTheLimits() {
        Importing small = new Importing(new Limits(500, 2), "inw-0001");

        assertThat(small.json(FULL).errors()).map(Found::of).containsExactly(new Found(0, null, null, "file.tooLarge"));
        assertThat(small.json(document("[]", "[{}, {}, {}, {}]", null).replace(" ", ""))
                        .errors())
                .filteredOn(e -> e.code().equals("file.tooManyRecords"))
                .singleElement()
                .satisfies(e -> assertThat(e.arguments()).containsExactly(2));
        assertThat(small.batch.saves).isZero();
    }

    @Test
    void needsTheHostsServices() {
        RegistrationImporter withoutHost =
                new RegistrationImporter(importing.batch, null, null, importing.audit, Limits.DEFAULT, Fakes.CLOCK);

        assertThatThrownBy(() -> withoutHost.importJson(
                        new java.io.ByteArrayInputStream(FULL.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        ImportOptions.allTeams("command:tester")))
                .isInstanceOf(ImportUnavailableException.class)
                .hasMessageContaining("Organisation");
        withoutHost.bindOrganisation(importing.host);
        withoutHost.bindResidents(importing.host);
        assertThat(withoutHost
                        .importJson(
                                new java.io.ByteArrayInputStream(
                                        FULL.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                ImportOptions.allTeams("command:tester"))
                        .committed())
                .isTrue();
    }

    @Test
    void listsTheFirstThousandErrorsAndCountsTheRest() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1_500; i++) {
            many.append(i == 0 ? "" : ",").append("{\"key\": \"S").append(i).append("\"}");
        }
        ImportReport report = importing.json(document(many + "]", null, null));

        assertThat(report.errors()).hasSize(ImportReport.MAX_ERRORS);
        assertThat(report.errorCount()).isEqualTo(1_500 * 3);
        assertThat(report.records()).isEqualTo(1_500);
    }

    // issue 3 (review): after a resident's data was erased (AVG), importing the same file again must not bring back
    // the signals and participations about him or her
    @Test
    void aRecordOfAnErasedResidentIsNeverImportedAgain() {
        importing.json(FULL);
        // what the store's erasure does: the rows live on under new random ids, the imported ids are marked erased
        importing.batch.signals.remove(RegistrationKeys.signalId("SIG-1"));
        importing.batch.participations.remove(RegistrationKeys.participationId("DEEL-1"));
        importing.batch.erased.add(RegistrationKeys.signalId("SIG-1").value());
        importing.batch.erased.add(RegistrationKeys.participationId("DEEL-1"));
        int saves = importing.batch.saves;
        int events = importing.audit.events.size();

        ImportReport again = importing.json(FULL);

        assertThat(again.committed()).isFalse();
        assertThat(again.errors())
                .map(Found::of)
                .containsExactlyInAnyOrder(
                        new Found(2, "SIG-1", "signals[0].key", "record.erased"),
                        new Found(14, "DEEL-1", "participations[0].key", "record.erased"));
        assertThat(importing.batch.saves).isEqualTo(saves);
        assertThat(importing.batch.signals).isEmpty();
        assertThat(importing.batch.participations).isEmpty();
        assertThat(importing.audit.events).hasSize(events);
        // a dry run says so too, and a record of another key is not affected
        assertThat(importing
                        .json(FULL, ImportOptions.allTeams(Importing.ACTOR).asDryRun())
                        .errors())
                .extracting(e -> e.code())
                .containsOnly("record.erased");
        assertThat(importing
                        .json(FULL.replace("SIG-1", "SIG-2").replace("DEEL-1", "DEEL-2"))
                        .committed())
                .isTrue();
        assertThat(importing.batch.erasedAsked).isPositive();
    }

    // issue 3 (review): instrument anders needs a name that is not blank, in any case; another code takes none
    @Test
    void theInstrumentAndersNeedsANameAndOnlyItHasOne() {
        String blank = ACTIVITY.replace("\"otherName\": \"Wandelmeter\"", "\"otherName\": \"   \"");
        String upper = ACTIVITY.replace("\"code\": \"anders\"", "\"code\": \"Anders\"");
        String other = ACTIVITY.replace("\"code\": \"anders\"", "\"code\": \"zrm-2017\"");

        assertThat(importing.json(document(null, "[" + blank + "]", null)).errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("activities[0].instrument.otherName field.required");
        assertThat(importing.json(document(null, "[" + other + "]", null)).errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("activities[0].instrument.otherName field.disabled");
        assertThat(importing.batch.saves).isZero();

        assertThat(importing.json(document(null, "[" + upper + "]", null)).errors())
                .isEmpty();
        assertThat(importing
                        .batch
                        .activities
                        .get(RegistrationKeys.activityId("ACT-1"))
                        .instrument())
                .contains(new ChosenInstrument("anders", Optional.of("Wandelmeter")));
    }

    // issue 3 (review): PostgreSQL cannot store U+0000; no text takes it, nor another C0 control character except
    // tab, CR and LF
    @Test
    void noTextTakesNulOrOtherControlCharacters() {
        String activity = ACTIVITY.replace("Wandelgroep De Horst", "Wandelgroep\\u0000")
                .replace("Vier signalen over eenzaamheid.", "Vier\\u001b signalen")
                .replace("Buurtsportcoach", "Buurt\\u0001coach")
                .replace("Wandelmeter", "Wandel\\u0000meter")
                .replace("Twintig deelnemers", "Twintig\\u0008 deelnemers");
        String participation = PARTICIPATION
                .replace("Gezellig", "Gezel\\u0000lig")
                .replace("\"Ik kom weer buiten.\", ", "\"Ik kom\\u0000 weer buiten.\", ");
        String signal = SIGNAL.replace("Zoekt contact in de wijk", "Zoekt\\u0000contact");

        ImportReport report =
                importing.json(document("[" + signal + "]", "[" + activity + "]", "[" + participation + "]"));

        assertThat(report.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactlyInAnyOrder(
                        "signals[0].question field.invalid",
                        "activities[0].title field.invalid",
                        "activities[0].analysis field.invalid",
                        "activities[0].partners[0] field.invalid",
                        "activities[0].instrument.otherName field.invalid",
                        "activities[0].goals[0].description field.invalid",
                        "participations[0].measurement.gradeExplanation field.invalid",
                        "participations[0].measurement.quotes[0] field.invalid");
        assertThat(importing.batch.saves).isZero();

        ImportReport allowed =
                importing.json(FULL.replace("Zoekt contact in de wijk", "Zoekt\\tcontact\\r\\nin de wijk"));
        assertThat(allowed.errors()).isEmpty();
        assertThat(importing
                        .batch
                        .signals
                        .get(RegistrationKeys.signalId("SIG-1"))
                        .question())
                .isEqualTo("Zoekt\tcontact\r\nin de wijk");
    }

    // issue 3 (review): a syntax error's description never quotes the file (it may hold a BSN or free text)
    @Test
    void aSyntaxErrorDoesNotQuoteTheFile() {
        ImportReport bareWord =
                importing.json(document("[{\"key\": \"S\", \"question\": Jansen123456782}]", null, null));
        ImportReport twice = importing.json("{\"format\": \"a\", \"Jansen123456782\": 1, \"Jansen123456782\": 2}");
        ImportReport control = importing.json("{\"format\": \"Jansen123456782\u0001\"}");

        assertThat(List.of(bareWord, twice, control)).allSatisfy(report -> assertThat(report.errors())
                .filteredOn(e -> e.code().equals("file.syntax"))
                .singleElement()
                .satisfies(e -> assertThat(e.arguments().get(2).toString()).doesNotContain("Jansen", "123456782")));
        assertThat(bareWord.errors().get(0).arguments())
                .hasSize(3)
                .startsWith(2)
                .endsWith("a word that is not true, false, null, a number or a quoted text");
        assertThat(twice.errors())
                .last()
                .satisfies(e -> assertThat(e.arguments().get(2)).isEqualTo("a field given twice in one object"));
        assertThat(control.errors().get(0).arguments().get(2))
                .isEqualTo("a control character in a text (it must be escaped)");
        assertThat(importing
                        .json(FULL.substring(0, 200))
                        .errors()
                        .get(0)
                        .arguments()
                        .get(2))
                .isEqualTo("the file ends too early");
    }

    // issue 3 (review): docs/import.md promises file.encoding for a file that is not UTF-8; Jackson alone would read
    // UTF-16 and UTF-32, and report invalid UTF-8 as a syntax error quoting the bytes
    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        for (Charset charset : List.of(
                StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16,
                StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"),
                Charset.forName("UTF-32LE"))) {
            // with an accent, and in ASCII only (then UTF-16 and UTF-32 decode as UTF-8 to text with NULs)
            for (String text : List.of(FULL.replace("Wandelgroep", "Caf\u00e9groep"), FULL)) {
                if (charset.equals(StandardCharsets.ISO_8859_1) && text.equals(FULL)) {
                    continue;
                }
                byte[] bytes = text.getBytes(charset);

                ImportReport report = importing.importer.importJson(
                        new ByteArrayInputStream(bytes), ImportOptions.allTeams(Importing.ACTOR));

                assertThat(report.errors())
                        .as(charset.name())
                        .map(Found::of)
                        .containsExactly(new Found(0, null, null, "file.encoding"));
            }
        }
        assertThat(importing.batch.saves).isZero();

        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withBom.write(FULL.replace("Wandelgroep", "Caf\u00e9groep").getBytes(StandardCharsets.UTF_8));
        assertThat(importing
                        .importer
                        .importJson(
                                new ByteArrayInputStream(withBom.toByteArray()),
                                ImportOptions.allTeams(Importing.ACTOR))
                        .errors())
                .isEmpty();
        assertThat(importing
                        .batch
                        .activities
                        .get(RegistrationKeys.activityId("ACT-1"))
                        .title())
                .isEqualTo("Caf\u00e9groep De Horst");
    }

    // issue 3 (review): a participation imported for team noord may not be taken over by an import for team zuid,
    // even when it now names an activity of zuid (without the check in ImportRun.checkStoredTeams it was moved)
    @Test
    void aParticipationOfAnotherTeamIsNotTakenOver() {
        importing.json(FULL);
        String zuidActivity = ACTIVITY.replace("ACT-1", "ACT-2").replace("team-noord", "team-zuid");
        String moved = PARTICIPATION.replace("ACT-1", "ACT-2");

        ImportReport report =
                importing.json(document(null, "[" + zuidActivity + "]", "[" + moved + "]"), Importing.only(Fakes.ZUID));

        assertThat(report.errors())
                .extracting(e -> e.key() + " " + e.field() + " " + e.code())
                .containsExactly("DEEL-1 participations[0].key team.notMember");
        assertThat(importing
                        .batch
                        .participations
                        .get(RegistrationKeys.participationId("DEEL-1"))
                        .activity())
                .isEqualTo(RegistrationKeys.activityId("ACT-1"));
    }

    // issue 3 (review): keys of two source systems must not silently overwrite each other: a record stored under
    // another team than the file says is an error, even in an import for every team
    @Test
    void anImportNeverMovesARecordToAnotherTeam() {
        importing.json(FULL);
        String zuidActivity = ACTIVITY.replace("ACT-1", "ACT-2").replace("team-noord", "team-zuid");
        String noordActivity = ACTIVITY.replace("ACT-1", "ACT-3");

        ImportReport report = importing.json(document(
                "[" + SIGNAL.replace("team-noord", "team-zuid") + "]",
                "[" + ACTIVITY.replace("team-noord", "team-zuid") + ", " + zuidActivity + "]",
                "[" + PARTICIPATION.replace("ACT-1", "ACT-2") + "]"));

        assertThat(report.errors())
                .extracting(e -> e.key() + " " + e.field() + " " + e.code() + " " + e.arguments())
                .containsExactlyInAnyOrder(
                        "SIG-1 signals[0].key record.otherTeam [team-noord]",
                        "ACT-1 activities[0].key record.otherTeam [team-noord]",
                        "DEEL-1 participations[0].key record.otherTeam [team-noord]");
        assertThat(importing
                        .batch
                        .activities
                        .get(RegistrationKeys.activityId("ACT-1"))
                        .team())
                .isEqualTo(Fakes.NOORD);

        // within its team a participation may move to another activity
        ImportReport sameTeam = importing.json(
                document(null, "[" + noordActivity + "]", "[" + PARTICIPATION.replace("ACT-1", "ACT-3") + "]"));
        assertThat(sameTeam.errors()).isEmpty();
        assertThat(sameTeam.updated()).isEqualTo(1);
    }

    // issue 3 (review): one import at a time per importer; a second one meanwhile is refused at once
    @Test
    void aSecondImportWhileOneIsRunningIsRefused() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        byte[] bytes = FULL.getBytes(StandardCharsets.UTF_8);
        InputStream slow = new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next == 0) {
                    reading.countDown();
                    try {
                        if (!goOn.await(30, TimeUnit.SECONDS)) {
                            throw new IOException("the test did not let the first import go on");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                return next < bytes.length ? bytes[next++] & 0xFF : -1;
            }
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ImportReport> first =
                    executor.submit(() -> importing.importer.importJson(slow, ImportOptions.allTeams(Importing.ACTOR)));
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

            ImportReport second = importing.json(FULL);

            assertThat(second)
                    .isEqualTo(new ImportReport(
                            false,
                            0,
                            0,
                            0,
                            0,
                            List.of(nl.meerwaarde.api.importing.RecordError.of(0, null, null, "file.busy")),
                            1));
            goOn.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(new ImportReport(true, 3, 3, 0, 0, List.of(), 0));
        } finally {
            goOn.countDown();
            executor.shutdownNow();
            assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // the next import runs again
        assertThat(importing.json(FULL).unchanged()).isEqualTo(3);
        assertThat(importing.batch.written).isEqualTo(3);
    }
}
