package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.FieldProblem;
import domain.user.User;
import domain.user.UserId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.RawTopics;
import testsupport.SharedCluster;
import testsupport.Sidecars;

/**
 * The Spark sidecar as a child JVM on the embedded Kafka and Cassandra: users_created in, rows in
 * Cassandra, bad records on the DLQ, ids announced on users_persisted; replays change nothing.
 */
@ExtendWith(SharedCluster.class)
class SparkSidecarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2,000 by default; `-Dsidecar.it.users=20000` for a throughput figure. */
    private static final int USERS = Integer.getInteger("sidecar.it.users", 2_000);

    @Test
    void given_contract_garbage_and_seed_messages_then_cassandra_the_dlq_and_users_persisted_agree(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "spark-" + suffix + "-";
        String keyspace = "sidecar_it_" + suffix;
        KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(KafkaSettings.Topics.prefixed(prefix));
        KafkaAdapter.ensureTopics(kafka);
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        String contact = cassandra.getHostString() + ":" + cassandra.getPort();
        CassandraUsers.connect(CassandraSettings.defaults(contact)
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .withKeyspace(keyspace))
                .close();

        RunId run = new RunId(UUID.randomUUID());
        List<UserFetched> users = users(USERS, run);
        Set<String> runIds = new HashSet<>();
        users.forEach(u -> runIds.add(u.user().id().value().toString()));
        publish(kafka, users);
        UUID seedId = UUID.randomUUID();
        try (KafkaProducer<byte[], byte[]> raw = RawTopics.rawProducer(cluster.kafkaBootstrapServers())) {
            String topic = kafka.topics().usersCreated();
            raw.send(new ProducerRecord<>(topic, bytes("garbage-1"), bytes("not json at all")));
            raw.send(new ProducerRecord<>(topic, bytes("garbage-2"), bytes("[1,2,3]")));
            raw.send(new ProducerRecord<>(
                    topic,
                    bytes("garbage-3"),
                    bytes("{\"schema_version\":1,\"id\":\"abc\",\"run_id\":\"" + run.value() + "\"}")));
            raw.send(new ProducerRecord<>(topic, bytes(seedId.toString()), bytes(seedMessage(seedId))));
            raw.flush();
        }

        Path work = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve("sidecar-it-" + suffix);
        SparkSidecar.Config config = new SparkSidecar.Config(
                cluster.kafkaBootstrapServers(),
                cassandra.getHostString(),
                cassandra.getPort(),
                keyspace,
                cluster.cassandraDatacenter(),
                prefix,
                work);

        // count(*) scans the table: under the sidecar's write load it needs more than the driver's 2 s
        DriverConfigLoader slowScans = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build();
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(cassandra)
                .withConfigLoader(slowScans)
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .build()) {
            long started = System.nanoTime();
            SparkSidecar sidecar = Sidecars.start(config);
            try {
                awaitCount(cql, keyspace, USERS + 1, sidecar);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "[spark-sidecar-it] %d rows in %.1f s including Spark start-up: %.0f rows/s%n",
                        USERS + 1, seconds, (USERS + 1) / seconds);

                List<JsonNode> dlq = await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> readAll(
                                        cluster.kafkaBootstrapServers(),
                                        kafka.topics().usersCreatedDlq()),
                                list -> list.size() >= 3);
                assertThat(dlq).hasSize(3);
                assertThat(dlq)
                        .allSatisfy(d -> assertThat(d.get("reason").asText()).isNotBlank());
                assertThat(dlq)
                        .extracting(d -> d.get("source_topic").asText())
                        .containsOnly(kafka.topics().usersCreated());

                Set<String> announced = await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> announcedIds(
                                        cluster.kafkaBootstrapServers(),
                                        kafka.topics().usersPersisted(),
                                        run.value().toString()),
                                ids -> ids.size() >= USERS);
                assertThat(announced).isEqualTo(runIds);
                assertThat(cql.execute("SELECT count(*) FROM " + keyspace + ".users_by_run WHERE run_id = "
                                        + run.value())
                                .one()
                                .getLong(0))
                        .isEqualTo(USERS);
                assertRowHoldsEveryField(cql, keyspace, users.get(USERS - 1));
                assertThat(users.get(USERS - 1).user().fieldProblems()).isNotEmpty();
                assertRowHoldsEveryField(cql, keyspace, users.get(0));
                assertThat(cql.execute("SELECT field_problems FROM " + keyspace + ".created_users WHERE id = "
                                        + users.get(0).user().id().value())
                                .one()
                                .isNull("field_problems"))
                        .as("a clean user's field_problems")
                        .isTrue();
                Row seedRow = cql.execute("SELECT * FROM " + keyspace + ".created_users WHERE id = " + seedId)
                        .one();
                assertThat(seedRow).as("the seed-shaped message's row").isNotNull();
                assertThat(seedRow.getString("email")).isEqualTo("seed@example.com");
                assertThat(seedRow.getInstant("dob")).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
                assertThat(seedRow.getUuid("run_id")).isNull();

                // the same 2,000 again (the outbox re-sending): upserts, the count stays exact
                long replayStarted = System.nanoTime();
                publish(kafka, users);
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> persistedMessages(
                                                cluster.kafkaBootstrapServers(),
                                                kafka.topics().usersPersisted())
                                        >= 2
                                && totalAnnounced(
                                                cluster.kafkaBootstrapServers(),
                                                kafka.topics().usersPersisted())
                                        >= 2L * USERS);
                double replaySeconds = (System.nanoTime() - replayStarted) / 1e9;
                System.out.printf(
                        "[spark-sidecar-it] replay of %d rows announced in %.1f s: %.0f rows/s (warm)%n",
                        USERS, replaySeconds, USERS / replaySeconds);
                assertThat(count(cql, keyspace)).isEqualTo(USERS + 1);

                // a crash mid-stream, then a restart on the same checkpoint: still exact
                List<UserFetched> more = users(USERS, new RunId(UUID.randomUUID()));
                publish(kafka, more);
                Sidecars.kill9(sidecar);
                sidecar = Sidecars.start(config);
                SparkSidecar restarted = sidecar;
                // every id of the second run announced means every batch of it was written and committed
                await().atMost(Duration.ofSeconds(180))
                        .pollInterval(Duration.ofSeconds(1))
                        .failFast("sidecar exited, see " + restarted.logFile(), () -> !restarted.isAlive())
                        .until(
                                () -> announcedIds(
                                        cluster.kafkaBootstrapServers(),
                                        kafka.topics().usersPersisted(),
                                        more.get(0).runId().value().toString()),
                                ids -> ids.size() >= USERS);
                assertThat(count(cql, keyspace)).isEqualTo(2 * USERS + 1);
            } finally {
                sidecar.close();
            }
        }
    }

    private static void awaitCount(CqlSession cql, String keyspace, long expected, SparkSidecar sidecar) {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .failFast("sidecar exited, see " + sidecar.logFile(), () -> !sidecar.isAlive())
                .ignoreExceptionsInstanceOf(DriverTimeoutException.class)
                .until(() -> count(cql, keyspace), n -> n >= expected);
    }

    /** Every column of created_users and users_by_run, with its real type, against what was published. */
    private static void assertRowHoldsEveryField(CqlSession cql, String keyspace, UserFetched published) {
        User u = published.user();
        Row row = cql.execute("SELECT * FROM " + keyspace + ".created_users WHERE id = " + u.id().value())
                .one();
        assertThat(row).isNotNull();
        assertThat(row.getString("first_name")).isEqualTo(u.firstName());
        assertThat(row.getString("last_name")).isEqualTo(u.lastName());
        assertThat(row.getString("gender")).isEqualTo(u.gender());
        assertThat(row.getString("address")).isEqualTo(u.address());
        assertThat(row.getString("post_code")).isEqualTo(u.postCode());
        assertThat(row.getString("email")).isEqualTo(u.email());
        assertThat(row.getString("username")).isEqualTo(u.username());
        assertThat(row.getInstant("dob")).isEqualTo(u.dob());
        assertThat(row.getInstant("registered_date")).isEqualTo(u.registeredDate());
        assertThat(row.getString("phone")).isEqualTo(u.phone());
        assertThat(row.getString("picture")).isEqualTo(u.picture());
        assertThat(row.getUuid("run_id")).isEqualTo(published.runId().value());
        assertThat(row.getString("nationality")).isEqualTo(u.nationality());
        assertThat(row.getInstant("fetched_at")).isEqualTo(published.fetchedAt());
        assertThat(row.getInstant("persisted_at")).isAfter(published.fetchedAt());
        assertThat(row.getList("field_problems", String.class))
                .containsExactlyElementsOf(
                        u.fieldProblems().stream().map(FieldProblem::text).toList());
        Row ofRun = cql.execute("SELECT * FROM " + keyspace + ".users_by_run WHERE run_id = "
                        + published.runId().value() + " AND id = " + u.id().value())
                .one();
        assertThat(ofRun).isNotNull();
        assertThat(ofRun.getString("first_name")).isEqualTo(u.firstName());
        assertThat(ofRun.getString("last_name")).isEqualTo(u.lastName());
        assertThat(ofRun.getString("email")).isEqualTo(u.email());
        assertThat(ofRun.getString("nationality")).isEqualTo(u.nationality());
    }

    private static long count(CqlSession cql, String keyspace) {
        return cql.execute("SELECT count(*) FROM " + keyspace + ".created_users")
                .one()
                .getLong(0);
    }

    private static void publish(KafkaSettings kafka, List<UserFetched> users) {
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka)) {
            publisher.publish(users);
        }
    }

    static List<UserFetched> users(int count, RunId run) {
        List<UserFetched> users = new ArrayList<>(count);
        Instant now = Instant.parse("2026-11-25T10:00:01.250Z");
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(run.value().getMostSignificantBits(), i);
            User user = new User(
                    new UserId(id),
                    "First" + i,
                    "Ødegård",
                    "male",
                    "4312 Kirkeveien, Kvinesdal, Norway",
                    "4480",
                    "user" + i + "@example.com",
                    "user" + i,
                    Instant.parse("1993-07-20T09:44:18.674Z"),
                    Instant.parse("2014-03-02T11:05:40.123Z"),
                    "(272) 790-0888",
                    "https://randomuser.me/api/portraits/med/men/54.jpg",
                    "NO",
                    // the last user was kept with a field problem: its column must hold it
                    i == count - 1
                            ? List.of(new FieldProblem(
                                    "phone", "should be a string, not a boolean: true; stored as null", true))
                            : List.of());
            users.add(new UserFetched(run, 1, user, now));
        }
        return users;
    }

    private static String seedMessage(UUID id) {
        return "{\"id\":\"" + id + "\",\"first_name\":\"Seed\",\"last_name\":\"User\",\"gender\":\"female\","
                + "\"address\":\"1 Main St, Leeds, UK\",\"post_code\":\"LS1\",\"email\":\"seed@example.com\","
                + "\"username\":\"seeduser\",\"dob\":\"1990-01-01T00:00:00.000Z\","
                + "\"registered_date\":\"2010-01-01T00:00:00.000Z\",\"phone\":\"0113 000\","
                + "\"picture\":\"https://randomuser.me/api/portraits/med/women/1.jpg\"}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every value of a topic, as JSON, from the beginning to the current end. */
    private static List<JsonNode> readAll(String servers, String topic) throws Exception {
        List<JsonNode> values = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : RawTopics.readAll(servers, topic)) {
            values.add(JSON.readTree(record.value()));
        }
        return values;
    }

    private static Set<String> announcedIds(String servers, String topic, String runId) throws Exception {
        Set<String> ids = new HashSet<>();
        for (JsonNode message : readAll(servers, topic)) {
            if (runId.equals(message.get("run_id").asText())) {
                message.get("user_ids").forEach(id -> ids.add(id.asText()));
            }
        }
        return ids;
    }

    private static long persistedMessages(String servers, String topic) throws Exception {
        return readAll(servers, topic).stream()
                .map(m -> m.get("batch_id").asText())
                .distinct()
                .count();
    }

    private static long totalAnnounced(String servers, String topic) throws Exception {
        long total = 0;
        for (JsonNode message : readAll(servers, topic)) {
            total += message.get("user_ids").size();
        }
        return total;
    }
}
