package bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import adapters.cassandra.CassandraSettings;
import adapters.kafka.KafkaSettings;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import embedded.EmbeddedCluster;
import embedded.SparkSidecar;
import embedded.randomuser.RandomUserServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.RawTopics;
import testsupport.SharedCluster;
import testsupport.Sidecars;

/**
 * One oversized or broken record never stops a stage: records no producer of the pipeline would write
 * land on the DLQ with a reason (cut, with their length and hash, so the dead letter fits its topic),
 * the sidecar keeps running and a normal run after them completes; and a run whose users Kafka refuses
 * completes with them parked instead of blocking the outbox.
 */
@ExtendWith(SharedCluster.class)
class PoisonRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 500;

    @Test
    void given_poison_records_on_users_created_when_a_run_follows_then_each_is_dead_lettered_and_the_run_completes(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "poison_" + suffix + "_";
        String keyspace = "poison_" + suffix;
        String kafka = cluster.kafkaBootstrapServers();
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        Path work = workDir("poison-" + suffix);
        try (RandomUserServer source = RandomUserServer.start(0)) {
            AppSettings settings = settings(cluster, source, work, prefix, keyspace);
            KafkaSettings.Topics topics = settings.kafka().topics();
            SparkSidecar sidecar = null;
            try (PipelineApp app = PipelineApp.start(settings);
                    CqlSession cql = CqlSession.builder()
                            .addContactPoint(cassandra)
                            .withLocalDatacenter(cluster.cassandraDatacenter())
                            .build()) {
                // what an outsider could write: compressed, so far more than max.message.bytes per record
                String foreignRun = UUID.randomUUID().toString();
                UUID tooLarge = UUID.randomUUID();
                UUID outOfRange = UUID.randomUUID();
                byte[] twoMegabytes = bytes("{\"first_name\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}");
                byte[] hugeName = bytes(user(tooLarge, foreignRun, "N".repeat(900 * 1024), "1993-07-20T09:44:18.674Z"));
                byte[] beyondCassandra = bytes(user(outOfRange, foreignRun, "Tor", "+999999999-12-31T23:59:59.999Z"));
                try (KafkaProducer<byte[], byte[]> outsider = compressingProducer(kafka)) {
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), bytes("two-mb"), twoMegabytes));
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), bytes(tooLarge.toString()), hugeName));
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), bytes("bad"), bytes("{not json")));
                    outsider.send(new ProducerRecord<>(topics.usersCreated(), bytes("tombstone"), null));
                    outsider.send(
                            new ProducerRecord<>(topics.usersCreated(), bytes(outOfRange.toString()), beyondCassandra));
                    outsider.flush();
                }

                sidecar = Sidecars.start(new SparkSidecar.Config(
                        kafka,
                        cassandra.getHostString(),
                        cassandra.getPort(),
                        keyspace,
                        cluster.cassandraDatacenter(),
                        prefix,
                        work.resolve("sidecar")));
                SparkSidecar running = sidecar;
                RunsApi api = new RunsApi(app.baseUri());
                String runId = api.fetchUsers("{\"count\": " + USERS + "}", "poison-" + suffix)
                        .json()
                        .get("runId")
                        .asText();
                JsonNode run = await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(500))
                        .failFast("sidecar exited, see " + running.logFile(), () -> !running.isAlive())
                        .until(
                                () -> api.run(runId),
                                view -> !view.get("status").asText().startsWith("FETCH")
                                        && !view.get("status").asText().equals("REQUESTED"));

                assertThat(run.get("status").asText()).as("run %s", run).isEqualTo("COMPLETED");
                assertThat(run.get("persisted").asInt()).isEqualTo(USERS);
                assertThat(run.get("parked").asInt()).isZero();
                assertThat(sidecar.isAlive()).isTrue();
                Map<String, JsonNode> dlq = await().atMost(Duration.ofSeconds(60))
                        .until(() -> deadLettersByKey(kafka, topics.usersCreatedDlq()), byKey -> byKey.size() >= 5);
                assertThat(dlq)
                        .containsOnlyKeys("two-mb", tooLarge.toString(), "bad", "tombstone", outOfRange.toString());

                JsonNode twoMb = dlq.get("two-mb");
                assertThat(twoMb.get("reason").asText()).startsWith("value too large: " + twoMegabytes.length);
                assertCutWithLengthAndHash(twoMb, twoMegabytes);
                JsonNode huge = dlq.get(tooLarge.toString());
                assertThat(huge.get("reason").asText()).startsWith("value too large: " + hugeName.length);
                assertCutWithLengthAndHash(huge, hugeName);
                JsonNode notJson = dlq.get("bad");
                assertThat(notJson.get("reason").asText()).startsWith("value is not a JSON object");
                assertThat(notJson.get("original_value").asText()).isEqualTo("{not json");
                assertThat(notJson.get("original_value_truncated").booleanValue())
                        .isFalse();
                assertThat(notJson.get("original_value_length").asInt()).isEqualTo(9);
                JsonNode tombstone = dlq.get("tombstone");
                assertThat(tombstone.get("reason").asText()).startsWith("record has no value (a tombstone)");
                assertThat(tombstone.get("original_value").isNull()).isTrue();
                assertThat(tombstone.get("original_value_length").isNull()).isTrue();
                assertThat(tombstone.get("original_value_sha256").isNull()).isTrue();
                JsonNode beyond = dlq.get(outOfRange.toString());
                assertThat(beyond.get("reason").asText()).startsWith("Cassandra cannot store this user: ");
                assertThat(beyond.get("original_value").asText())
                        .isEqualTo(new String(beyondCassandra, StandardCharsets.UTF_8));
                assertThat(RawTopics.readAll(kafka, topics.usersCreatedDlq()))
                        .allSatisfy(letter -> assertThat(letter.value().length).isLessThan(110_000));
                for (UUID refused : List.of(tooLarge, outOfRange)) {
                    assertThat(cql.execute("SELECT id FROM " + keyspace + ".created_users WHERE id = " + refused)
                                    .one())
                            .as("row of %s", refused)
                            .isNull();
                    assertThat(cql.execute("SELECT id FROM " + keyspace + ".users_by_run WHERE run_id = " + foreignRun)
                                    .one())
                            .isNull();
                }
            } finally {
                if (sidecar != null) {
                    sidecar.close();
                }
            }
        }
    }

    @Test
    void given_a_users_created_topic_too_small_for_any_user_when_a_run_is_requested_then_it_completes_all_parked(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "parked_" + suffix + "_";
        Path work = workDir("parked-" + suffix);
        // an operator's topic, there before the app: the app keeps it as it is, 200 bytes a batch
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "users_created", 3, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "200"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (RandomUserServer source = RandomUserServer.start(0);
                PipelineApp app = PipelineApp.start(settings(cluster, source, work, prefix, "parked_" + suffix))) {
            RunsApi api = new RunsApi(app.baseUri());
            String runId = api.fetchUsers("{\"count\": 20}", "parked-" + suffix)
                    .json()
                    .get("runId")
                    .asText();

            JsonNode run = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> api.run(runId),
                            view -> view.get("status").asText().equals("COMPLETED"));

            assertThat(run.get("fetched").asInt()).isEqualTo(20);
            assertThat(run.get("parked").asInt()).isEqualTo(20);
            assertThat(run.get("persisted").asInt()).isZero();
            assertThat(run.get("published").asInt()).isZero();
            assertThat(run.get("lastError").asText()).contains("parked", "RecordTooLargeException");
        }
    }

    private static AppSettings settings(
            EmbeddedCluster cluster, RandomUserServer source, Path work, String prefix, String keyspace) {
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        AppSettings local = AppSettings.local(work, cluster.kafkaBootstrapServers(), source.baseUri(), 0);
        return local.withKafka(local.kafka().withTopics(KafkaSettings.Topics.prefixed(prefix)))
                .withCassandra(CassandraSettings.defaults("127.0.0.1:" + cassandra.getPort())
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .withKeyspace(keyspace));
    }

    /** Under target/, not /tmp: the sidecar refuses checkpoints in a temporary directory. */
    private static Path workDir(String name) {
        return Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve(name);
    }

    private static void assertCutWithLengthAndHash(JsonNode letter, byte[] original) {
        assertThat(letter.get("original_value_truncated").booleanValue()).isTrue();
        assertThat(letter.get("original_value_length").asInt()).isEqualTo(original.length);
        assertThat(letter.get("original_value_sha256").asText()).isEqualTo(sha256(original));
        assertThat(letter.get("original_value").asText())
                .isEqualTo(new String(original, 0, 16 * 1024, StandardCharsets.UTF_8));
    }

    /** A raw producer that compresses and sends up to 4 MiB a record, as any client outside the pipeline may. */
    private static KafkaProducer<byte[], byte[]> compressingProducer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(16L * 1024 * 1024));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String user(UUID id, String runId, String firstName, String dob) {
        return "{\"schema_version\":1,\"id\":\"" + id + "\",\"first_name\":\"" + firstName
                + "\",\"last_name\":\"Berg\","
                + "\"gender\":\"male\",\"address\":null,\"post_code\":null,\"email\":null,\"username\":null,"
                + "\"dob\":\"" + dob + "\",\"registered_date\":null,\"phone\":null,\"picture\":null,"
                + "\"nationality\":\"NO\",\"run_id\":\"" + runId + "\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"}";
    }

    /** The DLQ's messages by their key (each poison record has its own); the last copy wins. */
    private static Map<String, JsonNode> deadLettersByKey(String kafka, String topic) {
        return RawTopics.readAll(kafka, topic).stream()
                .collect(Collectors.toMap(
                        record -> new String(record.key(), StandardCharsets.UTF_8),
                        PoisonRecordsIT::json,
                        (first, second) -> second));
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError("a dead letter is not JSON", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
