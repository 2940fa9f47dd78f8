package adapters.kafka;

import static adapters.kafka.UserFetchedBuilder.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import application.port.out.PublishUsersPort.PublishFailedException;
import application.port.out.PublishUsersPort.Refused;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;
import embedded.EmbeddedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

@ExtendWith(SharedCluster.class)
class KafkaUserPublisherIT {

    private final UserMessageCodec codec = new UserMessageCodec();

    @Test
    void given_1000_users_when_published_then_exactly_1000_records_carry_their_ids_headers_and_values(
            EmbeddedCluster cluster) {
        KafkaSettings settings = freshTopics(cluster, "publish");
        List<UserFetched> batch = users(1_000, RunId.random());

        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(settings);
                TopicReader reader = new TopicReader(
                        cluster.kafkaBootstrapServers(), settings.topics().usersCreated())) {
            long start = System.nanoTime();
            publisher.publish(batch);
            printRate("publish 1,000 users (one batch, cold producer)", batch.size(), System.nanoTime() - start);

            assertThat(reader.recordCount()).isEqualTo(1_000);
            List<ConsumerRecord<String, byte[]>> records = reader.readAtLeast(1_000);
            assertThat(records).hasSize(1_000);
            Map<String, ConsumerRecord<String, byte[]>> byKey =
                    records.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));
            for (UserFetched sent : batch) {
                ConsumerRecord<String, byte[]> record =
                        byKey.get(sent.user().id().toString());
                assertThat(record).as("record keyed by " + sent.user().id()).isNotNull();
                assertThat(header(record, "schema-version")).isEqualTo("1");
                assertThat(header(record, "content-type")).isEqualTo("application/json");
                assertParsesBackTo(record.value(), sent);
            }
        }
    }

    @Test
    void given_the_same_users_published_in_several_batches_then_all_records_of_one_user_share_one_partition(
            EmbeddedCluster cluster) {
        KafkaSettings settings = freshTopics(cluster, "keys");
        List<UserFetched> batch = users(200, RunId.random());

        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(settings);
                TopicReader reader = new TopicReader(
                        cluster.kafkaBootstrapServers(), settings.topics().usersCreated())) {
            for (int round = 0; round < 3; round++) {
                publisher.publish(batch);
            }

            List<ConsumerRecord<String, byte[]>> records = reader.readAtLeast(600);
            Map<String, Set<Integer>> partitionsByUser = records.stream()
                    .collect(Collectors.groupingBy(
                            ConsumerRecord::key, Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
            assertThat(partitionsByUser)
                    .hasSize(200)
                    .allSatisfy((user, partitions) ->
                            assertThat(partitions).as(user).hasSize(1));
            Set<Integer> used = new HashSet<>();
            partitionsByUser.values().forEach(used::addAll);
            assertThat(used).as("keys spread over the topic's partitions").hasSize(3);
        }
    }

    @Test
    void given_a_topic_with_a_small_max_message_size_when_one_user_does_not_fit_then_only_it_is_refused(
            EmbeddedCluster cluster) throws Exception {
        KafkaSettings settings =
                KafkaSettings.defaults(cluster.kafkaBootstrapServers()).withTopics(TopicReader.uniqueTopics("small"));
        // an operator's topic, made before the app: it is left as it is, with its 4 KiB limit
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(settings.topics().usersCreated(), 3, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        int topicMax = KafkaAdapter.ensureTopics(settings);
        RunId run = RunId.random();
        List<UserFetched> batch = new ArrayList<>(users(100, run));
        // 20 KB of random letters (lz4 cannot shrink them under 4 KiB): within the contract's 64 KiB and
        // the producer's 1 MiB, but not the topic's 4 KiB
        Random random = new Random(14);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        UserFetched huge = UserFetchedBuilder.aUser()
                .withRunId(run)
                .withFirstName(name.toString())
                .build();
        batch.add(50, huge);

        assertThat(topicMax).isEqualTo(4096);
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(settings, topicMax);
                TopicReader reader = new TopicReader(
                        cluster.kafkaBootstrapServers(), settings.topics().usersCreated())) {
            List<Refused> refused = publisher.publish(batch);

            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.user()).isSameAs(huge);
                assertThat(r.reason()).startsWith("Kafka refused it for good: RecordTooLargeException");
            });
            // the producer stays usable: the next batch goes through whole
            assertThat(publisher.publish(users(10, RunId.random()))).isEmpty();
            assertThat(reader.recordCount()).isEqualTo(110);
            assertThat(reader.readAtLeast(110))
                    .extracting(ConsumerRecord::key)
                    .doesNotContain(huge.user().id().toString());
        }
    }

    @Test
    void given_a_running_cluster_when_probed_then_it_is_ok(EmbeddedCluster cluster) {
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(freshTopics(cluster, "probe"))) {
            assertThat(publisher.name()).isEqualTo("kafka");
            assertThat(publisher.probe()).isEqualTo("ok");
        }
    }

    @Test
    void given_no_broker_listening_when_publishing_then_it_fails_in_bounded_time_and_the_probe_reports_it()
            throws Exception {
        String deadServer = "127.0.0.1:" + KafkaTopicsIT.unusedPort();
        KafkaSettings settings = KafkaSettings.defaults(deadServer)
                .withTopics(TopicReader.uniqueTopics("dead"))
                .withRequestTimeout(Duration.ofSeconds(1));

        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(settings)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> publisher.publish(users(50, RunId.random())))
                    .isInstanceOf(PublishFailedException.class)
                    .hasMessageContaining("topic " + settings.topics().usersCreated())
                    .hasMessageContaining(deadServer)
                    .hasMessageContaining("failed for 50 of 50 users")
                    .hasMessageContaining("first cause: TimeoutException");
            Duration publishTook = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            String problem = publisher.probe();
            Duration probeTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(publishTook).isLessThan(Duration.ofSeconds(10));
            assertThat(problem)
                    .startsWith("kafka at " + deadServer + " did not answer within 1000 ms")
                    .doesNotContain("\n");
            assertThat(probeTook).isLessThan(Duration.ofSeconds(5));
            System.out.printf(
                    "[kafka-it] dead broker: publish failed after %d ms; probe: %s%n", publishTook.toMillis(), problem);
        }
    }

    private void assertParsesBackTo(byte[] value, UserFetched sent) {
        UserMessage parsed = codec.fromJson(value);
        User user = sent.user();
        assertThat(parsed).isEqualTo(UserMessage.from(sent));
        assertThat(parsed.schemaVersion()).isEqualTo(1);
        assertThat(parsed.id()).isEqualTo(user.id().toString());
        assertThat(parsed.firstName()).isEqualTo(user.firstName());
        assertThat(parsed.lastName()).isEqualTo(user.lastName());
        assertThat(parsed.address()).isEqualTo(user.address());
        assertThat(parsed.nationality()).isEqualTo(user.nationality());
        assertThat(Instant.parse(parsed.dob())).isEqualTo(user.dob().truncatedTo(ChronoUnit.MILLIS));
        assertThat(Instant.parse(parsed.registeredDate()))
                .isEqualTo(user.registeredDate().truncatedTo(ChronoUnit.MILLIS));
        assertThat(parsed.runId()).isEqualTo(sent.runId().toString());
        assertThat(Instant.parse(parsed.fetchedAt())).isEqualTo(sent.fetchedAt().truncatedTo(ChronoUnit.MILLIS));
    }

    private static KafkaSettings freshTopics(EmbeddedCluster cluster, String label) {
        KafkaSettings settings =
                KafkaSettings.defaults(cluster.kafkaBootstrapServers()).withTopics(TopicReader.uniqueTopics(label));
        KafkaAdapter.ensureTopics(settings);
        return settings;
    }

    static void printRate(String what, int users, long nanos) {
        System.out.printf(
                "[kafka-it] %s: %,d users in %d ms = %,.0f users/s%n",
                what, users, nanos / 1_000_000, users / (nanos / 1e9));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
