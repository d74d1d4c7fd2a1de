package nl.meerwaarde.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster started from Debian's binaries ({@code /usr/lib/postgresql/<version>/bin}, the
 * newest version found; the environment variable {@value #BIN_VARIABLE} may name another directory): a temporary
 * directory, a free port on 127.0.0.1 only, trust authentication, fsync off.
 *
 * <p>PostgreSQL refuses to run as root, so as root the cluster runs as {@code nobody} (uid and gid 65534) through
 * {@code setpriv}, in a directory under {@code /tmp} owned by that user.
 */
final class PrivateCluster {
    static final String USER = "postgres";
    static final String BIN_VARIABLE = "MEERWAARDE_TEST_PG_BIN";

    private static final int NOBODY = 65534;
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final String START_TIMEOUT_SECONDS = "30";

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final boolean asNobody;

    private PrivateCluster(Path bin, Path base, int port, boolean asNobody) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.asNobody = asNobody;
    }

    static PrivateCluster start() {
        Path bin = findBinaries();
        boolean asNobody = isRoot();
        Path base;
        try {
            base = asNobody
                    ? Files.createTempDirectory(Path.of("/tmp"), "meerwaarde-pg-")
                    : Files.createTempDirectory("meerwaarde-pg-");
            if (asNobody) {
                Files.setAttribute(base, "unix:uid", NOBODY);
                Files.setAttribute(base, "unix:gid", NOBODY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test PostgreSQL cluster", e);
        }
        PrivateCluster cluster = new PrivateCluster(bin, base, freePort(), asNobody);
        try {
            cluster.initAndStart();
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
        return cluster;
    }

    String maintenanceUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void initAndStart() {
        run(
                "initdb",
                List.of(
                        bin.resolve("initdb").toString(),
                        "--pgdata=" + data,
                        "--username=" + USER,
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--locale=C",
                        "--no-sync"));
        String settings = String.join(
                "\n",
                "",
                "# Meerwaarde test cluster",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + base + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "");
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not configure the test PostgreSQL cluster in " + data, e);
        }
        // -w waits (bounded by -t) until the server reports it accepts connections
        run(
                "pg_ctl start",
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "--pgdata=" + data,
                        "--log=" + base.resolve("postgres.log"),
                        "--wait",
                        "--timeout=" + START_TIMEOUT_SECONDS,
                        "start"));
    }

    void stop() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(
                        "pg_ctl stop",
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "--pgdata=" + data,
                                "--mode=fast",
                                "--wait",
                                "--timeout=" + START_TIMEOUT_SECONDS,
                                "stop"));
            }
        } catch (RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + base + ": " + e.getMessage());
            return;
        }
        deleteRecursively(base);
    }

    private void run(String what, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        Path output = base.resolve(what.replace(' ', '-') + ".out");
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("PGDATA");
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        what + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s" + describe(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        what + " failed with exit code " + process.exitValue() + describe(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + what, e);
        }
    }

    private String describe(Path output) {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(output, base.resolve("postgres.log"))) {
            if (Files.isRegularFile(file)) {
                try {
                    text.append("\n--- ")
                            .append(file.getFileName())
                            .append(":\n")
                            .append(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.append("\n--- ")
                            .append(file.getFileName())
                            .append(": unreadable: ")
                            .append(e.getMessage());
                }
            }
        }
        return text.toString();
    }

    /** The directory with {@code initdb} and {@code pg_ctl}: from the environment, or Debian's newest. */
    static Path findBinaries() {
        String configured = System.getenv(BIN_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured.strip());
            if (!hasBinaries(bin)) {
                throw new IllegalStateException(BIN_VARIABLE + "=" + configured + " has no initdb and pg_ctl");
            }
            return bin;
        }
        return newestDebianBinaries(Path.of("/usr/lib/postgresql"))
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries found in"
                        + " /usr/lib/postgresql/<version>/bin. Install Debian's PostgreSQL server"
                        + " (apt-get install postgresql), or set " + PostgresServer.URL_VARIABLE
                        + " to the JDBC URL of a running server (with " + PostgresServer.USER_VARIABLE + " and "
                        + PostgresServer.PASSWORD_VARIABLE + ")."));
    }

    static Optional<Path> newestDebianBinaries(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(version -> version.resolve("bin"))
                    .filter(PrivateCluster::hasBinaries)
                    .max(Comparator.comparingDouble(bin ->
                            Double.parseDouble(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
    }

    private static boolean hasBinaries(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Could not delete the test PostgreSQL cluster in " + root + ": " + e.getMessage());
        }
    }
}
