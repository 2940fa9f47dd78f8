package testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real, throw-away PostgreSQL server for integration tests, started from the server binaries of
 * the Debian package {@code postgresql} (or the directory named by {@code PIPELINE_PG_BIN}): a fresh
 * cluster in a directory of its own under java.io.tmpdir, trust authentication for the superuser
 * {@value #USER}, listening on 127.0.0.1 and a free port only. PostgreSQL refuses to run as root,
 * so as root the server runs as the OS user {@code postgres}, in a directory that user owns: never
 * in the checkout, which may sit where only its owner can enter (a clone under /root, mode 700).
 * When no binaries are found, the calling test is skipped (never silently passed).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "pipeline";
    /** The OS user the server runs as when the tests run as root. */
    static final String SERVER_USER = "postgres";

    static final String MISSING =
            "PostgreSQL server binaries not found: install the Debian package 'postgresql' (./.ci/run does)";

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path home;
    private final Path dataDir;
    private final int port;
    private final String database;
    private boolean closed;

    private PostgresServer(Path bin, Path home, int port, String database) {
        this.bin = bin;
        this.home = home;
        this.dataDir = home.resolve("data");
        this.port = port;
        this.database = database;
    }

    /**
     * Initialises and starts a new server with a database of its own, in a new directory under
     * java.io.tmpdir. Skips the calling test (JUnit assumption) when the server binaries are not
     * installed.
     */
    public static PostgresServer start() {
        return start(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #start()}, in a new directory under {@code parent}, which the server's user must reach. */
    static PostgresServer start(Path parent) {
        Optional<Path> bin = findBinaries();
        Assumptions.assumeTrue(bin.isPresent(), MISSING);
        Path home;
        try {
            home = Files.createTempDirectory(
                    parent, "pipeline-pg-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the PostgreSQL server in " + parent, e);
        }
        PostgresServer server = new PostgresServer(bin.get(), home, freePort(), "events");
        try {
            server.initAndStart();
            server.createDatabase(server.database);
            return server;
        } catch (RuntimeException e) {
            try {
                server.close(); // the exception carries the server's logs
            } catch (RuntimeException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            throw e;
        }
    }

    /** The server binaries: {@code PIPELINE_PG_BIN}, else the highest {@code /usr/lib/postgresql/N/bin}. */
    public static Optional<Path> findBinaries() {
        String configured = System.getenv("PIPELINE_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return hasServer(dir) ? Optional.of(dir) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path version) ->
                                    Double.parseDouble(version.getFileName().toString()))
                            .reversed())
                    .map(version -> version.resolve("bin"))
                    .filter(PostgresServer::hasServer)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServer(Path dir) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }

    private void initAndStart() {
        if (isRoot()) {
            run(List.of("chown", SERVER_USER, home.toString()), false);
        }
        run(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        dataDir.toString(),
                        "-A",
                        "trust",
                        "-U",
                        USER,
                        "-E",
                        "UTF8",
                        "--no-locale",
                        "--no-sync"),
                true);
        configure();
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        home.resolve("server.log").toString(),
                        "-w",
                        "-t",
                        "60",
                        "start"),
                true);
    }

    /**
     * Port, socket dir and the rest go into postgresql.conf rather than {@code pg_ctl -o}, which
     * hands its options to a shell: a path with a space there would be split.
     */
    private void configure() {
        String settings = "\n# set by the integration tests' PostgresServer\n"
                + "port = " + port + "\n"
                + "listen_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = " + quoted(home.toString()) + "\n"
                + "fsync = off\n";
        try {
            Files.writeString(
                    dataDir.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure " + dataDir, e);
        }
    }

    /** A postgresql.conf string literal. */
    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Creates another, empty database on this server and returns its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE DATABASE " + name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + jdbcUrl("postgres"), e);
        }
    }

    /** Creates a fresh, uniquely named database: one per test keeps tests independent on a shared server. */
    public String createFreshDatabase() {
        return createDatabase("test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
    }

    /** The URL of the database created at start. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName;
    }

    public String user() {
        return USER;
    }

    /** Trust authentication: any password, including this empty one, is accepted. */
    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    /** The server's own directory (data, socket, logs), outside the checkout and removed by {@link #close}. */
    Path home() {
        return home;
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}) if it runs, then deletes its directory, also when
     * it failed to start or to stop (the exception of the failed step carries the logs).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(
                        List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                        true);
            }
        } finally {
            try {
                deleteRecursively(home);
            } catch (IOException e) {
                // only disk space in the temp dir: the next server uses a directory of its own
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser && isRoot()) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full) + "\n" + logs());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n" + logs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", full), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        }
    }

    private String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("commands.log", "server.log")) {
            Path file = home.resolve(name);
            try {
                if (Files.exists(file)) {
                    logs.append("--- ")
                            .append(file)
                            .append('\n')
                            .append(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                logs.append("(cannot read ").append(file).append(")\n");
            }
        }
        return logs.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
