package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.BRAM;
import static nl.meerwaarde.web.internal.rest.Fakes.MANOUK;
import static nl.meerwaarde.web.internal.rest.Fakes.MIRA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.Cookie;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.Coding;
import nl.meerwaarde.forms.internal.QuestionnaireValidator;
import nl.meerwaarde.forms.internal.ReferenceModelWorkflow;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.FakeHttp;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.rest.Fakes;
import nl.meerwaarde.web.internal.security.CsrfGuard;
import org.junit.jupiter.api.Test;

/** The screens with forms: signal registration, activity detail (stage move, participants) and the impact form. */
class FormPagesTest {
    static final String HOSTILE = "\"><script>alert(1)</script>";
    private static final String COOKIE = "A".repeat(43);

    private final CsrfGuard guard = new CsrfGuard(new byte[32]);
    private final Fakes.Signals signals = new Fakes.Signals();
    private final Fakes.Responses responses = new Fakes.Responses();
    private final Fakes.Activities activities = new Fakes.Activities(responses);
    private final Fakes.Audit audit = new Fakes.Audit();
    private final ActivityPages.Services services = new ActivityPages.Services(
            activities,
            signals,
            new Fakes.Org(),
            new ReferenceModelWorkflow(),
            new Fakes.KnownResidents(MANOUK),
            responses,
            audit,
            new Fakes.Catalog(),
            new QuestionnaireValidator(),
            Fakes.CLOCK);
    private final CollectiveActivity activity = Fakes.activity(Fixtures.NOORD, Stage.EXECUTION);

    FormPagesTest() {
        activities.save(activity);
        activities.writes = 0;
    }

    private static ScreenMenu menu() {
        ScreenMenu menu = new ScreenMenu();
        menu.addScreen(new SignalsScreen(), new HashMap<>(Map.of("service.id", 2L, "meerwaarde.screen.order", 20)));
        return menu;
    }

    private SignalFormPage signalPage() {
        return new SignalFormPage(
                menu(), guard, signals, new Fakes.KnownResidents(MANOUK), new Fakes.Org(), Fakes.CLOCK);
    }

    private ActivityPages activityPages() {
        return new ActivityPages(menu(), guard, services);
    }

    private String token(Subject subject) {
        FakeHttp.Request request = FakeHttp.get("/x").cookies(new Cookie(CsrfGuard.COOKIE, COOKIE));
        return guard.issue(request.proxy(), new FakeHttp.Response().proxy(), subject);
    }

