package adapters.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Kafka client properties every client of the app gets on top of its own configuration: how it
 * authenticates and encrypts ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), or anything
 * else an operator's cluster needs, as in the {@code --command-config} file of Kafka's own tools.
 * They never replace what the app sets itself ({@link KafkaClients}): that is refused when a client
 * is built, naming the property.
 *
 * @param values property name to value; secrets among them ({@code sasl.jaas.config}, passwords) are
 *               never shown by {@link #toString()}
 */
public record KafkaClientProperties(Map<String, String> values) {

    public static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    public KafkaClientProperties {
        Objects.requireNonNull(values, "values must not be null");
        values.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("Kafka client property '" + key + "' needs a name and a value");
            }
        });
        values = Map.copyOf(new TreeMap<>(values));
    }

    /** These properties, then {@code overrides} over them. */
    public KafkaClientProperties with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new KafkaClientProperties(merged);
    }

    /** {@code security.protocol} as configured, or Kafka's default. */
    public String securityProtocol() {
        return values.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    }

    /**
     * Whether a value may be shown: only properties every client type knows and does not declare as a
     * password. Unknown names (a login callback's own options, a typo) are hidden too, to be safe. The sidecar's
     * {@code sidecar.KafkaSecurity} applies the same rule: the two builds share no code (docs/adr/0003).
     */
    static boolean isSecret(String key) {
        for (ConfigDef definition :
                new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef()
                }) {
            ConfigDef.ConfigKey known = definition.configKeys().get(key);
            if (known != null) {
                return known.type == ConfigDef.Type.PASSWORD;
            }
        }
        return true;
    }

    /**
     * Said after a timeout: a client that speaks PLAINTEXT to a SASL or TLS listener is not refused,
     * its requests only go unanswered, so the timeout is the one sign of a missing setting.
     */
    String timeoutHint() {
        return " (no answer in time; security.protocol is " + securityProtocol()
                + ": if the cluster's listener requires SASL or TLS, set the Kafka client security settings,"
                + " docs/security.md)";
    }

    /** Names and values, with every secret as {@code ***}: safe to log. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", "KafkaClientProperties[", "]"));
    }
}
