package cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import bootstrap.PipelineApp;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import localstack.RunsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import testsupport.IsolatedPipeline;
import testsupport.SharedCluster;
import testsupport.Sidecars;

/**
 * The event store is the system of record, so Cassandra can be rebuilt from it: a 10,000-user run
 * completes on the real stack, both Cassandra tables lose every row, and {@code ./pipeline replay
 * --run ID} (through the app's HTTP API) brings back exactly the same 10,000 users, with the run
 * COMPLETED again and its counts not doubled.
 */
@ExtendWith(SharedCluster.class)
class ReplayCommandIT {

    private static final int USERS = 10_000;

    @Test
    void given_a_completed_run_whose_cassandra_rows_were_truncated_when_replayed_then_exactly_its_10000_users_are_back(
            EmbeddedCluster cluster) throws Exception {
        IsolatedPipeline pipeline = IsolatedPipeline.on(cluster, "replay");
        String keyspace = pipeline.keyspace();
        try (RandomUserServer source = RandomUserServer.start(0)) {
            try (PipelineApp app = PipelineApp.start(pipeline.appSettings(source.baseUri()));
                    SparkSidecar sidecar = Sidecars.start(pipeline.sidecarConfig());
                    CqlSession cql = pipeline.cql()) {
                RunsClient api = new RunsClient(app.baseUri());
                long begin = System.nanoTime();
                String runId = api.fetchUsers("{\"count\": " + USERS + "}", "replay-it-" + pipeline.suffix());
                JsonNode completed = await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(500))
                        .failFast("sidecar exited, see " + sidecar.logFile(), () -> !sidecar.isAlive())
                        .until(
                                () -> api.run(runId),
                                run -> isFinished(run.get("status").asText()));
                assertThat(completed.get("status").asText())
                        .as("run %s", completed)
                        .isEqualTo("COMPLETED");
                double firstSeconds = (System.nanoTime() - begin) / 1e9;

                // Cassandra loses the data; the event store keeps it
                cql.execute("TRUNCATE " + keyspace + ".created_users");
                cql.execute("TRUNCATE " + keyspace + ".users_by_run");
                assertThat(pipeline.countRows(cql)).isZero();
                assertThat(listedUserIds(api, runId)).isEmpty();

                long replayBegin = System.nanoTime();
                StringWriter output = new StringWriter();
                int exitCode = pipeline(
                        output,
                        "replay",
                        "--run",
                        runId,
                        "--api-url",
                        app.baseUri().toString(),
                        "--timeout",
                        "PT4M");
                double replaySeconds = (System.nanoTime() - replayBegin) / 1e9;

                assertThat(exitCode).as(output.toString()).isZero();
                assertThat(output.toString()).contains(runId + " COMPLETED again");
                System.out.printf(
                        "[replay] %,d users: first pass %.1f s, replay after truncation %.1f s%n",
                        USERS, firstSeconds, replaySeconds);
                assertThat(pipeline.countRows(cql)).isEqualTo(USERS);
                assertThat(listedUserIds(api, runId)).hasSize(USERS);
                JsonNode replayed = api.run(runId);
                assertThat(replayed.get("status").asText()).isEqualTo("COMPLETED");
                assertThat(replayed.get("persisted").asInt())
                        .as("distinct ids, not doubled")
                        .isEqualTo(USERS);
                assertThat(replayed.get("replays").asInt()).isEqualTo(1);
                assertThat(replayed.get("replayState").asText()).isEqualTo("COMPLETED");
                assertThat(replayed.get("replayPublished").asLong()).isEqualTo(USERS);
                assertThat(replayed.get("replayPersisted").asInt()).isEqualTo(USERS);
                assertThat(replayed.get("replayedAt").isTextual())
                        .as("replayedAt")
                        .isTrue();
            }
        }
    }

    private static boolean isFinished(String status) {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }

    /** ./pipeline with these arguments, in this JVM; stdout and stderr together. */
    private static int pipeline(StringWriter output, String... args) {
        CommandLine commandLine = Pipeline.commandLine();
        PrintWriter writer = new PrintWriter(output, true);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        int exitCode = commandLine.execute(args);
        System.out.print(output);
        return exitCode;
    }

    /** The ids GET /api/runs/{id}/users lists, page by page, as a client reads them. */
    private static Set<String> listedUserIds(RunsClient api, String runId) throws Exception {
        List<JsonNode> users = api.usersOfRun(runId, Integer.MAX_VALUE);
        Set<String> ids = new HashSet<>();
        users.forEach(user -> ids.add(user.get("id").asText()));
        assertThat(ids).as("distinct").hasSize(users.size());
        return ids;
    }
}
