package nl.meerwaarde.it.karaf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A stock Apache Karaf, copied fresh from the distribution the build unpacked, configured on free ports and run as a
 * child process ({@code bin/karaf server}); commands go through {@code bin/client} over its SSH port.
 */
final class KarafInstance {

    /** ANSI colour sequences the Karaf shell writes even without a terminal. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");

    private static final String USER = "karaf";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Path home;
    private final Path javaHome;
    private final Path clientHome;
    private final int httpPort;
    private final int sshPort;
    private final Thread killOnExit = new Thread(this::destroyProcessTree, "karaf-it-kill");
    private Process process;

    private KarafInstance(Path home, Path javaHome, Path clientHome, int httpPort, int sshPort) {
        this.home = home;
        this.javaHome = javaHome;
        this.clientHome = clientHome;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /**
     * Copies the distribution into a fresh {@code workDir/karaf}, gives it free ports (HTTP, SSH, RMI registry and
     * server), enables the {@code karaf} user and points pax-url-mvn at the features repository and the local Maven
     * repository.
     */
    static KarafInstance prepare(
            Path distribution, Path workDir, Path javaHome, Path mavenLocalRepository, Path featuresRepository)
            throws IOException {
        if (!Files.isRegularFile(distribution.resolve("bin/karaf"))) {
            throw new IllegalStateException("No Karaf distribution at " + distribution);
        }
        deleteTree(workDir);
        Path home = workDir.resolve("karaf");
        copyTree(distribution, home);
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(Files::isRegularFile)
                    .forEach(script -> script.toFile().setExecutable(true));
        }

        int[] ports = freePorts(4);
        int httpPort = ports[0];
        int sshPort = ports[1];
        Path etc = home.resolve("etc");

        edit(etc.resolve("users.properties"), text -> text.replace("#karaf = karaf,", "karaf = karaf,")
                .replace("#_g_\\:admingroup = ", "_g_\\:admingroup = "));
        edit(
                etc.resolve("org.apache.karaf.shell.cfg"),
                text -> setProperty(setProperty(text, "sshPort", Integer.toString(sshPort)), "sshHost", "127.0.0.1"));
        edit(
                etc.resolve("org.apache.karaf.management.cfg"),
                text -> setProperty(
                        setProperty(text, "rmiRegistryPort", Integer.toString(ports[2])),
                        "rmiServerPort",
                        Integer.toString(ports[3])));
        Files.writeString(
                etc.resolve("org.ops4j.pax.web.cfg"),
                String.join(
                        "\n",
                        "org.osgi.service.http.enabled = true",
                        "org.osgi.service.http.port = " + httpPort,
                        "org.ops4j.pax.web.listening.addresses = 127.0.0.1",
                        "org.osgi.service.http.secure.enabled = false",
                        "javax.servlet.context.tempdir = ${karaf.data}/pax-web/tmp",
                        ""),
                StandardCharsets.UTF_8);
        edit(etc.resolve("org.ops4j.pax.url.mvn.cfg"), text -> {
            String defaults = "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                    + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots";
            if (Files.isDirectory(featuresRepository)) {
                defaults += ", "
                        + featuresRepository.toAbsolutePath().normalize().toUri() + "@id=meerwaarde.features@snapshots";
            }
            String edited = setProperty(text, "org.ops4j.pax.url.mvn.defaultRepositories", defaults);
            edited = setProperty(
                    edited, "org.ops4j.pax.url.mvn.repositories", "https://repo1.maven.org/maven2@id=central");
            return edited + "\norg.ops4j.pax.url.mvn.localRepository = " + mavenLocalRepository + "\n";
        });

