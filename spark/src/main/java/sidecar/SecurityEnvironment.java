package sidecar;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads {@link KafkaSecurity} and {@link CassandraSecurity} from the variables the app reads too, so
 * one set configures both (docs/security.md). Secrets by the app's rule: from the variable itself or
 * from the file its {@code _FILE} variable names, not both; an empty one is an error, not "off"; a
 * message never repeats a secret's value.
 */
final class SecurityEnvironment {

    static final String KAFKA_CLIENT_CONFIG = "PIPELINE_KAFKA_CLIENT_CONFIG";
    static final String KAFKA_SECURITY_PROTOCOL = "PIPELINE_KAFKA_SECURITY_PROTOCOL";
    static final String KAFKA_SASL_MECHANISM = "PIPELINE_KAFKA_SASL_MECHANISM";
    static final String KAFKA_SASL_JAAS_CONFIG = "PIPELINE_KAFKA_SASL_JAAS_CONFIG";
    static final String KAFKA_TRUSTSTORE = "PIPELINE_KAFKA_SSL_TRUSTSTORE_LOCATION";
    static final String KAFKA_TRUSTSTORE_TYPE = "PIPELINE_KAFKA_SSL_TRUSTSTORE_TYPE";
    static final String KAFKA_TRUSTSTORE_PASSWORD = "PIPELINE_KAFKA_SSL_TRUSTSTORE_PASSWORD";
    static final String CASSANDRA_USERNAME = "PIPELINE_CASSANDRA_USERNAME";
    static final String CASSANDRA_PASSWORD = "PIPELINE_CASSANDRA_PASSWORD";
    static final String CASSANDRA_SSL = "PIPELINE_CASSANDRA_SSL";
    static final String CASSANDRA_TRUSTSTORE = "PIPELINE_CASSANDRA_SSL_TRUSTSTORE_LOCATION";
    static final String CASSANDRA_TRUSTSTORE_PASSWORD = "PIPELINE_CASSANDRA_SSL_TRUSTSTORE_PASSWORD";
    static final String FILE_SUFFIX = "_FILE";

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private SecurityEnvironment() {}

    /** The client config file's properties, then each variable set on its own over them. */
    static KafkaSecurity kafka(Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        String file = plain(env, KAFKA_CLIENT_CONFIG);
        if (file != null) {
            properties.putAll(clientConfig(file));
        }
        String protocol = plain(env, KAFKA_SECURITY_PROTOCOL);
        if (protocol != null && !PROTOCOLS.contains(protocol)) {
            throw SettingRules.invalid(
                    KAFKA_SECURITY_PROTOCOL, protocol, "must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL");
        }
        put(properties, "security.protocol", protocol);
        put(properties, "sasl.mechanism", plain(env, KAFKA_SASL_MECHANISM));
        put(properties, "sasl.jaas.config", secret(env, KAFKA_SASL_JAAS_CONFIG, false));
        put(properties, "ssl.truststore.location", plain(env, KAFKA_TRUSTSTORE));
        put(properties, "ssl.truststore.type", plain(env, KAFKA_TRUSTSTORE_TYPE));
        put(properties, "ssl.truststore.password", secret(env, KAFKA_TRUSTSTORE_PASSWORD, true));
        return new KafkaSecurity(properties);
    }

    static CassandraSecurity cassandra(Map<String, String> env) {
        String ssl = plain(env, CASSANDRA_SSL);
        if (ssl != null && !ssl.equals("true") && !ssl.equals("false")) {
            throw SettingRules.invalid(CASSANDRA_SSL, ssl, "must be true or false");
        }
        return new CassandraSecurity(
                plain(env, CASSANDRA_USERNAME),
                secret(env, CASSANDRA_PASSWORD, true),
                "true".equals(ssl),
                plain(env, CASSANDRA_TRUSTSTORE),
                secret(env, CASSANDRA_TRUSTSTORE_PASSWORD, true));
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    /** A setting that is not a secret: its value may be shown. Blank counts as set, as for the others. */
    private static String plain(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value != null && value.isBlank()) {
            throw SettingRules.invalid(name, value, "must not be blank");
        }
        return value == null ? null : value.strip();
    }

    /**
     * @param firstLine a password is the file's first line; a JAAS configuration all of it
     */
    static String secret(Map<String, String> env, String name, boolean firstLine) {
        String value = env.get(name);
        String file = env.get(name + FILE_SUFFIX);
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " is set but empty: an empty secret does not turn security off; unset it");
        }
        if (value != null && file != null) {
            throw new IllegalArgumentException(
                    name + " is given twice: set " + name + " or " + name + FILE_SUFFIX + ", not both");
        }
        return file == null ? value : read(name + FILE_SUFFIX, Path.of(file.strip()), firstLine);
    }

    private static String read(String name, Path file, boolean firstLine) {
        try {
            String content = Files.readString(file).strip();
            int newline = content.indexOf('\n');
            String secret =
                    firstLine && newline >= 0 ? content.substring(0, newline).strip() : content;
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(name + ": the file " + file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": the file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read the file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** A Java properties file, as Kafka's tools read their client configuration ({@code --command-config}). */
    private static Map<String, String> clientConfig(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(KAFKA_CLIENT_CONFIG + ": cannot read the Kafka client config " + file
                    + ": " + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
