package sidecar;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Kafka client properties every Kafka client of the sidecar gets: the Kafka source (as its
 * {@code kafka.*} options) and the dead-letter and {@code users_persisted} producers. Mostly how they
 * authenticate and encrypt ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), read from the
 * same {@code PIPELINE_KAFKA_*} variables as the app ({@link SecurityEnvironment}). Serializable: the
 * tasks build their producers from it.
 *
 * @param properties property name to value; {@link #toString()} never shows a secret's value
 */
public record KafkaSecurity(Map<String, String> properties) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final KafkaSecurity NONE = new KafkaSecurity(Map.of());

    public KafkaSecurity {
        properties.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("Kafka client property '" + key + "' needs a name and a value");
            }
        });
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The properties as options of Spark's Kafka source and sink: each name behind {@code kafka.}. */
    public Map<String, String> sourceOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        properties.forEach((key, value) -> options.put("kafka." + key, value));
        return options;
    }

    /**
     * Whether a value must be hidden: a property Kafka declares as a password, or one no client type
     * knows (a login callback's own options, a typo), to be safe. The app's {@code adapters.kafka.KafkaClientProperties} applies the same rule: the two builds share no code (docs/adr/0003).
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

    /** Names and values, each secret as {@code ***}: what the start-up log line shows. */
    @Override
    public String toString() {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", "KafkaSecurity[", "]"));
    }
}
