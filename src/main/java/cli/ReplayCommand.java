package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import domain.run.RequestLimits;
import domain.run.RunId;
import localstack.RunsClient;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline replay}: asks the running app to publish runs' stored users again, so the sidecar
 * writes them to Cassandra again (docs/adr/0010), and follows each run over HTTP until it is COMPLETED
 * again. It only talks to the app's API, as Airflow and the demo do; the replay itself goes on in the
 * app, and stopping this command does not stop it.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Rebuild Cassandra from the event store: the running app publishes a run's stored users to",
            "users_created again, the sidecar upserts them, and the run is COMPLETED again once every user is",
            "persisted again. Shows progress until then. Safe to repeat: every write is an upsert by id."
        })
final class ReplayCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LINE_EVERY = Duration.ofSeconds(2);
    /** The states in which a run's users are all stored: the ones a replay accepts. */
    private static final Set<String> REPLAYABLE = Set.of("FETCHED", "COMPLETED");

    static final class Target {
        @Option(names = "--run", paramLabel = "ID", required = true, description = "The run to replay (its UUID).")
        String runId;

        @Option(
                names = "--all",
                required = true,
                description = "Every run the API lists (the " + RequestLimits.MAX_RUNS_LISTED
                        + " most recent) whose pages are all stored (FETCHED or COMPLETED).")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:8080/",
            description = "The running app's HTTP API (default: ${DEFAULT-VALUE}).")
    URI apiUrl;

    @Mixin
    ApiTokenOptions apiToken;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT1H",
            description =
                    "Stop following after this long, ISO-8601; the replay goes on in the app (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI base = apiUrl.toString().endsWith("/") ? apiUrl : URI.create(apiUrl + "/");
        RunsClient api = new RunsClient(base, apiToken.resolve(err));
        try {
            List<RunId> accepted = target.all ? requestAll(api, out) : requestOne(api, err);
            if (accepted == null) {
                return 1;
            }
            if (accepted.isEmpty()) {
                out.println("No run to replay.");
                out.flush();
                return 0;
            }
            out.printf(
                    "Replaying %d run(s) from the event store; following until each is COMPLETED again ...%n",
                    accepted.size());
            out.flush();
            return follow(api, accepted, out, err);
        } catch (ConnectException refused) {
            throw new IllegalArgumentException(
                    "no app answers at " + base + ": start it (./pipeline serve) or pass --api-url", refused);
        }
    }

    /** @return the run, or null when the app refused (the reason printed) */
    private List<RunId> requestOne(RunsClient api, PrintWriter err) throws IOException, InterruptedException {
        RunId runId;
        try {
            runId = RunId.of(target.runId);
        } catch (IllegalArgumentException notAUuid) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--run: " + notAUuid.getMessage());
        }
        Optional<String> refused = api.replay(runId);
        if (refused.isPresent()) {
            err.println("error: " + refused.get());
            err.flush();
            return null;
        }
        return List.of(runId);
    }

    private List<RunId> requestAll(RunsClient api, PrintWriter out) throws IOException, InterruptedException {
        List<JsonNode> runs = api.runs(RequestLimits.MAX_RUNS_LISTED);
        if (runs.size() == RequestLimits.MAX_RUNS_LISTED) {
            out.printf(
                    "warning: the API lists the %d most recent runs only; replay older ones with --run ID%n",
                    RequestLimits.MAX_RUNS_LISTED);
        }
        List<RunId> accepted = new ArrayList<>();
        for (JsonNode run : runs) {
            RunId runId = RunId.of(run.get("runId").asText());
            String status = run.get("status").asText();
            if (!REPLAYABLE.contains(status)) {
                out.printf("  %s skipped: %s%n", runId, status);
                continue;
            }
            Optional<String> refused = api.replay(runId);
            if (refused.isPresent()) {
                out.printf("  %s skipped: %s%n", runId, refused.get());
            } else {
                accepted.add(runId);
            }
        }
        out.flush();
        return accepted;
    }

    /** Polls every run until each is COMPLETED with its replay COMPLETED, printing a line every 2 s. */
    private int follow(RunsClient api, List<RunId> runIds, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        long lastLine = 0;
        Map<RunId, JsonNode> latest = new LinkedHashMap<>();
        while (true) {
            for (RunId runId : runIds) {
                JsonNode run = latest.get(runId);
                if (run == null || !replayDone(run)) {
                    JsonNode now = api.run(runId.toString());
                    latest.put(runId, now);
                    if (replayDone(now)) {
                        out.printf("  %s COMPLETED again: %s%n", runId, counters(now));
                    }
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            boolean done = latest.values().stream().allMatch(ReplayCommand::replayDone);
            if (done || System.nanoTime() - lastLine >= LINE_EVERY.toNanos()) {
                out.println(progressLine(latest, seconds));
                lastLine = System.nanoTime();
            }
            out.flush();
            if (done) {
                return 0;
            }
            if (seconds >= timeout.toSeconds()) {
                err.printf(
                        "error: not every replay completed within %s; it goes on in the app: follow it with GET %sapi/runs/{id}%n",
                        timeout, apiUrl);
                err.flush();
                return 1;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean replayDone(JsonNode run) {
        return "COMPLETED".equals(run.path("status").asText())
                && "COMPLETED".equals(run.path("replayState").asText());
    }

    /** {@code 12.0 s: 1 of 2 runs replayed | published again 15,000 of 20,000 | persisted again 12,000 of 20,000}. */
    private static String progressLine(Map<RunId, JsonNode> runs, double seconds) {
        long done = runs.values().stream().filter(ReplayCommand::replayDone).count();
        long fetched = sum(runs, "fetched");
        return String.format(
                "%6.1f s: %d of %d run(s) replayed | published again %,d of %,d | persisted again %,d of %,d",
                seconds,
                done,
                runs.size(),
                sum(runs, "replayPublished"),
                fetched,
                sum(runs, "replayPersisted"),
                fetched);
    }

    private static long sum(Map<RunId, JsonNode> runs, String field) {
        return runs.values().stream().mapToLong(run -> run.path(field).asLong()).sum();
    }

    private static String counters(JsonNode run) {
        return String.format(
                "replay %d, published again %,d, persisted again %,d of %,d, persisted %,d",
                run.path("replays").asInt(),
                run.path("replayPublished").asLong(),
                run.path("replayPersisted").asLong(),
                run.path("fetched").asLong(),
                run.path("persisted").asLong());
    }
}
