package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import adapters.cassandra.CassandraSettings;
import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import com.datastax.oss.driver.api.core.CqlSession;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

/**
 * The second way to run the sidecar: its cluster fat jar through {@code spark-submit} on a classpath
 * of Spark alone, as on a Spark cluster. The jar must bring the Kafka source, the Cassandra connector
 * and our code; Spark's settings arrive as spark-submit's, the pipeline's through the environment.
 */
@ExtendWith(SharedCluster.class)
class SparkSubmitIT {

    private static final int USERS = 500;

    @Test
    void given_the_cluster_jar_when_submitted_with_spark_submit_then_users_reach_cassandra_and_are_announced(
            EmbeddedCluster cluster) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "submit-" + suffix + "-";
        String keyspace = "submit_it_" + suffix;
        KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(KafkaSettings.Topics.prefixed(prefix));
        KafkaAdapter.ensureTopics(kafka);
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        CassandraUsers.connect(CassandraSettings.defaults("127.0.0.1:" + cassandra.getPort())
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .withKeyspace(keyspace))
                .close();
        RunId run = new RunId(UUID.randomUUID());
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka)) {
            publisher.publish(users(run));
        }
        Path home = Path.of(System.getProperty("pipeline.home", "."))
                .toAbsolutePath()
                .normalize();
        Path work = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve("submit-it-" + suffix);
        SparkSidecar.Config config = new SparkSidecar.Config(
                cluster.kafkaBootstrapServers(),
                "127.0.0.1",
                cassandra.getPort(),
                keyspace,
                cluster.cassandraDatacenter(),
                prefix,
                work);

        try (SparkSidecar submitted = SparkSidecar.submit(
                        home,
                        "local[2]",
                        config,
                        Duration.ofMinutes(3),
                        line -> System.out.println("[spark-submit] " + line));
                CqlSession cql = CqlSession.builder()
                        .addContactPoint(cassandra)
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .build()) {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("spark-submit exited, see " + submitted.logFile(), () -> !submitted.isAlive())
                    .until(
                            () -> cql.execute("SELECT count(*) FROM " + keyspace + ".users_by_run WHERE run_id = "
                                            + run.value())
                                    .one()
                                    .getLong(0),
                            n -> n == USERS);

            assertThat(cql.execute("SELECT count(*) FROM " + keyspace + ".created_users")
                            .one()
                            .getLong(0))
                    .isEqualTo(USERS);
            assertThat(submitted.log())
                    .as("spark-submit ran the job on the requested master")
                    .contains("master local[2]");
        }
    }

    private static List<UserFetched> users(RunId run) {
        List<UserFetched> users = new ArrayList<>(USERS);
        for (int i = 0; i < USERS; i++) {
            User user = new User(
                    new UserId(new UUID(run.value().getMostSignificantBits(), i)),
                    "Ada" + i,
                    "Lovelace",
                    "female",
                    "12 St James's Square, London, United Kingdom",
                    "SW1Y 4JH",
                    "ada" + i + "@example.com",
                    "ada" + i,
                    Instant.parse("1985-12-10T08:00:00Z"),
                    Instant.parse("2012-05-01T10:00:00Z"),
                    "020 7946 0000",
                    "https://randomuser.me/api/portraits/med/women/1.jpg",
                    "GB");
            users.add(new UserFetched(run, 1, user, Instant.parse("2026-11-25T10:00:00Z")));
        }
        return users;
    }
}
