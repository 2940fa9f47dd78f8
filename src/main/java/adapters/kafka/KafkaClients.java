package adapters.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client configurations derived from {@link KafkaSettings}, in one place so they can be read side by side. */
final class KafkaClients {

    private KafkaClients() {}

    static Map<String, Object> producerConfig(KafkaSettings settings) {
        return producerConfig(settings, KafkaSettings.MAX_MESSAGE_BYTES);
    }

    /**
     * @param topicMaxMessageBytes {@code max.message.bytes} of {@code users_created}; below ours when an
     *                             operator made the topic smaller
     */
    static Map<String, Object> producerConfig(KafkaSettings settings, int topicMaxMessageBytes) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "user-pipeline-publisher");
        // idempotence: a retried send is written once and in order within its partition; together with
        // acks=all an acknowledged user survives the loss of the leader
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // idempotence keeps ordering only up to 5 in-flight requests per connection
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        // at most half the topic's limit: a batch the broker refuses as too large is split into batches of
        // batch.size, so a batch.size over the limit would be split into the same batch again, forever
        // (the Sender loops on MESSAGE_TOO_LARGE until the delivery timeout); half leaves room for the
        // compression of incompressible values, which adds a little
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.min(settings.batchSizeBytes(), topicMaxMessageBytes / 2));
        config.put(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression().kafkaName());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(settings.requestTimeout()));
        // the defaults (60 s blocking per send, 120 s delivery) would hold a publish for minutes on a dead cluster
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) millis(settings.maxBlock()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(settings.deliveryTimeout()));
        // the topics' max.message.bytes: a record over it fails alone, at once, instead of at the broker
        config.put(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Math.min(KafkaSettings.MAX_MESSAGE_BYTES, topicMaxMessageBytes));
        return withClientProperties(config, settings);
    }

    static Map<String, Object> adminConfig(KafkaSettings settings, String clientId, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(timeout));
        // Admin insists on default.api.timeout.ms >= request.timeout.ms
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeout));
        return withClientProperties(config, settings);
    }

    static Producer<String, byte[]> producer(KafkaSettings settings) {
        return producer(settings, KafkaSettings.MAX_MESSAGE_BYTES);
    }

    static Producer<String, byte[]> producer(KafkaSettings settings, int topicMaxMessageBytes) {
        try {
            return new KafkaProducer<>(
                    producerConfig(settings, topicMaxMessageBytes), new StringSerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new KafkaSetupException("cannot create a Kafka producer for " + settings.bootstrapServers(), e);
        }
    }

    static Admin admin(KafkaSettings settings, String clientId, Duration timeout) {
        try {
            return Admin.create(adminConfig(settings, clientId, timeout));
        } catch (KafkaException e) {
            throw new KafkaSetupException("cannot create a Kafka admin client for " + settings.bootstrapServers(), e);
        }
    }

    static Map<String, Object> persistedConsumerConfig(KafkaSettings settings, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-pipeline-persisted-consumer");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // at least once: the consumer commits after the use case stored the message, never before
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a new group reads what the sidecar wrote before the monolith first started
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(settings.requestTimeout()));
        // an app killed without leaving the group holds its partition until its session expires: the
        // 45 s default stalled a restarted app's runs (one 1,000-user rerun took 27.7 s instead of 7.7 s)
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return withClientProperties(config, settings);
    }

    static Consumer<String, byte[]> persistedConsumer(KafkaSettings settings, String groupId) {
        try {
            return new KafkaConsumer<>(
                    persistedConsumerConfig(settings, groupId), new StringDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            throw new KafkaSetupException("cannot create a Kafka consumer for " + settings.bootstrapServers(), e);
        }
    }

    /**
     * Adds the operator's client properties (security, mostly). One the app sets itself is refused:
     * the app's guarantees (idempotence, acks=all, commits after recording, its timeouts) rest on them.
     */
    private static Map<String, Object> withClientProperties(Map<String, Object> config, KafkaSettings settings) {
        settings.clientProperties().values().forEach((key, value) -> {
            if (config.containsKey(key)) {
                throw new KafkaSetupException(
                        "the Kafka client property " + key + " is set by the app itself and cannot be configured");
            }
            config.put(key, value);
        });
        return config;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
