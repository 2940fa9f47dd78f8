package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import adapters.kafka.KafkaSettings.Compression;
import adapters.kafka.KafkaSettings.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSettingsTest {

    private static final KafkaSettings DEFAULTS = KafkaSettings.defaults("127.0.0.1:9092");

    @Test
    void given_only_servers_when_taking_the_defaults_then_they_are_the_documented_ones() {
        assertThat(DEFAULTS.topics()).isEqualTo(new Topics("users_created", "users_created_dlq", "users_persisted"));
        assertThat(DEFAULTS.usersCreatedPartitions()).isEqualTo(3);
        assertThat(DEFAULTS.replicationFactor()).isEqualTo(1);
        assertThat(DEFAULTS.linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(DEFAULTS.batchSizeBytes()).isEqualTo(256 * 1024);
        assertThat(DEFAULTS.compression()).isEqualTo(Compression.LZ4);
        assertThat(DEFAULTS.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void given_the_default_request_timeout_then_a_dead_cluster_blocks_a_publish_for_a_bounded_minute_or_so() {
        assertThat(DEFAULTS.maxBlock()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.deliveryTimeout()).isEqualTo(Duration.ofMillis(60_005));
        assertThat(DEFAULTS.probeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.withRequestTimeout(Duration.ofMillis(500)).probeTimeout())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void given_a_replication_factor_then_min_insync_replicas_leaves_room_for_one_broker_down() {
        assertThat(DEFAULTS.withReplicationFactor(1).minInSyncReplicas()).isEqualTo(1);
        assertThat(DEFAULTS.withReplicationFactor(2).minInSyncReplicas()).isEqualTo(1);
        assertThat(DEFAULTS.withReplicationFactor(3).minInSyncReplicas()).isEqualTo(2);
        assertThat(DEFAULTS.withReplicationFactor(5).minInSyncReplicas()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:9092",
                "10.0.0.1:9092,10.0.0.2:9092",
                "kafka-0.kafka:9092, kafka-1.kafka:9092",
                "[::1]:9092"
            })
    void given_host_port_lists_when_used_as_servers_then_they_are_accepted(String servers) {
        assertThat(DEFAULTS.withBootstrapServers(servers).bootstrapServers()).isEqualTo(servers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "localhost:", "localhost:9092,", "http://localhost:9092", "a b:1"})
    void given_malformed_servers_when_used_then_the_error_names_the_value(String servers) {
        assertThatThrownBy(() -> DEFAULTS.withBootstrapServers(servers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServers")
                .hasMessageContaining("'" + servers + "'");
    }

    @Test
    void given_out_of_range_numbers_when_used_then_each_is_refused_with_its_name() {
        assertThatThrownBy(() -> DEFAULTS.withUsersCreatedPartitions(0)).hasMessageContaining("usersCreatedPartitions");
        assertThatThrownBy(() -> DEFAULTS.withReplicationFactor(0)).hasMessageContaining("replicationFactor");
        assertThatThrownBy(() -> DEFAULTS.withReplicationFactor(40_000)).hasMessageContaining("replicationFactor");
        assertThatThrownBy(() -> DEFAULTS.withLinger(Duration.ofMillis(-1))).hasMessageContaining("linger");
        assertThatThrownBy(() -> DEFAULTS.withBatchSizeBytes(0)).hasMessageContaining("batchSizeBytes");
        assertThatThrownBy(() -> DEFAULTS.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> DEFAULTS.withCompression(null)).hasMessageContaining("compression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "users created", "users/created", "ü"})
    void given_an_illegal_topic_name_when_used_then_it_is_refused(String name) {
        assertThatThrownBy(() -> new Topics(name, "dlq", "persisted"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topics.usersCreated");
    }

    @Test
    void given_two_equal_topic_names_when_used_then_they_are_refused() {
        assertThatThrownBy(() -> new Topics("same", "same", "persisted")).hasMessageContaining("must differ");
    }

    @Test
    void given_a_prefix_then_every_default_topic_name_carries_it() {
        assertThat(Topics.prefixed("staging."))
                .isEqualTo(new Topics("staging.users_created", "staging.users_created_dlq", "staging.users_persisted"));
    }
}
