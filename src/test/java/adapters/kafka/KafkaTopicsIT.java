package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import adapters.kafka.KafkaSettings.Topics;
import embedded.EmbeddedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

@ExtendWith(SharedCluster.class)
class KafkaTopicsIT {

    private Admin admin;
    private KafkaSettings settings;
    private Topics topics;

    @BeforeEach
    void connect(EmbeddedCluster cluster) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()));
        topics = TopicReader.uniqueTopics("topics");
        settings = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(topics)
                .withUsersCreatedPartitions(4);
    }

    @AfterEach
    void disconnect() {
        admin.close(Duration.ofSeconds(5));
    }

    @Test
    void given_no_topics_when_ensured_twice_then_they_are_created_once_with_their_partitions_and_configs()
            throws Exception {
        KafkaTopics.Outcome first = new KafkaTopics(settings, admin).ensure();
        KafkaTopics.Outcome second = new KafkaTopics(settings, admin).ensure();
        KafkaAdapter.ensureTopics(settings);

        List<String> all = List.of(topics.usersCreated(), topics.usersCreatedDlq(), topics.usersPersisted());
        assertThat(first.created()).containsExactlyElementsOf(all);
        assertThat(second.created()).isEmpty();
        assertThat(second.alreadyPresent()).containsExactlyElementsOf(all);
        assertThat(first.warnings()).isEmpty();
        assertThat(second.warnings()).isEmpty();
        Map<String, TopicDescription> described =
                admin.describeTopics(all).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(described.get(topics.usersCreated()).partitions()).hasSize(4);
        assertThat(described.get(topics.usersCreatedDlq()).partitions()).hasSize(1);
        assertThat(described.get(topics.usersPersisted()).partitions()).hasSize(1);
        assertThat(topicConfig(topics.usersCreatedDlq())
                        .get(TopicConfig.RETENTION_MS_CONFIG)
                        .value())
                .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(topicConfig(topics.usersCreated())
                        .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
                        .value())
                .isEqualTo("1");
        for (String topic : all) {
            assertThat(topicConfig(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                    .as("max.message.bytes of %s", topic)
                    .satisfies(entry -> {
                        assertThat(entry.value()).isEqualTo(Integer.toString(KafkaSettings.MAX_MESSAGE_BYTES));
                        assertThat(entry.isDefault()).isFalse();
                    });
        }
    }

    @Test
    void given_users_created_exists_with_fewer_partitions_when_ensured_then_it_warns_and_leaves_the_topic_alone()
            throws Exception {
        admin.createTopics(List.of(new NewTopic(topics.usersCreated(), 1, (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);

        KafkaTopics.Outcome outcome = new KafkaTopics(settings, admin).ensure();

        assertThat(outcome.created()).containsExactly(topics.usersCreatedDlq(), topics.usersPersisted());
        assertThat(outcome.warnings())
                .singleElement()
                .asString()
                .contains(topics.usersCreated() + " exists with 1 partition(s), fewer than the 4 configured");
        assertThat(admin.describeTopics(List.of(topics.usersCreated()))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topics.usersCreated())
                        .partitions())
                .hasSize(1);
    }

    @Test
    void given_no_broker_at_the_address_when_ensuring_topics_then_a_setup_error_names_servers_and_topics_in_time()
            throws Exception {
        String deadServer = "127.0.0.1:" + unusedPort();
        KafkaSettings unreachable = settings.withBootstrapServers(deadServer).withRequestTimeout(Duration.ofSeconds(1));
        long start = System.nanoTime();

        assertThatThrownBy(() -> KafkaAdapter.ensureTopics(unreachable))
                .isInstanceOf(KafkaSetupException.class)
                .hasMessageContaining(deadServer)
                .hasMessageContaining(topics.usersCreated());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    private Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
    }

    static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
