package nl.meerwaarde.it.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2: the README's run command starts the reference host with every bundle, prints where to log in, serves
 * the login page and the shell, and stops in order when asked to (Ctrl-C / SIGTERM). Prints the start time and
 * the heap in use after start.
 */
class DistributionIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String BANNER = "Meerwaarde reference host is running: open http://localhost:";

    @TempDir
    Path work;

    private Process host;

    @AfterEach
    void stopHost() throws InterruptedException {
        if (host != null && host.isAlive()) {
            host.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsServesAndStopsInOrder() throws Exception {
        int port = freePort();
        Path output = work.resolve("host.log");
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
                .redirectOutput(output.toFile())
                .start();

        long startMillis = awaitBanner(output, started);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        assertThat(read(output)).contains(BANNER + port + "/");
        // Right after start Apache Aries re-creates its default JAX-RS application once it sees its configuration
        // (moved off the root by the reference host); for that moment the root context may answer 404.
        assertThat(answersWithin(browser, base.resolve("login"), Duration.ofSeconds(10)))
                .as("login page answers within 10 s of the banner")
                .isTrue();
        HttpResponse<String> login = send(
                browser,
                HttpRequest.newBuilder(base.resolve("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=sanne&password=demo-sanne-2026&returnTo=%2Fmeerwaarde%2F")));
        assertThat(login.statusCode()).isEqualTo(303);
        // The Meerwaarde bundles start beside the host, not after it: give the shell the same bounded moment.
        assertThat(answersWithin(browser, base.resolve("meerwaarde/"), Duration.ofSeconds(10)))
                .as("the shell answers within 10 s of the banner")
                .isTrue();
        HttpResponse<String> shell = send(
                browser, HttpRequest.newBuilder(base.resolve("meerwaarde/")).header("Accept", "text/html"));
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.body()).contains("Signalen", "Collectieve activiteiten");

        long heapKiB = heapInUseAfterGc(host.pid());
        System.out.printf(
                "Reference host: login page up and banner printed after %d ms; heap in use after start and a full GC:"
                        + " %.1f MiB%n",
                startMillis, heapKiB / 1024.0);

        host.destroy(); // SIGTERM, handled like Ctrl-C
        assertThat(host.waitFor(40, TimeUnit.SECONDS)).as("stopped within 40 s").isTrue();
        assertThat(read(output))
                .contains("Stopping Meerwaarde reference host", "Meerwaarde reference host stopped")
                .doesNotContain("Exception");
    }

    private static long awaitBanner(Path output, long started) throws IOException, InterruptedException {
        long deadline = started + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(output).contains(BANNER)) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("No start-up banner within " + START_TIMEOUT.toSeconds() + " s:\n" + read(output));
    }

    private static boolean answersWithin(HttpClient browser, URI page, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (send(browser, HttpRequest.newBuilder(page).header("Accept", "text/html"))
                            .statusCode()
                    == 200) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(
                request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Heap in use after a full collection, read with the JDK's jcmd from outside the process. */
    private static long heapInUseAfterGc(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        String info = run(jcmd, Long.toString(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(used.find()).as("heap info: " + info).isTrue();
        return Long.parseLong(used.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
