package testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app as {@code ./pipeline serve} runs it: a JVM of its own, from the project's build
 * ({@code target/classes} and {@code target/classpath.txt}), so that a test can kill it hard and
 * start it again on the same event store and port. Like the embedded servers it runs under
 * {@code embedded.ParentWatchdog}: when the test JVM dies, so does the app.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** Where the app finds everything; {@code workDir} holds its H2 event store and {@code app.log}. */
    public record Options(
            Path workDir,
            int httpPort,
            String kafkaBootstrapServers,
            String cassandraContactPoint,
            String cassandraDatacenter,
            URI sourceUrl) {}

    private final Options options;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    private AppProcess(Options options) {
        this.options = options;
    }

    /** Starts the app and returns once its HTTP API answers. */
    public static AppProcess start(Options options) {
        AppProcess app = new AppProcess(options);
        app.launch();
        return app;
    }

    /** Starts the app again, e.g. after {@link #kill9()}, on the same work dir and port; returns once it answers. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the app is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + options.httpPort() + "/");
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return options.workDir().resolve("app.log");
    }

    /** A crash from outside: no shutdown hook runs, nothing is flushed. Returns once the JVM is gone. */
    public void kill9() {
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** SIGTERM, as Ctrl-C: the app closes cleanly; SIGKILL if it has not after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    private void launch() {
        try {
            Files.createDirectories(options.workDir());
            process = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            // stdin stays open: ParentWatchdog ends the app when it reaches end-of-file, i.e. when we are gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process launched = process;
        await("the app answers on " + baseUri() + " (log: " + log() + ")")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast("the app exited, see " + log(), () -> !launched.isAlive())
                .until(this::answers);
    }

    private boolean answers() throws IOException, InterruptedException {
        HttpRequest runs = HttpRequest.newBuilder(baseUri().resolve("api/runs?limit=1"))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(runs, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private List<String> command() throws IOException {
        Path home = Path.of(System.getProperty("pipeline.home", "."))
                .toAbsolutePath()
                .normalize();
        Path classpathFile = home.resolve("target/classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile
                    + " is missing: it is written by `./mvnw package`, which `verify` runs before the ITs");
        }
        String classpath = home.resolve("target/classes") + ":"
                + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the pipeline script's settings: a bounded heap, and an OOM ends the JVM instead of limping on
                "-Xmx1g",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dpipeline.home=" + home,
                "-cp",
                classpath,
                "embedded.ParentWatchdog",
                "cli.Pipeline",
                "serve"));
        command.addAll(List.of(
                "--work-dir", options.workDir().toString(),
                "--http-port", Integer.toString(options.httpPort()),
                "--kafka-bootstrap-servers", options.kafkaBootstrapServers(),
                "--cassandra-contact-points", options.cassandraContactPoint(),
                "--cassandra-datacenter", options.cassandraDatacenter(),
                "--source-url", options.sourceUrl().toString()));
        return command;
    }
}
