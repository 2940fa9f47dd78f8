package cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import adapters.http.HttpSettings;
import bootstrap.AppSettings;
import bootstrap.PipelineApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.run.RequestLimits;
import embedded.ClusterSettings;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import json.PipelineJson;
import localstack.ClusterStateFile;
import localstack.LocalStack;
import localstack.ProjectHome;
import localstack.RunProgress;
import localstack.RunSummary;
import localstack.RunTimeline;
import localstack.RunsClient;
import localstack.WorkDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline demo}: the whole pipeline on the embedded default in one command. It starts
 * Kafka, Cassandra, the Spark sidecar, the loopback RandomUser source and the app, posts a
 * {@code fetch-users} command over HTTP exactly as Airflow would, shows the run's progress, and ends
 * with a summary read back from the API (and so from Cassandra).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the whole pipeline end to end on this machine and show what it did:",
            "Kafka, Cassandra, the Spark sidecar, a RandomUser-compatible source and the app start as child",
            "JVMs or in this one; a fetch-users command goes in over HTTP; progress shows until the run is",
            "COMPLETED; a summary ends it. Data stays in the work dir for `./pipeline cqlsh` and the next run."
        })
final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = PipelineJson.mapper();
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration LINE_EVERY = Duration.ofSeconds(2);
    /** Latency figures come from at most this many users of the run (read back page by page). */
    private static final int LATENCY_SAMPLE = 20_000;
    /** Where the Spark UI of --keep-running starts looking for a free port, and how many more it tries. */
    private static final int SPARK_UI_PORT = 4040;

    private static final int SPARK_PORT_RETRIES = 32;

    @Option(
            names = "--users",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Users to fetch, 1 to " + RequestLimits.MAX_COUNT + " (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--nat",
            paramLabel = "CODE[,CODE...]",
            split = ",",
            description = "RandomUser nationalities, e.g. GB,NO (default: any).")
    List<String> nationalities = new ArrayList<>();

    @Option(names = "--gender", paramLabel = "female|male", description = "Only this gender (default: any).")
    String gender;

    @Option(
            names = "--seed",
            paramLabel = "TEXT",
            description =
                    "RandomUser seed: the same seed gives the same users, so a rerun upserts them (default: a new one).")
    String seed;

    @Option(
            names = "--source-url",
            paramLabel = "URL",
            description =
                    "A RandomUser-compatible API, e.g. https://randomuser.me/api/1.4/ (default: the loopback source this command starts).")
    URI sourceUrl;

    @Option(
            names = "--source-port",
            paramLabel = "PORT",
            defaultValue = "8089",
            description = "Port of the loopback source, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int sourcePort;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port of the app's HTTP API, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--fresh", description = "Wipe the work dir (all data of earlier runs) before starting.")
    boolean fresh;

    @Option(
            names = "--keep-running",
            description = "Leave the stack up after the summary, print its URLs, and stop on Ctrl-C.")
    boolean keepRunning;

    @Option(
            names = "--progress",
            paramLabel = "bar|lines",
            description = "How to show progress (default: a bar on a terminal, lines otherwise).")
    String progressStyle;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ApiTokenOptions apiToken;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (users < 1 || users > RequestLimits.MAX_COUNT) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    String.format("--users must be 1 to %,d, was %d", RequestLimits.MAX_COUNT, users));
        }
        // resolved before anything starts: a bad token must not leave half a stack behind
        String token = apiToken.resolve(spec.commandLine().getErr());
        HttpSettings http = HttpSettings.defaults().withPort(httpPort);
        if (token != null) {
            http = http.withBearerToken(token);
        }
        Path home = ProjectHome.path();
        ClusterSettings settings = cluster.settings(home);
        Path stateFile = ClusterStateFile.location(settings.workDir());
        Optional<ClusterStateFile> running = ClusterStateFile.load(stateFile).filter(ClusterStateFile::ownerAlive);
        if (running.isPresent()) {
            throw new IllegalStateException("the local stack is already up (pid "
                    + running.get().ownerPid() + "): stop it with ./pipeline down, or use a different --work-dir");
        }
        if (fresh) {
            WorkDir.deleteRecursively(settings.workDir());
            out.printf("Wiped %s (--fresh).%n", settings.workDir());
        }

        // restart lines may come from a supervisor thread while the progress bar is drawn
        AtomicBoolean barOnLine = new AtomicBoolean();
        Consumer<String> progress = line -> {
            synchronized (out) {
                if (barOnLine.getAndSet(false)) {
                    out.println();
                }
                out.println("  " + line);
                out.flush();
            }
        };
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    out.println("Stopping the demo stack ...");
                    out.flush();
                    stopAll(started);
                    ClusterStateFile.delete(stateFile);
                    out.println("Stopped.");
                    out.flush();
                    stopped.countDown();
                },
                "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        long begin = System.nanoTime();
        out.println("Starting the stack (Kafka, Cassandra, Spark sidecar, RandomUser source, app) ...");
        out.flush();
        // 4040 is only where Spark starts looking: it takes the next free port when that one is in use
        Map<String, String> sidecarTuning = keepRunning
                ? Map.of(
                        "spark.ui.enabled",
                        "true",
                        "spark.ui.port",
                        Integer.toString(SPARK_UI_PORT),
                        "spark.port.maxRetries",
                        Integer.toString(SPARK_PORT_RETRIES))
                : Map.of();
        LocalStack stack = LocalStack.start(home, settings, true, sidecarTuning, progress);
        started.add(0, stack);
        // a restarted server has a new pid: ./pipeline down must find that one
        stack.onRestart(() -> {
            if (stopped.getCount() > 0) {
                stack.stateFile().save(stateFile);
            }
        });
        URI source = sourceUrl;
        if (source == null) {
            RandomUserServer loopback = RandomUserServer.start(sourcePort);
            started.add(0, loopback);
            source = loopback.baseUri();
            progress.accept("RandomUser-compatible source on " + source);
        }
        AppSettings app = AppSettings.local(
                        settings.workDir(), stack.cluster().kafkaBootstrapServers(), source, httpPort)
                .withCassandra(stack.cassandra())
                .withHttp(http);
        PipelineApp pipeline = PipelineApp.start(app);
        started.add(0, pipeline);
        stack.stateFile().save(stateFile);
        double readySeconds = (System.nanoTime() - begin) / 1e9;
        progress.accept(String.format("App on %s", pipeline.baseUri()));
        out.printf("Stack ready in %.1f s.%n%n", readySeconds);

        RunsClient api = new RunsClient(pipeline.baseUri(), token);
        String runId = api.fetchUsers(requestBody(), "demo-" + Instant.now().toEpochMilli());
        out.printf("Run %s: %,d users requested (POST %sapi/commands/fetch-users)%n", runId, users, pipeline.baseUri());
        out.flush();
        RunTimeline timeline;
        try {
            timeline = RunTimeline.follow(api, runId, POLL, stopWhenGivenUp(stack, progressView(out, barOnLine)));
        } catch (StackDown down) {
            return stackDown(down.getMessage(), settings.workDir());
        }
        JsonNode run = api.run(runId);
        if (!"COMPLETED".equals(run.get("status").asText())) {
            out.printf(
                    "%nThe run ended %s: %s%n",
                    run.get("status").asText(), run.path("lastError").asText("(no error recorded)"));
            out.flush();
            return 1;
        }
        List<JsonNode> readBack = api.usersOfRun(runId, LATENCY_SAMPLE);
        RunSummary.print(
                out,
                run,
                timeline,
                readBack,
                readySeconds,
                settings.workDir(),
                stack.sidecar().map(s -> s.logFile()).orElse(null));

        if (!keepRunning) {
            Runtime.getRuntime().removeShutdownHook(hook);
            out.println();
            out.println("Stopping the stack (the data stays; --keep-running leaves it up) ...");
            out.flush();
            stopAll(started);
            ClusterStateFile.delete(stateFile);
            out.println(
                    "Done. Query the data with: ./pipeline cqlsh -e \"SELECT * FROM spark_streams.created_users LIMIT 10\"");
            out.flush();
            return 0;
        }
        URI base = pipeline.baseUri();
        out.printf("%nThe stack stays up (--keep-running). Ctrl-C stops it.%n");
        out.printf("  admin API   %sapi/runs   %sapi/runs/%s/users?pageSize=10%n", base, base, runId);
        out.printf("  OpenAPI     %sopenapi.json%n", base);
        out.printf("  metrics     %smetrics%n", base);
        out.printf(
                "  Spark UI    %s%n",
                stack.sidecar()
                        .flatMap(SparkSidecar::uiUrl)
                        .orElse("(not reported yet: see "
                                + stack.sidecar().orElseThrow().logFile() + ")"));
        out.printf(
                "  Kafka       %s (topics users_created, users_created_dlq, users_persisted)%n",
                stack.cluster().kafkaBootstrapServers());
        out.printf(
                "  Cassandra   %s: ./pipeline cqlsh -e \"SELECT * FROM spark_streams.created_users LIMIT 10\"%n",
                stack.cassandraContactPoint());
        out.printf(
                "  another run curl -X POST -H 'Content-Type: application/json' -d '{\"count\":1000}' %sapi/commands/fetch-users%n",
                base);
        out.flush();
        while (stack.isRunning()) {
            if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                return 0;
            }
        }
        return stackDown(stack.failure().orElse("a server stopped unexpectedly"), settings.workDir());
    }

    /** Returning ends the JVM, whose shutdown hook stops what is still up: the app included. */
    private int stackDown(String reason, Path workDir) {
        spec.commandLine().getErr().printf("%nerror: %s; stopping the demo stack (logs under %s)%n", reason, workDir);
        spec.commandLine().getErr().flush();
        return 1;
    }

    /** A server whose supervisor gave up: the run cannot finish, so following it ends. */
    private static final class StackDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StackDown(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Ends following the run (with {@link StackDown}) once a server of the stack is down for good. */
    private static Consumer<RunProgress> stopWhenGivenUp(LocalStack stack, Consumer<RunProgress> view) {
        return now -> {
            view.accept(now);
            stack.failure().ifPresent(reason -> {
                throw new StackDown(reason);
            });
        };
    }

    private String requestBody() {
        ObjectNode body = JSON.createObjectNode().put("count", users);
        if (!nationalities.isEmpty()) {
            body.putArray("nationalities")
                    .addAll(nationalities.stream()
                            .map(n -> JSON.getNodeFactory().textNode(n.trim()))
                            .toList());
        }
        if (gender != null) {
            body.put("gender", gender);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        return body.toString();
    }

    /** Shows the run's progress: a bar redrawn in place on a terminal, else a line every 2 s and the last one. */
    private Consumer<RunProgress> progressView(PrintWriter out, AtomicBoolean barOnLine) {
        boolean bar = progressStyle != null ? progressStyle.equals("bar") : System.console() != null;
        long[] lastLine = {0};
        return now -> {
            if (bar) {
                synchronized (out) {
                    out.print("\r" + now.bar() + "   ");
                    if (now.ended()) {
                        out.println();
                    }
                    barOnLine.set(!now.ended());
                    out.flush();
                }
            } else if (now.ended() || System.nanoTime() - lastLine[0] >= LINE_EVERY.toNanos()) {
                out.println(now.line());
                out.flush();
                lastLine[0] = System.nanoTime();
            }
        };
    }

    private static void stopAll(List<AutoCloseable> started) {
        for (AutoCloseable part : started) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println(
                        "warning: while stopping " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
