package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import adapters.kafka.KafkaSettings.Compression;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private static final KafkaSettings SETTINGS = KafkaSettings.defaults("127.0.0.1:9");

    @Test
    void given_the_settings_then_the_producer_is_idempotent_and_waits_for_all_in_sync_replicas() {
        Map<String, Object> config = KafkaClients.producerConfig(SETTINGS);

        assertThat(config)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_005);
    }

    @Test
    void given_the_settings_then_the_producer_s_largest_request_is_the_topics_max_message_size() {
        Map<String, Object> config = KafkaClients.producerConfig(SETTINGS);

        assertThat(config).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaSettings.MAX_MESSAGE_BYTES);
        assertThat(KafkaSettings.MAX_MESSAGE_BYTES).isEqualTo(1_048_576);
    }

    @Test
    void given_a_topic_made_smaller_by_an_operator_then_requests_and_batches_stay_under_its_limit() {
        Map<String, Object> config = KafkaClients.producerConfig(SETTINGS, 4096);

        // a batch.size over the limit would make the producer split a refused batch into itself, forever
        assertThat(config)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4096)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 2048);
    }

    @Test
    void given_no_compression_and_short_timeouts_when_a_real_producer_is_built_then_kafka_accepts_the_configuration() {
        KafkaSettings settings = SETTINGS.withCompression(Compression.NONE)
                .withRequestTimeout(Duration.ofMillis(100))
                .withLinger(Duration.ofMillis(50));

        try (Producer<String, byte[]> producer = KafkaClients.producer(settings)) {
            assertThat(producer).isNotNull();
        }
    }

    @Test
    void given_the_default_lz4_compression_then_its_codec_kafka_clients_brings_along_is_on_the_runtime_classpath() {
        // runtime scope only (a transitive dependency of kafka-clients), hence by name
        assertThat(SETTINGS.compression()).isEqualTo(Compression.LZ4);
        assertThatCode(() -> Class.forName("net.jpountz.lz4.LZ4Factory")).doesNotThrowAnyException();
    }

    @Test
    void given_a_server_name_that_does_not_resolve_when_a_producer_is_built_then_a_setup_error_names_the_servers() {
        KafkaSettings settings = SETTINGS.withBootstrapServers("no-such-host.invalid:9092");

        assertThatThrownBy(() -> KafkaClients.producer(settings))
                .isInstanceOf(KafkaSetupException.class)
                .hasMessageContaining("no-such-host.invalid:9092")
                .hasMessageContaining("ConfigException");
    }
}
