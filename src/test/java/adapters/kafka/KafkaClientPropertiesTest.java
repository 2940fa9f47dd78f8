package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"s3cret\";";
    private static final KafkaClientProperties SASL = new KafkaClientProperties(Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", JAAS));
    private static final KafkaSettings SETTINGS =
            KafkaSettings.defaults("127.0.0.1:9").withClientProperties(SASL);

    @Test
    void given_security_properties_then_the_producer_the_consumer_and_the_admin_client_all_get_them() {
        Map<String, Object> producer = KafkaClients.producerConfig(SETTINGS);
        Map<String, Object> consumer = KafkaClients.persistedConsumerConfig(SETTINGS, "group");
        Map<String, Object> admin = KafkaClients.adminConfig(SETTINGS, "probe", Duration.ofSeconds(1));

        for (Map<String, Object> config : java.util.List.of(producer, consumer, admin)) {
            assertThat(config)
                    .containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("sasl.jaas.config", JAAS);
        }
        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void given_a_property_the_app_sets_itself_when_a_client_is_built_then_it_is_refused_naming_the_property() {
        KafkaSettings settings = SETTINGS.withClientProperties(SASL.with(Map.of(ProducerConfig.ACKS_CONFIG, "1")));

        assertThatThrownBy(() -> KafkaClients.producerConfig(settings))
                .isInstanceOf(KafkaSetupException.class)
                .hasMessageContaining("acks is set by the app itself");
        KafkaSettings group = SETTINGS.withClientProperties(SASL.with(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "x")));
        assertThatThrownBy(() -> KafkaClients.persistedConsumerConfig(group, "group"))
                .hasMessageContaining("group.id is set by the app itself");
        KafkaSettings servers =
                SETTINGS.withClientProperties(SASL.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "x:1")));
        assertThatThrownBy(() -> KafkaClients.adminConfig(servers, "probe", Duration.ofSeconds(1)))
                .hasMessageContaining("bootstrap.servers is set by the app itself");
    }

    @Test
    void given_sasl_plain_with_a_jaas_config_when_a_real_producer_is_built_then_kafka_accepts_the_configuration() {
        try (Producer<String, byte[]> producer =
                KafkaClients.producer(SETTINGS.withRequestTimeout(Duration.ofMillis(100)))) {
            assertThat(producer).isNotNull();
        }
    }

    @Test
    void given_secrets_among_the_properties_when_printed_then_only_their_names_show() {
        KafkaClientProperties properties = SASL.with(Map.of(
                "ssl.truststore.password", "trust-me",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "sasl.login.some.custom.option", "maybe-secret"));

        assertThat(properties.toString())
                .contains("security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN")
                .contains("ssl.truststore.location=/etc/kafka/truststore.p12")
                .contains("sasl.jaas.config=***", "ssl.truststore.password=***", "sasl.login.some.custom.option=***")
                .doesNotContain("s3cret", "trust-me", "maybe-secret");
        assertThat(SETTINGS.toString()).doesNotContain("s3cret");
    }

    @Test
    void given_properties_and_overrides_when_merged_then_the_overrides_win() {
        KafkaClientProperties merged = SASL.with(Map.of("sasl.mechanism", "SCRAM-SHA-512"));

        assertThat(merged.values())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(KafkaClientProperties.NONE.securityProtocol()).isEqualTo("PLAINTEXT");
    }

    @Test
    void given_a_property_without_a_value_then_it_is_refused() {
        assertThatThrownBy(() -> new KafkaClientProperties(java.util.Collections.singletonMap("sasl.mechanism", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sasl.mechanism");
    }
}
