package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import embedded.EmbeddedCluster;
import embedded.randomuser.RandomUserServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;
import testsupport.SidecarProcess;

/**
 * The whole pipeline on the embedded stack: HTTP command -> RandomUser source -> event store ->
 * Kafka -> Spark sidecar -> Cassandra -> users_persisted -> run COMPLETED.
 */
@ExtendWith(SharedCluster.class)
class PipelineEndToEndIT {

    private static final int USERS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void given_the_whole_stack_when_10000_users_are_requested_then_the_run_completes_with_exactly_10000_rows(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "e2e_" + suffix + "_";
        String keyspace = "e2e_" + suffix;
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        // under target/, not /tmp: the sidecar refuses checkpoints in a temporary directory
        Path work = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster")).toAbsolutePath()
                .getParent().resolve("pipeline-e2e-" + suffix);
        try (RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings local = AppSettings.local(work, cluster.kafkaBootstrapServers(), source.baseUri(), 0);
            AppSettings settings = local
                    .withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed(prefix)))
                    .withCassandra(CassandraSettings.defaults("127.0.0.1:" + cassandra.getPort())
                            .withLocalDatacenter(cluster.cassandraDatacenter()).withKeyspace(keyspace));
            try (PipelineApp app = PipelineApp.start(settings);
                 SidecarProcess sidecar = SidecarProcess.start(new SidecarProcess.Config(cluster.kafkaBootstrapServers(),
                         cassandra.getHostString(), cassandra.getPort(), keyspace, cluster.cassandraDatacenter(),
                         prefix, work.resolve("sidecar")));
                 CqlSession cql = CqlSession.builder().addContactPoint(cassandra)
                         .withLocalDatacenter(cluster.cassandraDatacenter()).build()) {
                RunsApi api = new RunsApi(app.baseUri());
                long begin = System.nanoTime();

                String runId = api.fetchUsers("{\"count\": " + USERS + "}", "e2e-" + suffix).json().get("runId").asText();

                JsonNode run = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.run(runId), view -> "COMPLETED".equals(view.get("status").asText())
                                || "FAILED".equals(view.get("status").asText()) || !sidecar.isAlive());
                assertThat(run.get("status").asText()).as("run %s; sidecar log %s", run, sidecar.logFile()).isEqualTo("COMPLETED");
                System.out.printf("[e2e] %,d users from POST to COMPLETED in %.1f s%n", USERS, (System.nanoTime() - begin) / 1e9);
                assertThat(run.get("persisted").asInt()).isEqualTo(USERS);
                assertThat(cql.execute("SELECT count(*) FROM " + keyspace + ".created_users").one().getLong(0))
                        .isEqualTo(USERS);
                assertThat(listedUserIds(app.baseUri(), runId)).hasSize(USERS);
            }
        }
    }

    /** Pages through GET /api/runs/{id}/users as a client would. */
    private static Set<String> listedUserIds(URI base, String runId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> ids = new HashSet<>();
        String token = null;
        do {
            String query = "api/runs/" + runId + "/users?pageSize=1000" + (token == null ? "" : "&pageToken=" + token);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(query)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("users").forEach(user -> ids.add(user.get("id").asText()));
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null);
        return ids;
    }
}
