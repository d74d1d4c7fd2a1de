package nl.meerwaarde.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 3: a worker takes Manouk's story through the screens in a real browser — Debian's headless Chromium, driven
 * by Selenium through Debian's chromedriver, against the runnable reference host started as a separate process (as
 * the README says, on a free port with its own data directory). Logs in, registers a signal, plans an activity
 * with the "Nieuwe activiteit" screen and moves it stage by stage to execution, adds Manouk, fills the impact form
 * with one invalid field, sees the Dutch error with the focus on the error summary, corrects it and sees the saved
 * result; then moves to impact measurement, registers the actual figures and the goal as achieved, evaluates and
 * closes the activity, and checks the step list and the stage history; last, opens the KPI dashboard, drills down
 * to the activity and checks Manouk's grade there.
 *
 * <p>Screenshots go to {@code target/browser/}: one of the impact form with its error (to look at), and one of the
 * page the browser was on when a test failed. The host's log and chromedriver's log are there too.
 */
class BrowserJourneyIT {
    /** Debian's packages {@code chromium} and {@code chromium-driver}; never a browser a test tool downloads. */
    static final Path CHROMIUM = Path.of(System.getProperty("meerwaarde.chromium", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("meerwaarde.chromedriver", "/usr/bin/chromedriver"));

    /**
     * Selenium 4.49 ships DevTools bindings up to an older Chromium and warns at every start that it has none for
     * Debian's newer one; this test uses WebDriver only (no CDP), so that warning is noise. Held here so that the
     * setting is not garbage-collected with the logger.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    private static final String BANNER = "Meerwaarde reference host is running: open http://localhost:";
    private static final String TEAM = "team-emmer-compascuum";
    private static final String MANOUK = "inw-0001";
    private static final String MANOUK_NAME = "Manouk Bakker (" + MANOUK + ")";
    private static final String SIGNAL_TYPE = "Jonge moeder voelt zich alleen met een ziek kind";
    private static final String ACTIVITY_TITLE = "Wandelgroep jonge moeders";
    private static final String GOAL = "Acht moeders wandelen wekelijks mee";
    private static final String QUOTE = "Ik kom eindelijk weer eens ergens waar het niet alleen om de kinderen gaat.";

    @TempDir
    static Path work;

    private static Path output;
    private static Process host;
    private static URI base;

    private WebDriver driver;
    private ChromeDriverService service;

    /** Before {@code @AfterEach} quits the browser: a screenshot and the page's HTML of where a test failed. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestMethod().getName() + "-failed";
            try {
                Path png = screenshot(name);
                Files.writeString(output.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
                System.err.println("Screenshot of the failure: " + png + " (page was " + driver.getCurrentUrl() + ")");
            } catch (RuntimeException | IOException e) {
                System.err.println("No screenshot of the failure: " + e);
            }
        }
    };

    @BeforeAll
    static void startHost() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "%s and %s are needed: install Debian's chromium and chromium-driver"
                                + " (apt-get install chromium chromium-driver)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        output = Path.of(System.getProperty("meerwaarde.output", "target/browser"));
        Files.createDirectories(output);

        int port = freePort();
        Path log = output.resolve("host.log");
        long started = System.nanoTime();
        host = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.util.logging.config.file=" + System.getProperty("meerwaarde.logging"),
                        "-Dorg.osgi.service.http.port=" + port,
                        "-Dmeerwaarde.data=" + work.resolve("data"),
                        "-jar",
                        System.getProperty("meerwaarde.jar")))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        base = URI.create("http://127.0.0.1:" + port + "/");

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // The Meerwaarde bundles start beside the host, not after it: wait (bounded) for the banner, then for the
        // login page and the (unauthenticated: 302/303 to the login page) screens to answer.
        new FluentWait<>(log)
                .withTimeout(START_TIMEOUT)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "the start-up banner within " + START_TIMEOUT.toSeconds() + " s:\n" + read(log))
                .until(file -> host.isAlive() && read(file).contains(BANNER));
        new FluentWait<>(http)
                .withTimeout(Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(IOException.class)
                .withMessage("the login page and the screens answer within 20 s of the banner")
                .until(client -> status(client, base.resolve("login")) == 200
                        && status(client, base.resolve("meerwaarde/signals/new")) / 100 == 3);
        System.out.printf(
                "Reference host on port %d ready after %d ms%n",
                port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (host != null && host.isAlive()) {
            host.destroy();
            if (!host.waitFor(40, TimeUnit.SECONDS)) {
                host.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @BeforeEach
    void startBrowser() throws IOException {
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(output.resolve("chromedriver.log").toFile())
                .build();
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--window-size=1280,1600",
                        "--lang=nl-NL")
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
        }
    }

    @Test
    void workerTakesManoukFromSignalToClosedActivity() throws Exception {
        long started = System.nanoTime();

        // --- log in: a screen sends the browser to the host's login page and back ----------------------------
        driver.get(base.resolve("meerwaarde/signals/new").toString());
        waitFor(By.name("username")).sendKeys("sanne");
        driver.findElement(By.name("password")).sendKeys("demo-sanne-2026");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        // --- register a signal for Manouk -----------------------------------------------------------------------
        waitFor(By.id("signal-form"));
        assertThat(new Select(driver.findElement(By.id("signal-team")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(TEAM);
        driver.findElement(By.id("signal-type")).sendKeys(SIGNAL_TYPE);
        driver.findElement(By.id("signal-targetGroups")).click(); // jonge moeders
        driver.findElement(By.id("signal-referrer")).sendKeys("Consultatiebureau");
        driver.findElement(By.id("signal-question"))
                .sendKeys("Manouk wil andere moeders leren kennen die ook voor een ziek kind zorgen.");
        driver.findElement(By.id("signal-resident")).sendKeys(MANOUK);
        driver.findElement(By.id("signal-submit")).click();

        assertThat(waitFor(By.id("notice")).getText()).isEqualTo("Het signaal is geregistreerd.");
        assertThat(driver.findElement(By.id("notice")).getAttribute("role")).isEqualTo("status");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains(SIGNAL_TYPE, "Consultatiebureau");

        // --- plan an activity through the "Nieuwe activiteit" screen ----------------------------------------------
        driver.get(base.resolve("meerwaarde/activities").toString());
        waitFor(By.id("activity-new")).click();
        waitFor(By.id("activity-form"));
        driver.findElement(By.id("activity-title")).sendKeys(ACTIVITY_TITLE);
        new Select(driver.findElement(By.id("activity-team"))).selectByValue(TEAM);
        WebElement youngMothers = driver.findElement(By.cssSelector("input[name=targetGroups][value='jonge-moeders']"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + youngMothers.getAttribute("id") + "']"))
                        .getText())
                .containsIgnoringCase("moeders");
        youngMothers.click();
        driver.findElement(By.id("activity-startsOn")).sendKeys("2026-09-01");
        driver.findElement(By.id("activity-budgetHours")).sendKeys("40");
        driver.findElement(By.id("activity-budgetEuros")).sendKeys("500");
        driver.findElement(By.id("activity-goal-0")).sendKeys(GOAL);
        driver.findElement(By.id("activity-submit")).click();

        waitForText(By.id("notice"), "De activiteit is aangemaakt.");
        String activityId = activityIdFromUrl();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(ACTIVITY_TITLE);
        assertThat(currentStep()).contains("Signaal");

        // --- Manouk's signal is clustered onto the activity ------------------------------------------------------
        Select signalChoice = new Select(driver.findElement(By.id("signal-choice")));
        WebElement manouksSignal = signalChoice.getOptions().stream()
                .filter(option -> option.getText().contains(SIGNAL_TYPE)
                        && option.getText().contains("Consultatiebureau"))
                .findFirst()
                .orElseThrow();
        String signalText = manouksSignal.getText();
        signalChoice.selectByValue(manouksSignal.getAttribute("value"));
        driver.findElement(By.id("signal-submit")).click();
        waitForText(By.id("notice"), "Het signaal is aan de activiteit gekoppeld.");
        assertThat(driver.findElement(By.cssSelector("ul.signals")).getText()).contains(signalText);

        // --- the new activity shows in the list; open it and move it to execution, one stage at a time ------------
        driver.get(base.resolve("meerwaarde/activities").toString());
        WebElement title = waitFor(By.cssSelector("a[href$='/activities/" + activityId + "']"));
        assertThat(title.getText()).isEqualTo(ACTIVITY_TITLE);
        title.click();
        waitForText(By.cssSelector("ol.stages li[aria-current=step]"), "Signaal");

        moveTo("ANALYSIS", "Analyse");
        moveTo("PLAN", "Plan van aanpak");
        moveTo("EXECUTION", "Uitvoering");

        // --- Manouk takes part -----------------------------------------------------------------------------------
        driver.findElement(By.id("participant-resident")).sendKeys(MANOUK);
        driver.findElement(By.id("participant-submit")).click();
        waitForText(By.id("notice"), "De deelnemer is toegevoegd.");
        WebElement fill = driver.findElement(By.linkText("Impactmeting invullen voor " + MANOUK_NAME));
        assertThat(participantRow().getText()).contains(MANOUK_NAME, "Nee");
        fill.click();

        // --- her impact measurement, first with a grade out of range ---------------------------------------------
        waitFor(By.id("impact-form"));
        driver.findElement(By.id("impact-geholpen")).click(); // Ja
        driver.findElement(By.id("impact-cijfer")).sendKeys("11");
        driver.findElement(By.id("impact-uitspraken")).sendKeys(QUOTE);
        driver.findElement(By.id("impact-submit")).click();

        WebElement summary = waitFor(By.id("error-summary"));
        new WebDriverWait(driver, PAGE_TIMEOUT)
                .withMessage("the error summary takes the focus")
                .until(d -> summary.equals(d.switchTo().activeElement()));
        assertThat(driver.findElement(By.id("impact-cijfer-error")).getText())
                .contains("Vul een waarde van 1 tot en met 10 in.");
        assertThat(summary.findElement(By.cssSelector("a[href='#impact-cijfer']"))
                        .getText())
                .contains("Vul een waarde van 1 tot en met 10 in.");
        WebElement grade = driver.findElement(By.id("impact-cijfer"));
        assertThat(grade.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(grade.getAttribute("aria-describedby")).contains("impact-cijfer-error");
        // what was entered stays in the form; nothing was saved
        assertThat(grade.getAttribute("value")).isEqualTo("11");
        assertThat(driver.findElement(By.id("impact-geholpen")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("impact-uitspraken")).getAttribute("value"))
                .isEqualTo(QUOTE);
        System.out.println("Impact form with its error: " + screenshot("impact-form-with-error"));

        // --- corrected ------------------------------------------------------------------------------------------
        grade.clear();
        grade.sendKeys("8");
        driver.findElement(By.id("impact-submit")).click();

        waitForText(By.id("notice"), "De impactmeting is opgeslagen.");
        assertThat(driver.getCurrentUrl()).contains("/meerwaarde/activities/" + activityId, "saved=impact");
        assertThat(participantRow().findElements(By.tagName("td")).get(0).getText())
                .as("measured")
                .isEqualTo("Ja");
        WebElement edit = driver.findElement(By.linkText("Impactmeting bekijken of wijzigen voor " + MANOUK_NAME));
        assertThat(driver.findElements(By.linkText("Impactmeting invullen voor " + MANOUK_NAME)))
                .isEmpty();

        // the saved answers come back in the form
        edit.click();
        waitFor(By.id("impact-form"));
        assertThat(driver.findElement(By.id("impact-cijfer")).getAttribute("value"))
                .isEqualTo("8");
        assertThat(driver.findElement(By.id("impact-geholpen")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("impact-uitspraken")).getAttribute("value"))
                .isEqualTo(QUOTE);

        // --- measure impact: register the actual figures and the goal's realisation ------------------------------
        driver.get(base.resolve("meerwaarde/activities/" + activityId).toString());
        waitForText(By.cssSelector("ol.stages li[aria-current=step]"), "Uitvoering");
        moveTo("IMPACT_MEASUREMENT", "Impact meten");

        waitFor(By.id("update-form"));
        new Select(driver.findElement(By.id("update-instrument"))).selectByValue("impactmeting");
        typeInto(By.id("update-partners"), "Leerwerkloket Emmen\nConsultatiebureau");
        typeInto(By.id("update-actualHours"), "36");
        typeInto(By.id("update-actualEuros"), "450");
        typeInto(By.id("update-referrerSatisfaction"), "9");
        Select realisation = new Select(driver.findElement(By.id("update-goal-0")));
        assertThat(realisation.getOptions().stream().map(o -> o.getAttribute("value")))
                .contains("ACHIEVED", "PARTLY", "NOT_ACHIEVED");
        realisation.selectByValue("ACHIEVED");
        driver.findElement(By.id("update-submit")).click();

        waitForText(By.id("notice"), "De gegevens van de activiteit zijn bijgewerkt.");
        assertThat(driver.getCurrentUrl()).contains("/meerwaarde/activities/" + activityId, "saved=details");
        assertThat(driver.findElement(By.cssSelector("ul.goals")).getText()).contains(GOAL, "behaald");
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText())
                .contains("Impactmeting per deelnemer (tellen en vertellen)", "Consultatiebureau, Leerwerkloket Emmen");
        assertThat(driver.findElement(By.id("update-actualHours")).getAttribute("value"))
                .isEqualTo("36");
        assertThat(new Select(driver.findElement(By.id("update-goal-0")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("ACHIEVED");

        // --- evaluate and close --------------------------------------------------------------------------------
        moveTo("EVALUATION", "Evaluatie");
        moveTo("CLOSED", "Afgesloten");
        assertThat(currentStep()).contains("Afgesloten");
        assertThat(driver.findElements(By.id("stage-form")))
                .as("no further moves")
                .isEmpty();
        assertThat(driver.getPageSource()).contains("De activiteit is afgesloten.");

        List<String> history = driver.findElements(By.cssSelector("#history-caption ~ tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(1).getText() + " -> "
                        + row.findElements(By.tagName("td")).get(2).getText())
                .toList();
        assertThat(history)
                .containsExactly(
                        "Signaal -> Analyse",
                        "Analyse -> Plan van aanpak",
                        "Plan van aanpak -> Uitvoering",
                        "Uitvoering -> Impact meten",
                        "Impact meten -> Evaluatie",
                        "Evaluatie -> Afgesloten");

        // --- the KPI dashboard: her own team by default, drilled down to the activity: Manouk's grade, n = 1 -----
        driver.get(base.resolve("meerwaarde/dashboard?period=2026").toString());
        WebElement scope = waitFor(By.id("dashboard-scope"));
        assertThat(new Select(scope).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("team:" + TEAM);
        assertThat(driver.findElements(By.cssSelector("#dashboard-scope option[value=organisation]")))
                .as("a worker is offered no organisation-wide figures")
                .isEmpty();
        driver.findElement(By.cssSelector(".drilldown__links"))
                .findElement(By.linkText(ACTIVITY_TITLE))
                .click();
        waitForText(By.id("dashboard-title"), ACTIVITY_TITLE);
        WebElement meanGrade = driver.findElement(By.cssSelector("#kpi-tinten-14-table tbody tr"));
        assertThat(meanGrade.findElements(By.tagName("td")).get(0).getText()).isEqualTo("8");
        assertThat(meanGrade.findElements(By.tagName("td")).get(1).getText()).isEqualTo("1");
        // the charts are drawn from the tables by the bundle's script and Chart.js (allowed by the CSP)
        new WebDriverWait(driver, PAGE_TIMEOUT)
                .withMessage("the trend line and the bars per target group are drawn above their tables")
                .until(d -> !d.findElements(By.cssSelector("#trend figure.chart canvas[role=img]"))
                                .isEmpty()
                        && !d.findElements(By.cssSelector("#kpi-tinten-3 figure.chart canvas[role=img]"))
                                .isEmpty());
        System.out.println("KPI dashboard of the activity: " + screenshot("kpi-dashboard"));
        // and the organisation's figures are not hers to see
        driver.get(base.resolve("meerwaarde/dashboard?scope=organisation").toString());
        assertThat(waitFor(By.id("error-summary")).getText())
                .contains("U mag alleen de cijfers van uw eigen teams en hun activiteiten bekijken.");

        System.out.printf(
                "Browser journey (login, signal, new activity, stages, participant, impact with error and correction,"
                        + " figures and goal, evaluation, closed): %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Moves the open activity with the stage form and waits for the step list to show the new stage. */
    private void moveTo(String stage, String title) {
        WebElement to = waitFor(By.id("stage-to"));
        Select select = new Select(to);
        assertThat(select.getOptions().stream().map(o -> o.getAttribute("value")))
                .as("moves offered in #stage-to")
                .contains(stage);
        select.selectByValue(stage);
        driver.findElement(By.id("stage-submit")).click();
        new WebDriverWait(driver, PAGE_TIMEOUT)
                .withMessage(() -> "the move to " + stage + " is saved; page says: "
                        + driver.findElements(By.id("error-summary")).stream()
                                .map(WebElement::getText)
                                .findFirst()
                                .orElse("(no error summary)"))
                .until(d -> d.getCurrentUrl().contains("saved=stage")
                        && !d.findElements(By.id("notice")).isEmpty()
                        && d.findElement(By.id("notice"))
                                .getText()
                                .contains("De activiteit is naar de volgende fase gezet."));
        assertThat(currentStep()).contains(title);
    }

    private String currentStep() {
        return driver.findElement(By.cssSelector("ol.stages li[aria-current=step]"))
                .getText();
    }

    private void typeInto(By locator, String text) {
        WebElement field = driver.findElement(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** The id in {@code /meerwaarde/activities/<id>?saved=...}. */
    private String activityIdFromUrl() {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        assertThat(path).contains("/meerwaarde/activities/");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Manouk's row in the participants table of the activity detail. */
    private WebElement participantRow() {
        return driver.findElements(By.cssSelector("#participants ~ .table-wrap tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(MANOUK_NAME))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no participant row for " + MANOUK_NAME));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private void waitForText(By locator, String text) {
        // while the page is being replaced chromedriver may report the old node as "not in the document" (an
        // "unknown error", not a stale element): look again until the timeout
        new WebDriverWait(driver, PAGE_TIMEOUT)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private Path screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = output.resolve(name + ".png");
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static int status(HttpClient client, URI page) {
        try {
            return client.send(
                            HttpRequest.newBuilder(page)
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