        Path clientHome = workDir.resolve("client-home");
        Files.createDirectories(clientHome);
        return new KarafInstance(home, javaHome, clientHome, httpPort, sshPort);
    }

    int httpPort() {
        return httpPort;
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Starts {@code bin/karaf server} and waits until its shell answers over SSH. */
    void start(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf-console.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        // exec: the JVM replaces the start script, so this process is Karaf itself
        env.put("KARAF_EXEC", "exec");
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(killOnExit);

        awaitPort(sshPort, deadline);
        // The port opens before the shell commands are registered: retry until the feature command answers.
        String lastFailure = "";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue());
            }
            ClientResult result = runClient("feature:repo-list", Duration.ofSeconds(60));
            if (result.succeeded() && result.output().contains("standard-")) {
                return;
            }
            lastFailure = result.output();
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("Karaf's shell did not answer within " + timeout + ": " + lastFailure);
    }

    /** Runs one shell command over {@code bin/client}; fails on a command error. */
    String client(String command, Duration timeout) throws IOException, InterruptedException {
        ClientResult result = runClient(command, timeout);
        if (!result.succeeded()) {
            throw new IllegalStateException("Karaf command failed: " + command + "\n" + result.output());
        }
        return result.output();
    }

    private ClientResult runClient(String command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile(clientHome, "client-", ".out");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/client").toString(),
                        "-h",
                        "127.0.0.1",
                        "-a",
                        Integer.toString(sshPort),
                        "-u",
                        USER,
                        "-p",
                        USER,
                        "-r",
                        "3",
                        "-d",
                        "1",
                        command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        // its own known_hosts: every run has a new host key, ports may repeat
        env.put("KARAF_OPTS", "-Duser.home=" + clientHome);
        Process client = builder.start();
        try {
            // stdin stays open until the client is done: at EOF the client closes the session at once
            if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(client);
                Path dump = threadDump();
                throw new IllegalStateException("Karaf command did not finish within " + timeout + ": " + command
                        + " (Karaf's threads at that moment: " + dump + ")");
            }
        } finally {
            client.getOutputStream().close();
        }
        String text =
                ANSI.matcher(Files.readString(output, StandardCharsets.UTF_8)).replaceAll("");
        Files.delete(output);
        boolean failed = client.exitValue() != 0
                || text.contains("Error executing command")
                || text.contains("Command not found");
        return new ClientResult(!failed, text);
    }

    /**
     * Karaf's threads as {@code jcmd Thread.print} sees them, written next to its log, so that a command that hangs
     * can be understood after the run (the process is gone by then).
     */
    private Path threadDump() throws IOException, InterruptedException {
        Path dump = home.resolve("data/log/threads-" + System.currentTimeMillis() + ".txt");
        List<ProcessHandle> javas = process == null
                ? List.of()
                : process.descendants()
                        .filter(handle -> handle.info()
                                .command()
                                .map(c -> c.endsWith("java"))
                                .orElse(false))
                        .collect(Collectors.toList());
        for (ProcessHandle java : javas) {
            Process jcmd = new ProcessBuilder(
                            javaHome.resolve("bin/jcmd").toString(), Long.toString(java.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dump.toFile()))
                    .start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
        }
        return dump;
    }

    /** Stops Karaf with {@code bin/stop}, then ends whatever is left of its process tree; every wait is bounded. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                ProcessBuilder builder = new ProcessBuilder(
                                home.resolve("bin/stop").toString())
                        .directory(home.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                home.resolve("karaf-console.out").toFile()));
                builder.environment().put("JAVA_HOME", javaHome.toString());
                Process stop = builder.start();
                if (!stop.waitFor(30, TimeUnit.SECONDS)) {
                    destroyTree(stop);
                }
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            destroyProcessTree();
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    private void destroyProcessTree() {
        if (process != null) {
            destroyTree(process);
        }
    }

    private static void destroyTree(Process root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().collect(Collectors.toList()));
        tree.add(root.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }

    /** The last lines of karaf.log, after its last warnings and errors: what a failure message needs. */
    String diagnosis() {
        Path log = log();
        if (!Files.isRegularFile(log)) {
            return "\n(no karaf.log at " + log + ")";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> problems = lines.stream()
                    .filter(line -> line.contains("| WARN ") || line.contains("| ERROR "))
                    .collect(Collectors.toList());
            return "\n--- karaf.log: last warnings and errors ---\n"
                    + String.join("\n", tail(problems, 25))
                    + "\n--- karaf.log: last lines (" + log + ") ---\n"
                    + String.join("\n", tail(lines, 40));
        } catch (IOException | UncheckedIOException e) {
            return "\n(karaf.log unreadable: " + e + ")";
        }
    }

    private static List<String> tail(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    private void awaitPort(int port, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) POLL.toMillis());
                return;
            } catch (IOException notYet) {
                Thread.sleep(POLL.toMillis());
            }
        }
        throw new IllegalStateException("Karaf's SSH port " + port + " did not open in time");
    }

    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Replaces the value of {@code key = value} (a Karaf .cfg line), or appends the line. */
    private static String setProperty(String text, String key, String value) {
        // the value may go on over lines that end in a backslash
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=(?:[^\\r\\n]*\\\\\\R)*[^\\r\\n]*$");
        Matcher matcher = line.matcher(text);
        String replacement = Matcher.quoteReplacement(key + " = " + value);
        return matcher.find() ? matcher.replaceFirst(replacement) : text + "\n" + key + " = " + value + "\n";
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private record ClientResult(boolean succeeded, String output) {}
}
