package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import com.fasterxml.jackson.databind.JsonNode;
import embedded.EmbeddedCluster;
import embedded.randomuser.Fault;
import embedded.randomuser.RandomUserServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import testsupport.SharedCluster;

/**
 * The ingestion core end to end, on the real embedded Kafka and the loopback RandomUser source:
 * HTTP command -> pages -> event store -> outbox -> users_created.
 */
@ExtendWith(SharedCluster.class)
class IngestionEndToEndIT {

    private static RandomUserServer source;

    @TempDir
    Path work;

    @BeforeAll
    static void startSource() {
        source = RandomUserServer.start(0);
    }

    @AfterAll
    static void stopSource() {
        source.close();
    }

    @Test
    void given_a_request_for_10000_users_then_exactly_10000_distinct_ids_reach_users_created(EmbeddedCluster cluster) {
        String topicPrefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        AppSettings settings = localSettings(cluster, topicPrefix);
        try (PipelineApp app = PipelineApp.start(settings)) {
            RunsApi api = new RunsApi(app.baseUri());

            RunsApi.Response accepted =
                    api.fetchUsers("{\"count\": 10000, \"nationalities\": [\"GB\", \"NO\", \"IR\"]}", "airflow-1");
            RunsApi.Response again =
                    api.fetchUsers("{\"count\": 10000, \"nationalities\": [\"GB\", \"NO\", \"IR\"]}", "airflow-1");

            assertThat(accepted.status()).isEqualTo(202);
            String runId = accepted.json().get("runId").asText();
            assertThat(again.json().get("runId").asText()).isEqualTo(runId);
            JsonNode run = awaitPublished(api, runId, 10_000);
            assertThat(run.get("fetched").asInt()).isEqualTo(10_000);
            UsersCreatedTopic.Contents topic = UsersCreatedTopic.read(
                    cluster.kafkaBootstrapServers(), settings.kafka().topics().usersCreated());
            assertThat(topic.distinctKeys()).hasSize(10_000);
            assertThat(topic.records()).isEqualTo(10_000);
        }
    }

    @Test
    void given_a_source_that_throttles_fails_and_sends_garbage_then_the_run_slows_but_loses_nothing(
            EmbeddedCluster cluster) {
        String topicPrefix = "faults-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        AppSettings settings = localSettings(cluster, topicPrefix).withMaxPageSize(500);
        source.faults()
                .enqueue(Fault.status(429).times(3), Fault.status(503).times(2), Fault.garbage(), Fault.truncated());
        try (PipelineApp app = PipelineApp.start(settings)) {
            RunsApi api = new RunsApi(app.baseUri());

            String runId = api.fetchUsers("{\"count\": 3000}", null)
                    .json()
                    .get("runId")
                    .asText();

            JsonNode run = awaitPublished(api, runId, 3_000);
            assertThat(run.get("lastError").asText()).contains("malformed response");
            UsersCreatedTopic.Contents topic = UsersCreatedTopic.read(
                    cluster.kafkaBootstrapServers(), settings.kafka().topics().usersCreated());
            assertThat(topic.distinctKeys()).hasSize(3_000);
        } finally {
            source.faults().clear();
        }
    }

    @Test
    void given_the_app_killed_hard_mid_run_when_restarted_then_the_run_resumes_and_every_id_reaches_the_topic(
            EmbeddedCluster cluster) throws Exception {
        String topicPrefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int httpPort = freePort();
        // slow pages, so the kill lands mid-run
        source.faults().everyNth(1, Fault.slow(Duration.ofMillis(1500)));
        Process app = startServe(cluster, topicPrefix, httpPort);
        String runId;
        try {
            RunsApi api = new RunsApi(URI.create("http://127.0.0.1:" + httpPort + "/"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.run("health-probe") != null);
            runId = api.fetchUsers("{\"count\": 10000}", "crash-test")
                    .json()
                    .get("runId")
                    .asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.run(runId).get("fetched").asInt() >= 2000);

            app.destroyForcibly().waitFor();
            source.faults().clear();

            app = startServe(cluster, topicPrefix, httpPort);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.run(runId) != null);
            JsonNode run = awaitPublished(api, runId, 10_000);
            assertThat(run.get("fetched").asInt()).isEqualTo(10_000);
        } finally {
            source.faults().clear();
            app.destroy();
            app.waitFor();
        }
        UsersCreatedTopic.Contents topic =
                UsersCreatedTopic.read(cluster.kafkaBootstrapServers(), topicPrefix + "users_created");
        assertThat(topic.distinctKeys()).hasSize(10_000);
        assertThat(topic.records()).isGreaterThanOrEqualTo(10_000);
    }

    private AppSettings localSettings(EmbeddedCluster cluster, String topicPrefix) {
        AppSettings local = AppSettings.local(work, cluster.kafkaBootstrapServers(), source.baseUri(), 0);
        return local.withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed(topicPrefix)))
                .withCassandra(CassandraSettings.defaults(cassandraContactPoint(cluster))
                        .withLocalDatacenter(cluster.cassandraDatacenter()));
    }

    /** The app as `./pipeline serve` runs it: its jar and classpath from the package phase, in its own JVM. */
    private Process startServe(EmbeddedCluster cluster, String topicPrefix, int httpPort) throws IOException {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        String classpath = home.resolve("target/pipeline.jar")
                + java.io.File.pathSeparator
                + Files.readString(home.resolve("target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dpipeline.home=" + home,
                "-cp",
                classpath,
                cli.Pipeline.class.getName(),
                "serve",
                "--work-dir",
                work.toString(),
                "--http-port",
                Integer.toString(httpPort),
                "--kafka-bootstrap-servers",
                cluster.kafkaBootstrapServers(),
                "--cassandra-contact-points",
                cassandraContactPoint(cluster),
                "--source-url",
                source.baseUri().toString(),
                "--page-size",
                "500"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("serve.log").toFile()));
        builder.environment().put("PIPELINE_KAFKA_TOPIC_PREFIX", topicPrefix);
        return builder.start();
    }

    private static JsonNode awaitPublished(RunsApi api, String runId, int users) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.run(runId),
                        run -> run.get("published").asLong() >= users
                                && "FETCHED".equals(run.get("status").asText()));
    }

    private static String cassandraContactPoint(EmbeddedCluster cluster) {
        return "127.0.0.1:" + cluster.cassandraContactPoint().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
