package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import adapters.kafka.KafkaClientProperties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the app's Kafka clients (the users_created producer, the users_persisted consumer, the admin
 * clients) authenticate and encrypt: a client properties file as Kafka's own tools take it
 * ({@code --command-config}), and the usual properties one by one, which win over the file. Secrets
 * follow {@link SecretOption}. The sidecar reads the same {@code PIPELINE_KAFKA_*} variables.
 */
final class KafkaClientOptions {

    static final SecretOption JAAS_CONFIG = new SecretOption(
            "the Kafka JAAS configuration", "--kafka-sasl-jaas-config", SecretOption.Content.WHOLE_FILE);
    static final SecretOption TRUSTSTORE_PASSWORD = new SecretOption(
            "the Kafka truststore password", "--kafka-ssl-truststore-password", SecretOption.Content.FIRST_LINE);

    @Option(
            names = "--kafka-client-config",
            paramLabel = "FILE",
            description =
                    "Kafka client properties for every client of the app (like --command-config of Kafka's tools).")
    Path clientConfig;

    @Option(
            names = "--kafka-security-protocol",
            paramLabel = "PROTOCOL",
            description = "security.protocol: PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL.")
    String securityProtocol;

    @Option(
            names = "--kafka-sasl-mechanism",
            paramLabel = "MECHANISM",
            description = "sasl.mechanism, e.g. PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (Kafka's default: GSSAPI).")
    String saslMechanism;

    @Option(
            names = "--kafka-sasl-jaas-config-file",
            paramLabel = "FILE",
            description = "File holding sasl.jaas.config (or PIPELINE_KAFKA_SASL_JAAS_CONFIG_FILE; or the value in"
                    + " PIPELINE_KAFKA_SASL_JAAS_CONFIG).")
    Path jaasConfigFile;

    @Option(
            names = "--kafka-sasl-jaas-config",
            paramLabel = "JAAS",
            description = "Avoid: visible in ps. Use PIPELINE_KAFKA_SASL_JAAS_CONFIG or --kafka-sasl-jaas-config-file.")
    String jaasConfig;

    @Option(
            names = "--kafka-ssl-truststore-location",
            paramLabel = "FILE",
            description = "ssl.truststore.location: the CA of the brokers' certificates (default: the JVM's).")
    String truststoreLocation;

    @Option(
            names = "--kafka-ssl-truststore-type",
            paramLabel = "TYPE",
            description = "ssl.truststore.type: JKS or PKCS12 (Kafka's default: JKS) or PEM.")
    String truststoreType;

    @Option(
            names = "--kafka-ssl-truststore-password-file",
            paramLabel = "FILE",
            description = "File holding ssl.truststore.password (or PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD[_FILE]).")
    Path truststorePasswordFile;

    @Option(
            names = "--kafka-ssl-truststore-password",
            paramLabel = "PASSWORD",
            description = "Avoid: visible in ps. Use PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD or the -file option.")
    String truststorePassword;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The file's properties, then each one set on its own over them.
     *
     * @throws IllegalArgumentException naming the source, when one is unusable
     */
    KafkaClientProperties resolve(PrintWriter err) {
        Map<String, String> single = new LinkedHashMap<>();
        put(single, "security.protocol", securityProtocol);
        put(single, "sasl.mechanism", saslMechanism);
        put(single, "sasl.jaas.config", JAAS_CONFIG.resolve(command, jaasConfig, jaasConfigFile, err));
        put(single, "ssl.truststore.location", truststoreLocation);
        put(single, "ssl.truststore.type", truststoreType);
        put(
                single,
                "ssl.truststore.password",
                TRUSTSTORE_PASSWORD.resolve(command, truststorePassword, truststorePasswordFile, err));
        KafkaClientProperties fromFile = clientConfig == null ? KafkaClientProperties.NONE : load(clientConfig);
        return fromFile.with(single);
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value.strip());
        }
    }

    /** A Java properties file, as Kafka's tools read their client configuration. */
    static KafkaClientProperties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Kafka client config " + file + ": "
                    + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return new KafkaClientProperties(values);
    }
}
