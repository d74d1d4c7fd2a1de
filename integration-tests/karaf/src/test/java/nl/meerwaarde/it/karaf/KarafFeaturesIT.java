package nl.meerwaarde.it.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Meerwaarde features in a stock Apache Karaf 4.4: {@code feature:repo-add} of our features repository and
 * {@code feature:install meerwaarde-reference-host} must give a running reference host whose login page, screens and
 * REST API answer over real HTTP.
 *
 * <p>The build unpacks the distribution ({@code org.apache.karaf:apache-karaf:tar.gz}) into {@code target/karaf-dist};
 * every run works on a fresh copy under {@code target/karaf-it} and leaves its {@code karaf.log} in {@code target}.
 */
class KarafFeaturesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration HTTP_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(500);

    private static final String FEATURE = "meerwaarde-reference-host";
    private static final String SESSION_COOKIE = "MW_SESSION";
    private static final List<String> OUR_BUNDLES =
            List.of("nl.meerwaarde.api", "nl.meerwaarde.store", "nl.meerwaarde.web", "nl.meerwaarde.host.reference");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static KarafInstance karaf;
    private static Path workDir;

    @BeforeAll
    static void installTheFeaturesIntoAStockKaraf() throws Exception {
        Instant begin = Instant.now();
        workDir = Path.of(property("karaf.it.workDir"));
        Path javaHome = java17();
        String version = property("meerwaarde.version");

        karaf = KarafInstance.prepare(
                Path.of(property("karaf.it.distribution")),
                workDir,
                javaHome,
                Path.of(property("karaf.it.mavenLocalRepository")),
                Path.of(property("karaf.it.featuresRepo")));
        Instant copied = Instant.now();
        report("fresh copy of the distribution configured in %s", Duration.between(begin, copied));

        try {
            karaf.start(START_TIMEOUT);
            Instant started = Instant.now();
            report(
                    "Karaf started (shell answers over SSH) in %s, Java %s",
                    Duration.between(copied, started), javaHome);

            karaf.client(
                    "feature:repo-add mvn:nl.meerwaarde/meerwaarde-features/" + version + "/xml/features",
                    Duration.ofSeconds(60));
            karaf.client("feature:install " + FEATURE, INSTALL_TIMEOUT);
            Instant installed = Instant.now();
            report("feature:install %s took %s", FEATURE, Duration.between(started, installed));

            awaitLoginPage();
            Instant ready = Instant.now();
            report(
                    "GET /login answered 200 %s after feature:install; since the start of the test: %s",
                    Duration.between(installed, ready), Duration.between(begin, ready));
        } catch (Exception | AssertionError e) {
            throw new AssertionError(
                    "Karaf with " + FEATURE + " did not come up: " + e.getMessage() + karaf.diagnosis(), e);
        }
    }

    @AfterAll
    static void stopKaraf() throws Exception {
        if (karaf == null) {
            return;
        }
        try {
            karaf.stop();
        } finally {
            if (Files.isRegularFile(karaf.log())) {
                Files.copy(karaf.log(), workDir.resolveSibling("karaf.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void ourBundlesAreActiveAndNoBundleHasFailed() throws Exception {
        String listing = karaf.client("bundle:list -s -t 0", Duration.ofSeconds(60));
        List<String[]> rows = bundleRows(listing);

        for (String bundle : OUR_BUNDLES) {
            Optional<String[]> row =
                    rows.stream().filter(r -> r[4].equals(bundle)).findFirst();
            assertTrue(row.isPresent(), () -> bundle + " is not installed:\n" + listing + karaf.diagnosis());
            // "Waiting" is what Karaf shows for a bundle with an unsatisfied DS component
            if (!row.get()[1].equals("Active")) {
                String diag = karaf.client("bundle:diag " + bundle, Duration.ofSeconds(60));
                fail(bundle + " is " + row.get()[1] + ", not Active:\n" + diag + "\n" + listing + karaf.diagnosis());
            }
        }
        List<String> failed = rows.stream()
                .filter(r -> r[1].equals("Failure") || r[1].equals("GracePeriod"))
                .map(r -> r[4] + " " + r[1])
                .collect(Collectors.toList());
        assertEquals(List.of(), failed, () -> "bundles in Failure or GracePeriod:\n" + listing + karaf.diagnosis());
        // DESIGN pitfall 2: a second javax.ws.rs API bundle breaks the Aries whiteboard at run time
        assertFalse(
                rows.stream().anyMatch(r -> r[4].equals("jakarta.ws.rs-api")),
                () -> "jakarta.ws.rs-api must never be installed next to the Geronimo JAX-RS spec:\n" + listing);
    }

    @Test
    void theRestApiAsksForALoginWithAProblemDocument() throws Exception {
        HttpResponse<String> me = get("/meerwaarde/api/v1/me", Optional.empty());

        assertEquals(401, me.statusCode(), () -> describe(me));
        assertTrue(
                contentType(me).startsWith("application/problem+json"),
                () -> "expected application/problem+json: " + describe(me));
    }

    @Test
    void aWorkerWhoLoggedInGetsHerselfFromTheApiAndTheSignalsScreen() throws Exception {
        String cookie = logIn("sanne", "demo-sanne-2026");

        HttpResponse<String> me = get("/meerwaarde/api/v1/me", Optional.of(cookie));
        assertEquals(200, me.statusCode(), () -> describe(me));
        assertTrue(contentType(me).startsWith("application/json"), () -> describe(me));
        assertTrue(me.body().contains("sanne"), () -> describe(me));

        HttpResponse<String> overview = get("/meerwaarde/", Optional.of(cookie));
        assertEquals(200, overview.statusCode(), () -> describe(overview));
        assertTrue(contentType(overview).startsWith("text/html"), () -> describe(overview));
        assertTrue(overview.body().contains("Signalen"), () -> describe(overview));
    }

    @Test
    void theServerRootSendsTheBrowserToMeerwaarde() throws Exception {
        HttpResponse<String> root = get("/", Optional.empty());

        assertEquals(303, root.statusCode(), () -> describe(root));
        String location = root.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/meerwaarde/"), () -> describe(root));
    }

    /** Posts the login form; returns the session cookie ({@code name=value}) the host sets. */
    private static String logIn(String username, String password) throws Exception {
        String form = Map.of("username", username, "password", password, "returnTo", "/meerwaarde/").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri("/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(303, response.statusCode(), () -> "login: " + describe(response));
        Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                .map(header -> header.split(";", 2)[0].trim())
                .filter(pair -> pair.startsWith(SESSION_COOKIE + "="))
                .findFirst();
        assertTrue(cookie.isPresent(), () -> "no " + SESSION_COOKIE + " cookie: " + describe(response));
        return cookie.get();
    }

    /** Polls {@code GET /login} every half second until it answers 200, with a hard deadline. */
    private static void awaitLoginPage() throws Exception {
        Instant deadline = Instant.now().plus(HTTP_READY_TIMEOUT);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> login = get("/login", Optional.empty());
                if (login.statusCode() == 200) {
                    return;
                }
                last = brief(login);
            } catch (IOException notListening) {
                last = notListening.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("GET /login did not answer 200 within " + HTTP_READY_TIMEOUT + "; last: " + last);
    }

    private static HttpResponse<String> get(String path, Optional<String> cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        cookie.ifPresent(value -> request.header("Cookie", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + karaf.httpPort() + path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    /** The response in one line, then the tail of karaf.log: an assertion message. */
    private static String describe(HttpResponse<String> response) {
        return brief(response) + karaf.diagnosis();
    }

    private static String brief(HttpResponse<String> response) {
        String body = response.body();
        return response.request().method() + " " + response.uri().getPath() + " -> " + response.statusCode() + " "
                + contentType(response) + " " + body.substring(0, Math.min(body.length(), 600));
    }

    /** The rows of {@code bundle:list -s -t 0}: id, state, level, version, symbolic name. */
    private static List<String[]> bundleRows(String listing) {
        List<String[]> rows = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            String[] cells = line.split("\\|");
            if (cells.length == 5 && cells[0].trim().matches("\\d+")) {
                String[] row = new String[5];
                for (int i = 0; i < 5; i++) {
                    row[i] = cells[i].trim();
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The Java 17 Karaf runs on: never another (Java 25 is on the machine too). */
    private static Path java17() throws IOException {
        String configured = System.getProperty("karaf.it.javaHome", "");
        Path home;
        if (!configured.isBlank()) {
            home = Path.of(configured);
        } else if (Runtime.version().feature() == 17) {
            home = Path.of(System.getProperty("java.home"));
        } else {
            home = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        }
        Path release = home.resolve("release");
        assertTrue(Files.isRegularFile(release), "not a JDK: " + home);
        String text = Files.readString(release, StandardCharsets.UTF_8);
        assertTrue(text.contains("JAVA_VERSION=\"17"), "Karaf must run on Java 17, " + home + " is:\n" + text);
        return home;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "System property " + name + " is not set (the pom's failsafe config sets it)");
        }
        return value;
    }

    private static void report(String format, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Duration d
                    ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                    : args[i];
        }
        System.out.println("[karaf-it] " + String.format(Locale.ROOT, format, shown));
    }
}
