package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ServerCredentialsTest {

    private static final ServerCredentials CREDENTIALS = new ServerCredentials("pipeline", "pw-1");
    private static final Path DATA = Path.of("/tmp/kafka-data");

    @Test
    void given_no_credentials_then_the_broker_keeps_its_one_plaintext_listener_and_no_sasl() {
        String config = new KafkaServer(Path.of("/tmp/w"), 9092, 9093, null).serverProperties(DATA);

        assertThat(config)
                .contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .contains("inter.broker.listener.name=PLAINTEXT")
                .contains("listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")
                .doesNotContain("sasl");
    }

    @Test
    void given_credentials_then_the_only_client_listener_is_sasl_plain_accepting_exactly_that_user() {
        KafkaServer kafka = new KafkaServer(Path.of("/tmp/w"), 9092, 9093, CREDENTIALS);

        assertThat(kafka.serverProperties(DATA))
                .contains("listeners=SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .contains("listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
                .contains("sasl.enabled.mechanisms=PLAIN")
                .contains("listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"pipeline\" password=\"pw-1\" user_pipeline=\"pw-1\";");
        assertThat(kafka.clientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void given_credentials_when_printed_or_malformed_then_the_password_stays_hidden_and_quotes_are_refused() {
        assertThat(CREDENTIALS.toString()).doesNotContain("pw-1");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServerCredentials("pipeline", "pw\"; x"));
    }
}