    private FakeHttp.Request post(String uri, Subject subject) {
        return FakeHttp.post(uri)
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, subject)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .header("Host", "localhost:8181")
                .header("Origin", "http://localhost:8181")
                .form(CsrfGuard.FIELD, token(subject));
    }

    private static FakeHttp.Request get(String uri, Subject subject) {
        return FakeHttp.get(uri).attribute(WebConstants.SUBJECT_ATTRIBUTE, subject);
    }

    private static FakeHttp.Response send(PageServlet page, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        if ("POST".equals(request.proxy().getMethod())) {
            page.doPost(request.proxy(), response.proxy());
        } else {
            page.doGet(request.proxy(), response.proxy());
        }
        return response;
    }

    private String detail() {
        return "/meerwaarde/activities/" + activity.id();
    }

    private String impact() {
        return detail() + "/participants/r-manouk/impact";
    }

    // --- Signaal registreren ---

    @Test
    void theSignalFormHasALabelForEveryFieldAFieldsetForTheGroupsAndAToken() throws Exception {
        FakeHttp.Response response = send(signalPage(), get("/meerwaarde/signals/new", ANNA));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Set-Cookie"))
                .startsWith(CsrfGuard.COOKIE + "=")
                .contains("HttpOnly", "SameSite=Strict");
        assertThat(response.body())
                .contains("<h1>Signaal registreren</h1>")
                .contains("<form method=\"post\" action=\"/meerwaarde/signals/new\" id=\"signal-form\" novalidate>")
                .containsPattern("<input type=\"hidden\" name=\"csrf\" value=\"[A-Za-z0-9_-]{43}\">")
                .contains("<label class=\"label\" for=\"signal-team\">Team</label>")
                .contains("<label class=\"label\" for=\"signal-type\">Soort signaal</label>")
                .contains("<legend>Doelgroepen (optioneel)</legend>")
                .contains("id=\"signal-targetGroups\" name=\"targetGroups\" value=\"jonge-moeders\"")
                .contains("<label for=\"signal-targetGroups-4\">Jongeren</label>")
                .contains("<label class=\"label\" for=\"signal-referrer\">")
                .contains("<label class=\"label\" for=\"signal-question\">")
                .contains("<label for=\"signal-answered\">De vraag is al beantwoord</label>")
                .contains("<label class=\"label\" for=\"signal-resident\">Inwoner (optioneel)</label>")
                .contains("aria-describedby=\"signal-type-hint\"")
                .contains("<option value=\"team-noord\" selected>Noord</option>")
                .contains("id=\"signal-submit\"")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void theSignalsListLinksToTheForm() throws Exception {
        PageContent content = SignalsPage.render(
                signals,
                FakeHttp.get("/meerwaarde/signals").query("saved=signal").proxy(),
                ANNA,
                nl.meerwaarde.web.internal.Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/signals", "saved=signal", java.util.Optional.empty()));
        assertThat(content.body())
                .contains(
                        "<a class=\"button\" id=\"signal-new\" href=\"/meerwaarde/signals/new\">Signaal registreren</a>")
                .contains("<p class=\"notice\" role=\"status\" id=\"notice\">Het signaal is geregistreerd.</p>");
    }

    @Test
    void aValidSignalIsSavedThroughTheRestCodePathAndRedirected() throws Exception {
        FakeHttp.Response response = send(
                signalPage(),
                post("/meerwaarde/signals/new", ANNA)
                        .form("team", "team-noord")
                        .form("type", "sociaal-isolement")
                        .form("targetGroups", "jonge-moeders", "nieuwkomers")
                        .form("referrer", "consultatiebureau")
                        .form("question", "Zoekt contact met andere moeders")
                        .form("answered", "true")
                        .form("resident", "r-manouk"));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/meerwaarde/signals?saved=signal");
        assertThat(signals.saves).isEqualTo(1);
        Signal saved = signals.saved.values().iterator().next();
        assertThat(saved.team()).isEqualTo(Fixtures.NOORD);
        assertThat(saved.targetGroups()).containsExactlyInAnyOrder("jonge-moeders", "nieuwkomers");
        assertThat(saved.answered()).isTrue();
        assertThat(saved.resident()).contains(MANOUK);
    }

    @Test
    void anInvalidSignalComesBackWithASummaryFieldMessagesAndTheValuesAsEnteredAndNothingSaved() throws Exception {
        FakeHttp.Response response = send(
                signalPage(),
                post("/meerwaarde/signals/new", ANNA)
                        .form("team", "team-zuid")
                        .form("type", "")
                        .form("targetGroups", "ouderen")
                        .form("referrer", HOSTILE)
                        .form("question", HOSTILE)
                        .form("resident", "r-onbekend"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(signals.saves).isZero();
        assertThat(response.body())
                .contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus")
                .contains("<a href=\"#signal-team\">Team: U bent geen lid van dit team.</a>")
                .contains("<a href=\"#signal-type\">Soort signaal: Dit veld is verplicht.</a>")
                .contains("<a href=\"#signal-resident\">Inwoner (optioneel): Deze inwoner is niet bekend.</a>")
                .contains(
                        "<p class=\"field-error\" id=\"signal-type-error\"><span class=\"field-error__prefix\">Fout:</span>"
                                + " Dit veld is verplicht.</p>")
                .contains(
                        "id=\"signal-type\" name=\"type\" value=\"\" aria-describedby=\"signal-type-hint signal-type-error\""
                                + " aria-invalid=\"true\"")
                .contains("value=\"ouderen\" checked")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains(">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
                .contains("value=\"r-onbekend\"")
                .doesNotContain("<script>");
    }

    @Test
    void aPostWithoutOrWithAWrongTokenOrFromAnotherSiteIsRefusedAndSavesNothing() throws Exception {
        FakeHttp.Request missing = FakeHttp.post("/meerwaarde/signals/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .form("team", "team-noord")
                .form("type", "x");
        FakeHttp.Request wrong = FakeHttp.post("/meerwaarde/signals/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .form(CsrfGuard.FIELD, token(BRAM))
                .form("team", "team-noord")
                .form("type", "x");
        FakeHttp.Request noCookie = FakeHttp.post("/meerwaarde/signals/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .form(CsrfGuard.FIELD, token(ANNA))
                .form("team", "team-noord")
                .form("type", "x");
        FakeHttp.Request crossSite = FakeHttp.post("/meerwaarde/signals/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .header("Sec-Fetch-Site", "cross-site")
                .form(CsrfGuard.FIELD, token(ANNA))
                .form("team", "team-noord")
                .form("type", "x");

        for (FakeHttp.Request request : new FakeHttp.Request[] {missing, wrong, noCookie}) {
            FakeHttp.Response response = send(signalPage(), request);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("<h1>Formulier verlopen</h1>");
        }
        FakeHttp.Request evil = FakeHttp.post("/meerwaarde/signals/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .header("Host", "localhost:8181")
                .header("Origin", "https://evil.example")
                .form(CsrfGuard.FIELD, token(ANNA))
                .form("team", "team-noord")
                .form("type", "x");
        assertThat(send(signalPage(), evil).status()).isEqualTo(403);
        assertThat(send(signalPage(), crossSite).status()).isEqualTo(403);
        assertThat(signals.saves).isZero();
    }

    @Test
    void aManagerWithoutTheWorkerRoleMayNotRegister() throws Exception {
        FakeHttp.Response response = send(
                signalPage(),
                post("/meerwaarde/signals/new", MIRA).form("team", "team-noord").form("type", "x"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(signals.saves).isZero();
    }

    @Test
    void theSignalFormAndItsMessagesAreInEnglishOnRequest() throws Exception {
        FakeHttp.Response response = send(
                signalPage(),
                post("/meerwaarde/signals/new", ANNA)
                        .query("lang=en")
                        .attribute(WebConstants.LOCALE_ATTRIBUTE, Languages.ENGLISH)
                        .form("team", "team-noord"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .contains("<html lang=\"en\">")
                .contains("<h1>Register a signal</h1>")
                .contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
                .contains("Type of signal: This field is required.")
                .contains("<span class=\"field-error__prefix\">Error:</span>")
                .contains("action=\"/meerwaarde/signals/new?lang=en\"")
                .contains("<label for=\"signal-targetGroups-1\">Older people</label>");
    }

    // --- Activity detail ---

    @Test
    void theDetailShowsTheSevenStagesWithTheCurrentOneMarked() throws Exception {
        FakeHttp.Response response = send(activityPages(), get(detail(), ANNA));

        assertThat(response.status()).isEqualTo(200);
        String body = response.body();
        assertThat(body)
                .contains("<h1>Moedergroep Emmen</h1>")
                .contains("<ol class=\"stages\" aria-labelledby=\"stages-title\">")
                .contains("<li class=\"stages__step stages__step--current\" aria-current=\"step\">Uitvoering"
                        + " <span class=\"stages__state\">(huidige fase)</span></li>")
                .contains("<li class=\"stages__step stages__step--done\">Signaal")
                .contains("Netwerk vergroten")
                .contains("<caption id=\"budget-caption\">Begroting en werkelijke inzet</caption>")
                .contains("<label class=\"label\" for=\"stage-to\">Nieuwe fase</label>")
                .contains("<option value=\"IMPACT_MEASUREMENT\">Impact meten</option>")
                .contains("<option value=\"EVALUATION\">Evaluatie (alleen met een reden om over te slaan)</option>")
                .contains("<label class=\"label\" for=\"stage-skipReason\">")
                .contains("<label class=\"label\" for=\"participant-resident\">Inwonernummer</label>")
                .contains("action=\"/meerwaarde/activities/" + activity.id() + "/stage\"");
        assertThat(body.split("class=\"stages__step ", -1)).hasSize(8);
        assertThat(body.split("aria-current=\"step\"", -1)).hasSize(2);
    }

    @Test
    void anotherTeamsActivityIsNotFoundForReadingOrMoving() throws Exception {
        assertThat(send(activityPages(), get(detail(), BRAM)).status()).isEqualTo(404);
        FakeHttp.Response move =
                send(activityPages(), post(detail() + "/stage", BRAM).form("to", "IMPACT_MEASUREMENT"));
        assertThat(move.status()).isEqualTo(404);
        assertThat(send(activityPages(), get("/meerwaarde/activities/not-an-id", ANNA))
                        .status())
                .isEqualTo(404);
        assertThat(activities.writes).isZero();
    }

    @Test
    void aStageMoveGoesThroughTheWorkflowAndRedirects() throws Exception {
        FakeHttp.Response response =
                send(activityPages(), post(detail() + "/stage", ANNA).form("to", "IMPACT_MEASUREMENT"));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(detail() + "?saved=stage");
        assertThat(activities.changes).singleElement().satisfies(c -> assertThat(c.to())
                .isEqualTo(Stage.IMPACT_MEASUREMENT));
    }

    @Test
    void aRefusedMoveShowsTheWorkflowsMessageOnTheFieldAndStoresNothing() throws Exception {
        FakeHttp.Response response =
                send(activityPages(), post(detail() + "/stage", ANNA).form("to", "EVALUATION"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .contains("role=\"alert\"")
                .contains("<a href=\"#stage-skipReason\">")
                .contains("Geef een reden om fase Impact meten over te slaan.")
                .contains("<option value=\"EVALUATION\" selected>");
        assertThat(activities.changes).isEmpty();
    }

    @Test
    void aConcurrentMoveIsA409WithAClearDutchMessage() throws Exception {
        activities.concurrentMove = true;
        FakeHttp.Response response =
                send(activityPages(), post(detail() + "/stage", ANNA).form("to", "IMPACT_MEASUREMENT"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body())
                .contains("<a href=\"#stage-to\">Nieuwe fase: De activiteit is intussen door iemand anders");
        assertThat(activities.changes).isEmpty();
    }

    @Test
    void onlyAResidentTheHostKnowsCanBeAddedOnce() throws Exception {
        FakeHttp.Response unknown =
                send(activityPages(), post(detail() + "/participants", ANNA).form("resident", "r-niemand"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("<a href=\"#participant-resident\">Inwonernummer: Deze inwoner is niet bekend.</a>")
                .contains("value=\"r-niemand\"");
        assertThat(activities.participations).isEmpty();

        FakeHttp.Response added =
                send(activityPages(), post(detail() + "/participants", ANNA).form("resident", "r-manouk"));
        assertThat(added.status()).isEqualTo(303);
        assertThat(activities.participations).singleElement().satisfies(p -> assertThat(p.measurement())
                .isEmpty());

        FakeHttp.Response twice =
                send(activityPages(), post(detail() + "/participants", ANNA).form("resident", "r-manouk"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("Deze inwoner is al deelnemer van deze activiteit.");
        assertThat(activities.participations).hasSize(1);

        FakeHttp.Response page = send(activityPages(), get(detail(), ANNA));
        assertThat(page.body())
                .contains("<th scope=\"row\">Manouk (r-manouk)</th><td>Nee</td>")
                .contains("href=\"/meerwaarde/activities/" + activity.id() + "/participants/r-manouk/impact\"");
    }

    // --- Impact form ---

    @Test
    void theImpactFormIsRenderedFromTheQuestionnaireWithRoomForQuotesBesideTheNumbers() throws Exception {
        FakeHttp.Response response = send(activityPages(), get(impact(), ANNA));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("<h1>Impactmeting Manouk (r-manouk)</h1>")
                .contains("<legend>Voelt de deelnemer zich geholpen?</legend>")
                .contains("<input type=\"radio\" id=\"impact-geholpen\" name=\"geholpen\" value=\"true\"> <label"
                        + " for=\"impact-geholpen\">Ja</label>")
                .contains("<label for=\"impact-geholpen-1\">Nee</label>")
                .contains("<div class=\"pair\">")
                .contains("<label class=\"label\" for=\"impact-cijfer\">")
                .contains("<p class=\"hint\" id=\"impact-cijfer-hint\">Van 1 tot en met 10.</p>")
                .contains("<legend>Welke impact ervaart de deelnemer?</legend>")
                .contains("<label for=\"impact-dimensies-2\">Opgelucht voelen</label>")
                .contains("<label class=\"label\" for=\"impact-uitspraken\">Uitspraak 1</label>")
                .contains("<label class=\"label\" for=\"impact-uitspraken-2\">Uitspraak 3</label>")
                .contains("<label class=\"label\" for=\"impact-observatie\">Observatie van de sociaal werker</label>")
                .contains("<input type=\"hidden\" name=\"questionnaireVersion\" value=\"1\">");
    }

    @Test
    void gradeElevenGetsTheValidatorsMessageOnTheFieldAndNothingIsStored() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post(impact(), ANNA)
                        .form("questionnaireVersion", "1")
                        .form("geholpen", "true")
                        .form("redenGeholpen", "Ik ken nu andere moeders")
                        .form("cijfer", "11")
                        .form("dimensies", "verbonden")
                        .form("uitspraken", HOSTILE, "", "")
                        .form("observatie", "Manouk nam zelf het woord"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .contains("role=\"alert\"")
                .contains("<a href=\"#impact-cijfer\">")
                .contains("Vul een waarde van 1 tot en met 10 in.")
                .contains("id=\"impact-cijfer-error\"")
                .contains("aria-describedby=\"impact-cijfer-hint impact-cijfer-error\" aria-invalid=\"true\"")
                .contains("value=\"11\"")
                .contains("value=\"true\" checked")
                .contains("value=\"verbonden\" checked")
                .contains(">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
                .contains(">Manouk nam zelf het woord</textarea>")
                .doesNotContain("<script>");
        assertThat(responses.saves).isZero();
        assertThat(activities.participations).isEmpty();
        assertThat(audit.events).isEmpty();
    }

    @Test
    void aValidMeasurementIsSavedAuditedAndShownAgainForEditing() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post(impact(), ANNA)
                        .form("questionnaireVersion", "1")
                        .form("geholpen", "true")
                        .form("redenGeholpen", "Ik ken nu andere moeders")
                        .form("cijfer", "8")
                        .form("cijferToelichting", "")
                        .form("dimensies", "verbonden", "erkend")
                        .form("uitspraken", "Ik sta er niet meer alleen voor", "", "")
                        .form("observatie", "Manouk nam zelf het woord")
                        .form("doorverwijzingen", "Leerwerkloket", ""));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(detail() + "?saved=impact#participants");
        assertThat(responses.saves).isEqualTo(1);
        Participation participation = activities.participations.get(0);
        Participation.ImpactMeasurement m = participation.measurement().orElseThrow();
        assertThat(m.grade()).contains(8);
        assertThat(m.dimensions()).containsExactlyInAnyOrder("verbonden", "erkend");
        assertThat(m.quotes()).containsExactly("Ik sta er niet meer alleen voor");
        assertThat(participation.referrals()).containsExactly("Leerwerkloket");
        assertThat(responses.saved.values()).singleElement().satisfies(saved -> assertThat(saved.answers())
                .filteredOn(a -> a.linkId().equals("dimensies"))
                .singleElement()
                .satisfies(a -> assertThat(a.values()).containsExactly(new Coding("verbonden"), new Coding("erkend"))));
        assertThat(audit.events).singleElement().satisfies(e -> assertThat(e.action())
                .isEqualTo("create"));

        FakeHttp.Response again = send(activityPages(), get(impact(), ANNA));
        assertThat(again.body())
                .contains("id=\"impact-cijfer\" name=\"cijfer\" value=\"8\"")
                .contains("value=\"verbonden\" checked")
                .contains("value=\"erkend\" checked")
                .doesNotContain("value=\"opgelucht\" checked")
                .contains(">Ik sta er niet meer alleen voor</textarea>");
        assertThat(audit.events).hasSize(2);
        assertThat(audit.events.get(1).action()).isEqualTo("read");
    }

    @Test
    void theImpactFormOfAnotherTeamOrAnUnknownResidentIsNotFound() throws Exception {
        assertThat(send(activityPages(), get(impact(), BRAM)).status()).isEqualTo(404);
        assertThat(send(activityPages(), post(impact(), BRAM).form("geholpen", "true"))
                        .status())
                .isEqualTo(404);
        assertThat(send(activityPages(), get(detail() + "/participants/r-niemand/impact", ANNA))
                        .status())
                .isEqualTo(404);
        assertThat(responses.saves).isZero();
    }

    @Test
    void aRedirectKeepsTheChosenLanguageBeforeTheFragment() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post(detail() + "/participants", ANNA).query("lang=en").form("resident", "r-manouk"));
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(detail() + "?saved=participant&lang=en#participants");
    }

    @Test
    void theImpactFormIsInEnglishOnRequest() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                get(impact(), ANNA).query("lang=en").attribute(WebConstants.LOCALE_ATTRIBUTE, Languages.ENGLISH));

        assertThat(response.body())
                .contains("<legend>Does the participant feel helped?</legend>")
                .contains("<label for=\"impact-geholpen\">Yes</label>")
                .contains("<label for=\"impact-dimensies\">Feeling recognised</label>")
                .contains("<label class=\"label\" for=\"impact-uitspraken\">Quote 1</label>");
    }

    // --- Nieuwe activiteit and Gegevens bijwerken ---

    @Test
    void theListFiltersByStageWithTheNumberInEachStage() {
        CollectiveActivity closed = Fakes.activity(Fixtures.NOORD, Stage.CLOSED);
        activities.save(closed);
        activities.save(Fakes.activity(Fixtures.ZUID, Stage.CLOSED));

        PageContent all = activityList(null);
        PageContent onlyClosed = activityList("stage=CLOSED");
        PageContent nonsense = activityList("stage=KLAAR");

        assertThat(all.body())
                .contains("<nav class=\"stage-filter\" aria-label=\"Fase\">")
                .contains("<li><a href=\"/meerwaarde/activities\" aria-current=\"page\">Alle (2)</a></li>")
                .contains("<li><a href=\"/meerwaarde/activities?stage=EXECUTION\">Uitvoering (1)</a></li>")
                .contains("<li><a href=\"/meerwaarde/activities?stage=CLOSED\">Afgesloten (1)</a></li>")
                .contains("<li><a href=\"/meerwaarde/activities?stage=PLAN\">Plan van aanpak (0)</a></li>")
                .contains(activity.title(), "/meerwaarde/activities/" + closed.id());
        assertThat(onlyClosed.body())
                .contains(
                        "<li><a href=\"/meerwaarde/activities?stage=CLOSED\" aria-current=\"page\">Afgesloten (1)</a>")
                .contains("/meerwaarde/activities/" + closed.id())
                .doesNotContain("/meerwaarde/activities/" + activity.id());
        assertThat(nonsense.body()).contains("aria-current=\"page\">Alle (2)</a>");
    }

    private PageContent activityList(String query) {
        FakeHttp.Request request = FakeHttp.get("/meerwaarde/activities");
        if (query != null) {
            request.query(query);
        }
        return ActivitiesPage.render(
                activities,
                nl.meerwaarde.web.internal.TeamNames.of(new Fakes.Org()),
                request.proxy(),
                ANNA,
                nl.meerwaarde.web.internal.Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/activities", query, java.util.Optional.empty()));
    }

    @Test
    void theNewActivityFormIsLinkedFromTheListAndLabelsEveryField() throws Exception {
        PageContent list = ActivitiesPage.render(
                activities,
                nl.meerwaarde.web.internal.TeamNames.of(new Fakes.Org()),
                FakeHttp.get("/meerwaarde/activities").proxy(),
                ANNA,
                nl.meerwaarde.web.internal.Messages.of(Languages.DUTCH),
                new Links("/meerwaarde", "/meerwaarde/activities", null, java.util.Optional.empty()));
        assertThat(list.body())
                .contains("<a class=\"button\" id=\"activity-new\" href=\"/meerwaarde/activities/new\">"
                        + "Nieuwe activiteit</a>");

        FakeHttp.Response response = send(activityPages(), get("/meerwaarde/activities/new", ANNA));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("<h1>Nieuwe activiteit</h1>")
                .contains("action=\"/meerwaarde/activities/new\" id=\"activity-form\" novalidate>")
                .containsPattern("<input type=\"hidden\" name=\"csrf\" value=\"[A-Za-z0-9_-]{43}\">")
                .contains("<label class=\"label\" for=\"activity-title\">Titel</label>")
                .contains("<label class=\"label\" for=\"activity-team\">Team</label>")
                .contains("<legend>Doelgroepen (optioneel)</legend>")
                .contains("<label class=\"label\" for=\"activity-startsOn\">")
                .contains("<label class=\"label\" for=\"activity-budgetHours\">Begrote uren (optioneel)</label>")
                .contains("<label class=\"label\" for=\"activity-budgetEuros\">Begrote euro&#39;s (optioneel)</label>")
                .contains("<label class=\"label\" for=\"activity-goal-2\">SMART-doel 3 (optioneel)</label>")
                .contains("id=\"activity-submit\"");
    }

    @Test
    void aNewActivityIsSavedThroughTheRestCodePathAndRedirectedToItsDetail() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post("/meerwaarde/activities/new", ANNA)
                        .form("title", "Taalcafé")
                        .form("team", "team-noord")
                        .form("targetGroups", "nieuwkomers")
                        .form("startsOn", "1-4-2026")
                        .form("budgetHours", "40")
                        .form("budgetEuros", "1250,50")
                        .form("goal", "10 nieuwkomers oefenen wekelijks", "", "Drie vrijwilligers"));

        assertThat(response.status()).isEqualTo(303);
        CollectiveActivity saved = activities.saved.values().stream()
                .filter(a -> a.title().equals("Taalcafé"))
                .findFirst()
                .orElseThrow();
        assertThat(response.header("Location")).isEqualTo("/meerwaarde/activities/" + saved.id() + "?saved=activity");
        assertThat(activities.writes).isEqualTo(1);
        assertThat(saved.stage()).isEqualTo(Stage.SIGNAL);
        assertThat(saved.team()).isEqualTo(Fixtures.NOORD);
        assertThat(saved.targetGroups()).containsExactly("nieuwkomers");
        assertThat(saved.startsOn()).contains(java.time.LocalDate.of(2026, 4, 1));
        assertThat(saved.budget().orElseThrow().euros()).contains(new java.math.BigDecimal("1250.50"));
        assertThat(saved.goals())
                .extracting(CollectiveActivity.SmartGoal::description)
                .containsExactly("10 nieuwkomers oefenen wekelijks", "Drie vrijwilligers");
    }

    @Test
    void anInvalidNewActivityComesBackWithASummaryAndNothingSaved() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post("/meerwaarde/activities/new", ANNA)
                        .form("title", "")
                        .form("team", "team-zuid")
                        .form("startsOn", "morgen")
                        .form("budgetHours", "-1")
                        .form("budgetEuros", "veel")
                        .form("goal", HOSTILE, "", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(activities.writes).isZero();
        assertThat(response.body())
                .contains("<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus")
                .contains("<a href=\"#activity-title\">Titel: Dit veld is verplicht.</a>")
                .contains("<a href=\"#activity-team\">Team: U bent geen lid van dit team.</a>")
                .contains(
                        "<a href=\"#activity-startsOn\">Startdatum (optioneel): Deze waarde heeft niet de juiste vorm.</a>")
                .contains("<a href=\"#activity-budgetHours\">")
                .contains("<a href=\"#activity-budgetEuros\">")
                .contains(
                        "id=\"activity-title\" name=\"title\" value=\"\" aria-describedby=\"activity-title-error\" aria-invalid=\"true\"")
                .contains("value=\"morgen\"")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>");
    }

    @Test
    void theDetailHasTheUpdateFormFilledWithTheRegisteredFigures() throws Exception {
        FakeHttp.Response response = send(activityPages(), get(detail(), ANNA));

        assertThat(response.body())
                .contains("<h2 id=\"update-title\" tabindex=\"-1\">Gegevens bijwerken</h2>")
                .contains("action=\"/meerwaarde/activities/" + activity.id() + "/update\" id=\"update-form\"")
                .contains("<label class=\"label\" for=\"update-actualHours\">Werkelijke uren</label>")
                .contains("<legend>Anonieme deelnemers</legend>")
                .contains("<label class=\"label\" for=\"update-anonHelped\">Waarvan geholpen</label>")
                .contains("<label class=\"label\" for=\"update-individualQuestions\">")
                .contains("<label class=\"label\" for=\"update-referrerSatisfaction\">")
                .contains("<label class=\"label\" for=\"update-goal-0\">Realisatie van doel: Netwerk vergroten</label>")
                .contains("<option value=\"PARTLY\">deels behaald</option>")
                .contains("id=\"update-submit\"");
    }

    @Test
    void theUpdateFormSavesThroughThePatchCodePathAndRedirects() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post(detail() + "/update", ANNA)
                        .form("actualHours", "12,5")
                        .form("actualEuros", "300")
                        .form("anonParticipants", "20")
                        .form("anonMeasured", "15")
                        .form("anonHelped", "9")
                        .form("individualQuestions", "4")
                        .form("referrerSatisfaction", "8")
                        .form("goal-0", "ACHIEVED"));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo(detail() + "?saved=details#update-title");
        CollectiveActivity saved = activities.saved.get(activity.id());
        assertThat(activities.writes).isEqualTo(1);
        assertThat(saved.stage()).isEqualTo(Stage.EXECUTION);
        assertThat(saved.actual().orElseThrow().hours()).contains(new java.math.BigDecimal("12.5"));
        assertThat(saved.anonymous()).contains(new CollectiveActivity.AnonymousCounts(20, 15, 9));
        assertThat(saved.individualQuestionsAnswered()).contains(4);
        assertThat(saved.referrerSatisfaction()).contains(8);
        assertThat(saved.goals().get(0).realisation()).contains(CollectiveActivity.GoalRealisation.ACHIEVED);

        FakeHttp.Response shown = send(activityPages(), get(detail(), ANNA).query("saved=details"));
        assertThat(shown.body())
                .contains("De gegevens van de activiteit zijn bijgewerkt.")
                .contains("name=\"actualHours\" value=\"12.5\"")
                .contains("<option value=\"ACHIEVED\" selected>behaald</option>");
    }

    @Test
    void thePlanIsSavedFromTheUpdateFormAndShownWithTheReferralsPerPartner() throws Exception {
        activities.saveParticipation(new nl.meerwaarde.api.Participation(
                java.util.UUID.randomUUID(),
                activity.id(),
                MANOUK,
                java.util.Optional.empty(),
                java.util.Set.of("Leerwerkloket", "Bibliotheek")));
        activities.saveParticipation(new nl.meerwaarde.api.Participation(
                java.util.UUID.randomUUID(),
                activity.id(),
                nl.meerwaarde.host.spi.ResidentId.of("r-2"),
                java.util.Optional.empty(),
                java.util.Set.of("Leerwerkloket")));

        FakeHttp.Response response = send(
                activityPages(),
                post(detail() + "/update", ANNA)
                        .form("analysis", "Drie signalen over eenzaamheid")
                        .form("instrument", "anders")
                        .form("instrumentOther", "Wandelmeter")
                        .form("partners", "Leerwerkloket\r\n\r\n Bibliotheek \r\n")
                        .form("sessions", "6")
                        .form("lessonsLearned", "Een vaste plek werkt"));

        assertThat(response.status()).isEqualTo(303);
        CollectiveActivity saved = activities.saved.get(activity.id());
        assertThat(saved.analysis()).contains("Drie signalen over eenzaamheid");
        assertThat(saved.instrument())
                .contains(new CollectiveActivity.ChosenInstrument("anders", java.util.Optional.of("Wandelmeter")));
        assertThat(saved.partners()).containsExactlyInAnyOrder("Leerwerkloket", "Bibliotheek");
        assertThat(saved.sessions()).contains(6);
        assertThat(saved.lessonsLearned()).contains("Een vaste plek werkt");

        FakeHttp.Response shown = send(activityPages(), get(detail(), ANNA));
        assertThat(shown.body())
                .contains("<legend>Analyse en plan</legend>")
                .contains("<option value=\"anders\" selected>Ander instrument</option>")
                .contains("<option value=\"zrm-2017\">Zelfredzaamheid-Matrix (ZRM 2017)</option>")
                .contains("<dt>Meetinstrument</dt><dd>Wandelmeter</dd>")
                .contains("<dt>Samenwerkingspartners</dt><dd>Bibliotheek, Leerwerkloket</dd>")
                .contains("<dt>Geleerde lessen</dt><dd>Een vaste plek werkt</dd>")
                .contains("<h2 id=\"referrals\" tabindex=\"-1\">Doorverwijzingen per partner</h2>")
                .contains("<tr><th scope=\"row\">Bibliotheek</th><td class=\"number\">1</td></tr>")
                .contains("<tr><th scope=\"row\">Leerwerkloket</th><td class=\"number\">2</td></tr>");

        FakeHttp.Response unknown = send(
                activityPages(),
                post(detail() + "/update", ANNA)
                        .form("instrument", "glazen-bol")
                        .form("sessions", "-1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("<a href=\"#update-instrument\">Meetinstrument: Kies een van de mogelijkheden.</a>")
                .contains("<a href=\"#update-sessions\">Aantal bijeenkomsten:");
    }

    private nl.meerwaarde.api.Signal signal(nl.meerwaarde.host.spi.TeamId team, String referrer, int day) {
        nl.meerwaarde.api.Signal signal = new nl.meerwaarde.api.Signal(
                nl.meerwaarde.api.SignalId.random(),
                team,
                java.time.LocalDate.of(2026, 3, day),
                "sociaal-isolement",
                java.util.Set.of("ouderen"),
                referrer,
                "Een vraag die hier nooit verschijnt",
                false,
                java.util.Optional.of(MANOUK),
                java.util.Optional.empty());
        signals.save(signal);
        return signal;
    }

    @Test
    void aSignalOfTheTeamIsClusteredOntoTheActivityFromItsScreen() throws Exception {
        nl.meerwaarde.api.Signal huisarts = signal(Fixtures.NOORD, "huisarts", 2);
        signal(Fixtures.ZUID, "school", 3);

        FakeHttp.Response shown = send(activityPages(), get(detail(), ANNA));
        assertThat(shown.body())
                .contains("<h2 id=\"signals\" tabindex=\"-1\">Signalen</h2>")
                .contains("Er zijn nog geen signalen aan deze activiteit gekoppeld.")
                .contains("<option value=\"" + huisarts.id()
                        + "\">2 maart 2026: sociaal-isolement, gemeld door huisarts</option>")
                .doesNotContain("school", "Een vraag die hier nooit verschijnt");

        FakeHttp.Response saved = send(
                activityPages(),
                post(detail() + "/signals", ANNA).form("signal", huisarts.id().toString()));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo(detail() + "?saved=clustered#signals");
        assertThat(signals.saved.get(huisarts.id()).activity()).contains(activity.id());

        assertThat(send(activityPages(), get(detail(), ANNA).query("saved=clustered"))
                        .body())
                .contains("Het signaal is aan de activiteit gekoppeld.")
                .contains("<li>2 maart 2026: sociaal-isolement, gemeld door huisarts</li>")
                .contains("Alle signalen van het team zijn aan een activiteit gekoppeld.");
    }

    @Test
    void clusteringAnotherTeamsSignalOrNoneIsRefusedOnTheForm() throws Exception {
        nl.meerwaarde.api.Signal school = signal(Fixtures.ZUID, "school", 3);
        signal(Fixtures.NOORD, "huisarts", 2);

        FakeHttp.Response otherTeam = send(
                activityPages(),
                post(detail() + "/signals", ANNA).form("signal", school.id().toString()));
        FakeHttp.Response none = send(activityPages(), post(detail() + "/signals", ANNA));

        assertThat(otherTeam.status()).isEqualTo(400);
        assertThat(otherTeam.body()).contains("<a href=\"#signal-choice\">Signaal: Kies een van de mogelijkheden.</a>");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("<a href=\"#signal-choice\">Signaal: ");
        assertThat(signals.saved.get(school.id()).activity()).isEmpty();
        assertThat(send(
                                activityPages(),
                                post(detail() + "/signals", MIRA)
                                        .form("signal", school.id().toString()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anInvalidUpdateComesBackWithASummaryAndNothingSaved() throws Exception {
        FakeHttp.Response response = send(
                activityPages(),
                post(detail() + "/update", ANNA)
                        .form("actualHours", "veel")
                        .form("anonParticipants", "5")
                        .form("anonMeasured", "6")
                        .form("anonHelped", "")
                        .form("referrerSatisfaction", "11")
                        .form("goal-0", "MAYBE"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(activities.writes).isZero();
        assertThat(response.body())
                .contains("<div class=\"error-summary\" id=\"error-summary\"")
                .contains("<a href=\"#update-actualHours\">Werkelijke uren: Deze waarde heeft niet de juiste vorm.</a>")
                .contains("<a href=\"#update-anonHelped\">Waarvan geholpen: Dit veld is verplicht.</a>")
                .contains("<a href=\"#update-referrerSatisfaction\">")
                .contains("<a href=\"#update-goal-0\">Realisatie van doel 1: Kies een van de mogelijkheden.</a>")
                .contains("name=\"actualHours\" value=\"veel\"");
    }

    @Test
    void theActivityFormsRefuseABadTokenAnotherTeamAndAManager() throws Exception {
        FakeHttp.Request wrongNew = FakeHttp.post("/meerwaarde/activities/new")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .form(CsrfGuard.FIELD, token(BRAM))
                .form("title", "x")
                .form("team", "team-noord");
        FakeHttp.Request wrongUpdate = FakeHttp.post(detail() + "/update")
                .attribute(WebConstants.SUBJECT_ATTRIBUTE, ANNA)
                .cookies(new Cookie(CsrfGuard.COOKIE, COOKIE))
                .form("referrerSatisfaction", "7");

        assertThat(send(activityPages(), wrongNew).status()).isEqualTo(403);
        assertThat(send(activityPages(), wrongUpdate).status()).isEqualTo(403);
        assertThat(send(activityPages(), post(detail() + "/update", BRAM).form("referrerSatisfaction", "7"))
                        .status())
                .isEqualTo(404);
        assertThat(send(activityPages(), post(detail() + "/update", MIRA).form("referrerSatisfaction", "7"))
                        .status())
                .isEqualTo(403);
        assertThat(send(
                                activityPages(),
                                post("/meerwaarde/activities/new", MIRA).form("title", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(activities.writes).isZero();
    }
}
