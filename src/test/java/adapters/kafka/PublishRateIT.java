package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import adapters.kafka.KafkaSettings.Compression;
import domain.event.UserFetched;
import domain.run.RunId;
import embedded.EmbeddedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

/**
 * Prints (does not assert) users/s for 10,000 users published as the outbox does it, in batches of
 * 1,000, once per compression, rounds alternating so that both see the same machine load.
 */
@ExtendWith(SharedCluster.class)
class PublishRateIT {

    /** -Dkafka.rate.users / -Dkafka.rate.rounds make a longer measurement without editing the test. */
    private static final int USERS = Integer.getInteger("kafka.rate.users", 10_000);

    private static final int BATCH = 1_000;
    private static final int ROUNDS = Integer.getInteger("kafka.rate.rounds", 5);

    @Test
    void given_10000_users_when_published_with_and_without_lz4_then_the_rates_are_printed(EmbeddedCluster cluster)
            throws Exception {
        Map<Compression, KafkaUserPublisher> publishers = new EnumMap<>(Compression.class);
        Map<Compression, KafkaSettings> settings = new EnumMap<>(Compression.class);
        Map<Compression, List<Double>> rates = new EnumMap<>(Compression.class);
        RealisticUsers source = new RealisticUsers(7);
        for (Compression compression : Compression.values()) {
            KafkaSettings s = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                    .withCompression(compression)
                    .withTopics(TopicReader.uniqueTopics("rate_" + compression.kafkaName()));
            KafkaAdapter.ensureTopics(s);
            settings.put(compression, s);
            publishers.put(compression, KafkaAdapter.userPublisher(s));
            rates.put(compression, new ArrayList<>());
        }
        try {
            for (int round = 0; round <= ROUNDS; round++) {
                for (Compression compression : Compression.values()) {
                    List<UserFetched> all = source.next(USERS, RunId.random());
                    long start = System.nanoTime();
                    for (int from = 0; from < USERS; from += BATCH) {
                        publishers.get(compression).publish(all.subList(from, from + BATCH));
                    }
                    long nanos = System.nanoTime() - start;
                    if (round == 0) {
                        continue; // warm-up: connections, metadata, JIT
                    }
                    rates.get(compression).add(USERS / (nanos / 1e9));
                    KafkaUserPublisherIT.printRate(
                            "publish " + USERS + " users in batches of 1,000, compression=" + compression.kafkaName()
                                    + ", round " + round,
                            USERS,
                            nanos);
                }
            }
            rates.forEach((compression, values) -> System.out.printf(
                    "[kafka-it] compression=%s: median %,.0f users/s over %d rounds%n",
                    compression.kafkaName(), values.stream().sorted().toList().get(values.size() / 2), values.size()));
            printBytesOnDisk(cluster, settings);
            for (Compression compression : Compression.values()) {
                try (TopicReader reader = new TopicReader(
                        cluster.kafkaBootstrapServers(),
                        settings.get(compression).topics().usersCreated())) {
                    assertThat(reader.recordCount()).isEqualTo((long) USERS * (ROUNDS + 1));
                }
            }
        } finally {
            publishers.values().forEach(KafkaUserPublisher::close);
        }
    }

    /** What each compression costs on the broker's disk (and the wire): the reason lz4 can win even on loopback. */
    private static void printBytesOnDisk(EmbeddedCluster cluster, Map<Compression, KafkaSettings> settings)
            throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .toList();
            Map<String, Long> bytesByTopic = new HashMap<>();
            admin.describeLogDirs(brokers)
                    .allDescriptions()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(dirs -> dirs.values()
                            .forEach(dir -> dir.replicaInfos()
                                    .forEach((partition, info) ->
                                            bytesByTopic.merge(partition.topic(), info.size(), Long::sum))));
            settings.forEach((compression, s) -> System.out.printf(
                    "[kafka-it] compression=%s: %,d bytes on disk for %,d users = %d bytes/user%n",
                    compression.kafkaName(),
                    bytesByTopic.get(s.topics().usersCreated()),
                    USERS * (ROUNDS + 1),
                    bytesByTopic.get(s.topics().usersCreated()) / (USERS * (ROUNDS + 1))));
        }
    }
}
