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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import adapters.cassandra.CassandraSettings;
import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;
import testsupport.Sidecars;
import testsupport.Signals;

/**
 * The sidecar rides out a Cassandra stall: Cassandra frozen (SIGSTOP) for 40 s while users keep
 * arriving, then thawed. The sidecar JVM, which here has no supervisor to restart it, must still be
 * running afterwards and catch up: every user in Cassandra, exactly once.
 */
@ExtendWith(SharedCluster.class)
class SidecarOutageIT {

    private static final Duration STALL = Duration.ofSeconds(40);
    private static final int WARM_UP_USERS = 500;
    private static final int USERS_PER_TICK = 20;

    @Test
    void given_the_sidecar_is_writing_when_cassandra_stalls_for_40_s_then_it_keeps_running_and_catches_up(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String keyspace = "outage_it_" + suffix;
        KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(KafkaSettings.Topics.prefixed("outage-" + suffix + "-"));
        KafkaAdapter.ensureTopics(kafka);
        InetSocketAddress cassandra = cluster.cassandraContactPoint();
        CassandraUsers.connect(CassandraSettings.defaults(cassandra.getHostString() + ":" + cassandra.getPort())
                        .withLocalDatacenter(cluster.cassandraDatacenter())
                        .withKeyspace(keyspace))
                .close();
        Path work = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve("sidecar-outage-it-" + suffix);
        SparkSidecar.Config config = new SparkSidecar.Config(
                        cluster.kafkaBootstrapServers(),
                        cassandra.getHostString(),
                        cassandra.getPort(),
                        keyspace,
                        cluster.cassandraDatacenter(),
                        "outage-" + suffix + "-",
                        work)
                // shorter waits between query restarts than the default 2 s doubling to 30 s: a faster test
                .withTuning("spark.sidecar.query.maxRestartDelayMS", "8000");

        SparkSidecar sidecar = Sidecars.start(config);
        long sidecarPid = sidecar.pid();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger published = new AtomicInteger();
        try (sidecar) {
            publish(kafka, users(WARM_UP_USERS, 0), published);
            awaitCount(cluster, keyspace, WARM_UP_USERS, sidecar, Duration.ofMinutes(2));

            // users keep arriving through the whole stall, so that writes are in flight when it begins
            publisher.scheduleWithFixedDelay(
                    () -> publish(kafka, users(USERS_PER_TICK, published.get()), published),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> published.get() >= WARM_UP_USERS + 200);
            long cassandraPid = cluster.cassandraPid();
            Signals.send("STOP", cassandraPid);
            try {
                await().during(STALL)
                        .atMost(STALL.plusSeconds(5))
                        .failFast("sidecar exited during the stall, see " + sidecar.logFile(), () -> !sidecar.isAlive())
                        .until(sidecar::isAlive);
            } finally {
                Signals.send("CONT", cassandraPid);
            }
            long thawed = System.nanoTime();
            publisher.shutdown();
            assertThat(publisher.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            awaitCount(cluster, keyspace, published.get(), sidecar, Duration.ofMinutes(3));

            System.out.printf(
                    "[sidecar-outage-it] %d users; caught up %.1f s after Cassandra was thawed; query restarts: %d%n",
                    published.get(),
                    (System.nanoTime() - thawed) / 1e9,
                    sidecar.log()
                            .lines()
                            .filter(line -> line.startsWith("sidecar: query failed"))
                            .count());
            assertThat(sidecar.pid())
                    .as("the same sidecar JVM, never restarted")
                    .isEqualTo(sidecarPid);
            assertThat(sidecar.isAlive()).isTrue();
        } finally {
            publisher.shutdownNow();
        }
    }

    private static void awaitCount(
            EmbeddedCluster cluster, String keyspace, long expected, SparkSidecar sidecar, Duration atMost) {
        // count(*) scans the table: under the sidecar's write load it needs more than the driver's 2 s
        DriverConfigLoader slowScans = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build();
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(cluster.cassandraContactPoint())
                .withConfigLoader(slowScans)
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .build()) {
            await().atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("sidecar exited, see " + sidecar.logFile(), () -> !sidecar.isAlive())
                    .ignoreExceptions()
                    .until(
                            () -> cql.execute("SELECT count(*) FROM " + keyspace + ".created_users")
                                    .one()
                                    .getLong(0),
                            count -> count == expected);
        }
    }

    private static void publish(KafkaSettings kafka, List<UserFetched> users, AtomicInteger published) {
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka)) {
            publisher.publish(users);
        }
        published.addAndGet(users.size());
    }

    /** {@code count} distinct users numbered from {@code first}, all of one run. */
    private static List<UserFetched> users(int count, int first) {
        RunId run = new RunId(new UUID(0x0abcL, 0));
        List<UserFetched> users = new ArrayList<>(count);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        for (int i = first; i < first + count; i++) {
            User user = new User(
                    new UserId(new UUID(0x0def_0000L + 1, i)),
                    "First" + i,
                    "Last",
                    "female",
                    "1 Main St, Leeds, UK",
                    "LS1",
                    "user" + i + "@example.com",
                    "user" + i,
                    Instant.parse("1990-01-01T00:00:00Z"),
                    Instant.parse("2010-01-01T00:00:00Z"),
                    "0113 000",
                    "https://randomuser.me/api/portraits/med/women/1.jpg",
                    "GB");
            users.add(new UserFetched(run, 1, user, now));
        }
        return users;
    }
}
