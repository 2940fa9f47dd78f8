package cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import adapters.cassandra.CassandraClientSecurity;
import adapters.kafka.KafkaClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s Kafka and Cassandra client security: environment, files, precedence, secrets kept out of sight. */
class ClientSecurityOptionsTest {

    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"s3cret\";";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private ServeCommand parse(Map<String, String> environment, String... args) {
        CommandLine pipeline = Pipeline.commandLine(environment).setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        pipeline.parseArgs(all);
        return (ServeCommand) pipeline.getSubcommands().get("serve").getCommand();
    }

    private KafkaClientProperties kafka(Map<String, String> environment, String... args) {
        return parse(environment, args).kafkaClient.resolve(new PrintWriter(err));
    }

    private CassandraClientSecurity cassandra(Map<String, String> environment, String... args) {
        return parse(environment, args).cassandraClient.resolve(new PrintWriter(err));
    }

    @Test
    void given_nothing_configured_then_no_kafka_property_and_no_cassandra_login() {
        assertThat(kafka(Map.of()).values()).isEmpty();
        assertThat(cassandra(Map.of())).isEqualTo(CassandraClientSecurity.NONE);
    }

    @Test
    void given_the_kafka_variables_then_every_client_gets_the_sasl_and_tls_properties() {
        KafkaClientProperties properties = kafka(Map.of(
                "PIPELINE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PIPELINE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "PIPELINE_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me"));

        assertThat(properties.values())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "trust-me");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void given_a_client_config_file_and_a_single_setting_when_both_name_a_property_then_the_single_setting_wins()
            throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=" + JAAS.replace("\"", "\\\"")
                        + "\nclient.dns.lookup=use_all_dns_ips\n");

        KafkaClientProperties properties = kafka(
                Map.of("PIPELINE_KAFKA_CLIENT_CONFIG", file.toString()), "--kafka-sasl-mechanism", "SCRAM-SHA-256");

        assertThat(properties.values())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("client.dns.lookup", "use_all_dns_ips");
    }

    @Test
    void given_the_jaas_config_in_a_file_over_several_lines_then_all_of_it_is_the_value() throws IOException {
        Path file = Files.writeString(
                dir.resolve("jaas"),
                "org.apache.kafka.common.security.plain.PlainLoginModule required\n  username=\"app\"\n"
                        + "  password=\"s3cret\";\n");

        KafkaClientProperties properties = kafka(Map.of("PIPELINE_KAFKA_SASL_JAAS_CONFIG_FILE", file.toString()));

        assertThat(properties.values().get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .endsWith("password=\"s3cret\";");
    }

    @Test
    void given_a_secret_on_the_command_line_then_it_works_but_a_warning_says_ps_shows_it() {
        KafkaClientProperties properties = kafka(Map.of(), "--kafka-sasl-jaas-config", JAAS);

        assertThat(properties.values()).containsEntry("sasl.jaas.config", JAAS);
        assertThat(err.toString())
                .contains("warning: --kafka-sasl-jaas-config is visible to every user of this machine (ps)")
                .contains("PIPELINE_KAFKA_SASL_JAAS_CONFIG")
                .doesNotContain("s3cret");
    }

    @Test
    void given_a_secret_in_the_environment_and_in_a_file_then_it_is_refused_as_given_twice() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), "pw-from-file\n");

        assertThatThrownBy(() -> cassandra(Map.of(
                        "PIPELINE_CASSANDRA_USERNAME", "pipeline",
                        "PIPELINE_CASSANDRA_PASSWORD", "pw-from-env",
                        "PIPELINE_CASSANDRA_PASSWORD_FILE", file.toString())))
                .isInstanceOf(SecretOption.SecretException.class)
                .hasMessage("the Cassandra password is given twice: use PIPELINE_CASSANDRA_PASSWORD or"
                        + " --cassandra-password-file, not both");
    }

    @Test
    void given_an_empty_secret_variable_then_it_is_an_error_not_security_off() {
        assertThatThrownBy(() -> kafka(Map.of("PIPELINE_KAFKA_SASL_JAAS_CONFIG", " ")))
                .isInstanceOf(SecretOption.SecretException.class)
                .hasMessageStartingWith("PIPELINE_KAFKA_SASL_JAAS_CONFIG is set but empty");
    }

    @Test
    void given_a_cassandra_role_and_its_password_file_then_the_session_logs_in_with_the_file_s_first_line()
            throws IOException {
        Path file = Files.writeString(dir.resolve("password"), "pw-1\nignored\n");

        CassandraClientSecurity security = cassandra(
                Map.of("PIPELINE_CASSANDRA_USERNAME", "pipeline"), "--cassandra-password-file", file.toString());

        assertThat(security.username()).isEqualTo("pipeline");
        assertThat(security.password()).isEqualTo("pw-1");
        assertThat(security.ssl()).isFalse();
        assertThat(security.toString()).doesNotContain("pw-1");
    }

    @Test
    void given_a_cassandra_truststore_then_tls_is_on_with_its_password_from_the_environment() {
        CassandraClientSecurity security = cassandra(
                Map.of("PIPELINE_CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "trust-pw"),
                "--cassandra-ssl-truststore-location",
                "/etc/cassandra/truststore.p12");

        assertThat(security.ssl()).isTrue();
        assertThat(security.truststore()).isEqualTo(Path.of("/etc/cassandra/truststore.p12"));
        assertThat(security.truststorePassword()).isEqualTo("trust-pw");
    }

    @Test
    void given_a_cassandra_password_without_a_role_when_serving_then_it_refuses_in_one_line() {
        StringWriter out = new StringWriter();
        int exit = Pipeline.commandLine(Map.of("PIPELINE_CASSANDRA_PASSWORD", "pw-1"))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("serve", "--work-dir", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("error: a Cassandra password is set but no username")
                .doesNotContain("pw-1", "Exception");
    }
}
