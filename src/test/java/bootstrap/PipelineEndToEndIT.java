package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import adapters.kafka.KafkaSettings;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.IsolatedPipeline;
import testsupport.RawTopics;
import testsupport.SharedCluster;
import testsupport.Sidecars;

/**
 * The whole pipeline on the embedded stack: HTTP command -> RandomUser source -> event store ->
 * Kafka -> Spark sidecar -> Cassandra -> users_persisted -> run COMPLETED; with garbage written beside
 * the run's users, the sidecar killed mid-run, and every message sent a second time.
 */
@ExtendWith(SharedCluster.class)
class PipelineEndToEndIT {

    private static final int USERS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void
            given_garbage_a_crash_and_a_resend_when_10000_users_are_requested_then_exactly_10000_rows_and_the_run_completes(
                    EmbeddedCluster cluster) throws Exception {
        IsolatedPipeline pipeline = IsolatedPipeline.on(cluster, "e2e");
        try (RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings settings = pipeline.appSettings(source.baseUri());
            SparkSidecar.Config sidecarConfig = pipeline.sidecarConfig()
                    // ten micro-batches instead of one or two, so that the crash below lands mid-run
                    .withTuning("PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER", "1000");
            KafkaSettings.Topics topics = settings.kafka().topics();
            String kafka = cluster.kafkaBootstrapServers();
            SparkSidecar sidecar = null;
            try (PipelineApp app = PipelineApp.start(settings);
                    CqlSession cql = pipeline.cql()) {
                sidecar = Sidecars.start(sidecarConfig);
                RunsApi api = new RunsApi(app.baseUri());
                long begin = System.nanoTime();

                String runId = api.fetchUsers("{\"count\": " + USERS + "}", "e2e-" + pipeline.suffix())
                        .json()
                        .get("runId")
                        .asText();
                try (KafkaProducer<byte[], byte[]> outsider = RawTopics.rawProducer(kafka)) {
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), bytes("not json at all")));
                    outsider.send(new ProducerRecord<>(
                            topics.usersCreated(), bytes("{\"schema_version\":1,\"id\":\"abc\"}")));
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), null));
                }

                // a crash once the first users are persisted, then a restart on the same checkpoint
                SparkSidecar first = sidecar;
                JsonNode atCrash = await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .failFast("sidecar exited, see " + first.logFile(), () -> !first.isAlive())
                        .until(
                                () -> api.run(runId),
                                view -> view.get("persisted").asInt() > 0);
                Sidecars.kill9(sidecar);
                assertThat(atCrash.get("persisted").asInt())
                        .as("persisted when the sidecar was killed")
                        .isLessThan(USERS);
                sidecar = Sidecars.start(sidecarConfig);

                SparkSidecar restarted = sidecar;
                JsonNode run = await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(500))
                        .failFast("sidecar exited, see " + restarted.logFile(), () -> !restarted.isAlive())
                        .until(
                                () -> api.run(runId),
                                view -> "COMPLETED".equals(view.get("status").asText())
                                        || "FAILED".equals(view.get("status").asText()));
                assertThat(run.get("status").asText())
                        .as("run %s; sidecar log %s", run, sidecar.logFile())
                        .isEqualTo("COMPLETED");
                System.out.printf(
                        "[e2e] %,d users from POST to COMPLETED in %.1f s, sidecar killed at %,d persisted%n",
                        USERS,
                        (System.nanoTime() - begin) / 1e9,
                        atCrash.get("persisted").asInt());
                assertThat(run.get("persisted").asInt()).isEqualTo(USERS);
                assertThat(pipeline.countRows(cql)).isEqualTo(USERS);
                assertThat(listedUserIds(app.baseUri(), runId)).hasSize(USERS);
                // at least once: a micro-batch replayed after the crash dead-letters its bad records again,
                // and their source partition and offset tell the copies apart (docs/contracts.md)
                List<JsonNode> deadLetters = await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> json(RawTopics.readAll(kafka, topics.usersCreatedDlq())),
                                dlq -> sourcesOf(dlq).size() >= 3);
                assertThat(sourcesOf(deadLetters)).hasSize(3);
                assertThat(deadLetters)
                        .extracting(d -> d.get("reason").asText())
                        .allSatisfy(reason -> assertThat(reason).isNotBlank());

                // the same 10,000 messages once more, as a producer retry or a replayed outbox would send them
                long announcedBefore = announcedIds(kafka, topics.usersPersisted(), runId);
                int resent = resendUsersOfRun(kafka, topics.usersCreated(), runId);
                assertThat(resent).isEqualTo(USERS);
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofSeconds(1))
                        .failFast("sidecar exited, see " + restarted.logFile(), () -> !restarted.isAlive())
                        .until(() -> announcedIds(kafka, topics.usersPersisted(), runId) >= announcedBefore + USERS);
                assertThat(pipeline.countRows(cql)).isEqualTo(USERS);
                assertThat(api.run(runId).get("persisted").asInt()).isEqualTo(USERS);
                assertThat(api.run(runId).get("status").asText()).isEqualTo("COMPLETED");
            } finally {
                if (sidecar != null) {
                    sidecar.close();
                }
            }
        }
    }

    /** Produces every users_created record of the run again, key, value and headers unchanged. */
    private static int resendUsersOfRun(String kafka, String topic, String runId) throws Exception {
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = RawTopics.rawProducer(kafka)) {
            for (ConsumerRecord<byte[], byte[]> record : RawTopics.readAll(kafka, topic)) {
                JsonNode value = record.value() == null ? null : parseOrNull(record.value());
                if (value != null && runId.equals(value.path("run_id").asText())) {
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** How many user ids users_persisted announced for the run so far, repeats included. */
    private static long announcedIds(String kafka, String topic, String runId) {
        return json(RawTopics.readAll(kafka, topic)).stream()
                .filter(message -> runId.equals(message.get("run_id").asText()))
                .mapToLong(message -> message.get("user_ids").size())
                .sum();
    }

    private static List<JsonNode> json(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> parseOrNull(r.value())).toList();
    }

    private static JsonNode parseOrNull(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Pages through GET /api/runs/{id}/users as a client would. */
    private static Set<String> listedUserIds(URI base, String runId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> ids = new HashSet<>();
        String token = null;
        do {
            String query = "api/runs/" + runId + "/users?pageSize=1000" + (token == null ? "" : "&pageToken=" + token);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(base.resolve(query)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.get("users").forEach(user -> ids.add(user.get("id").asText()));
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null);
        return ids;
    }

    private static Set<String> sourcesOf(List<JsonNode> deadLetters) {
        return deadLetters.stream()
                .map(d -> d.get("source_partition").asInt() + "@"
                        + d.get("source_offset").asLong())
                .collect(Collectors.toSet());
    }
}
