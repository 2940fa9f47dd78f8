package sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar's Kafka and Cassandra client security from the app's variables: files, precedence, redaction. */
class SecurityEnvironmentTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"s3cret\";";

    @TempDir
    Path dir;

    private static SidecarSettings load(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SidecarSettings.fromEnvironment(env);
    }

    @Test
    void given_no_security_variables_then_no_kafka_property_and_no_connector_login() {
        SidecarSettings settings = load();

        assertThat(settings.kafkaSecurity()).isEqualTo(KafkaSecurity.NONE);
        assertThat(settings.cassandraSecurity().sparkConf()).isEmpty();
    }

    @Test
    void given_the_app_s_kafka_variables_then_the_source_gets_them_as_kafka_options() {
        SidecarSettings settings = load(
                "PIPELINE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PIPELINE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "PIPELINE_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me");

        assertThat(settings.kafkaSecurity().sourceOptions())
                .containsEntry("kafka.security.protocol", "SASL_SSL")
                .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("kafka.sasl.jaas.config", JAAS)
                .containsEntry("kafka.ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("kafka.ssl.truststore.type", "PKCS12")
                .containsEntry("kafka.ssl.truststore.password", "trust-me");
    }

    @Test
    void given_a_client_config_file_and_a_variable_naming_the_same_property_then_the_variable_wins()
            throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"), "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");

        KafkaSecurity security = load(
                        "PIPELINE_KAFKA_CLIENT_CONFIG",
                        file.toString(),
                        "PIPELINE_KAFKA_SASL_MECHANISM",
                        "SCRAM-SHA-256")
                .kafkaSecurity();

        assertThat(security.properties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
    }

    @Test
    void given_secrets_in_files_then_the_jaas_config_is_the_whole_file_and_a_password_its_first_line()
            throws IOException {
        Path jaas = Files.writeString(dir.resolve("jaas"), JAAS.replace(" username", "\n  username") + "\n");
        Path password = Files.writeString(dir.resolve("password"), "pw-1\nignored\n");

        SidecarSettings settings = load(
                "PIPELINE_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString(),
                "PIPELINE_CASSANDRA_USERNAME", "pipeline",
                "PIPELINE_CASSANDRA_PASSWORD_FILE", password.toString());

        assertThat(settings.kafkaSecurity().properties().get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required\n")
                .endsWith("password=\"s3cret\";");
        assertThat(settings.cassandraSecurity().sparkConf())
                .containsEntry("spark.cassandra.auth.username", "pipeline")
                .containsEntry("spark.cassandra.auth.password", "pw-1");
    }

    @Test
    void given_a_cassandra_truststore_then_the_connector_speaks_tls_with_it() {
        CassandraSecurity security = load(
                        "PIPELINE_CASSANDRA_SSL_TRUSTSTORE_LOCATION", "/etc/cassandra/truststore.p12",
                        "PIPELINE_CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "trust-pw")
                .cassandraSecurity();

        assertThat(security.sparkConf())
                .containsEntry("spark.cassandra.connection.ssl.enabled", "true")
                .containsEntry("spark.cassandra.connection.ssl.trustStore.path", "/etc/cassandra/truststore.p12")
                .containsEntry("spark.cassandra.connection.ssl.trustStore.password", "trust-pw");
    }

    @Test
    void given_secrets_when_the_settings_are_printed_at_start_then_no_secret_value_shows() {
        SidecarSettings settings = load(
                "PIPELINE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "PIPELINE_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me",
                "PIPELINE_CASSANDRA_USERNAME", "pipeline",
                "PIPELINE_CASSANDRA_PASSWORD", "pw-1");

        assertThat(settings.toString())
                .contains("security.protocol=SASL_PLAINTEXT", "sasl.jaas.config=***", "username=pipeline")
                .doesNotContain("s3cret", "trust-me", "pw-1");
    }

    @Test
    void given_a_secret_in_the_variable_and_in_a_file_then_it_is_refused_as_given_twice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load(
                        "PIPELINE_CASSANDRA_USERNAME", "pipeline",
                        "PIPELINE_CASSANDRA_PASSWORD", "pw-1",
                        "PIPELINE_CASSANDRA_PASSWORD_FILE", "/run/secrets/cassandra"))
                .withMessage("PIPELINE_CASSANDRA_PASSWORD is given twice: set PIPELINE_CASSANDRA_PASSWORD or"
                        + " PIPELINE_CASSANDRA_PASSWORD_FILE, not both");
    }

    @Test
    void given_an_empty_secret_or_a_password_without_a_user_then_each_is_refused_without_its_value() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("PIPELINE_KAFKA_SASL_JAAS_CONFIG", " "))
                .withMessageStartingWith("PIPELINE_KAFKA_SASL_JAAS_CONFIG is set but empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("PIPELINE_CASSANDRA_PASSWORD", "pw-1"))
                .withMessageContaining("set both PIPELINE_CASSANDRA_USERNAME")
                .withMessageNotContaining("pw-1");
    }

    @Test
    void given_an_unknown_security_protocol_then_it_is_refused_at_start_naming_the_variable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load("PIPELINE_KAFKA_SECURITY_PROTOCOL", "SASL"))
                .withMessage("PIPELINE_KAFKA_SECURITY_PROTOCOL='SASL' is invalid: must be PLAINTEXT, SSL,"
                        + " SASL_PLAINTEXT or SASL_SSL");
    }

    @Test
    void given_sasl_properties_then_the_sidecar_s_producers_get_them_and_kafka_accepts_the_configuration() {
        KafkaSecurity security = new KafkaSecurity(
                Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS));

        try (Producer<byte[], byte[]> producer = UsersBatchWriter.producer("127.0.0.1:9", security, "test")) {
            assertThat(producer).isNotNull();
        }
    }

    @Test
    void given_a_property_the_sidecar_sets_itself_then_its_producer_refuses_it() {
        KafkaSecurity acks = new KafkaSecurity(Map.of("acks", "1"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> UsersBatchWriter.producer("127.0.0.1:9", acks, "test"))
                .withMessageContaining("acks is set by the sidecar itself");
    }
}
