package adapters.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the Kafka adapter reaches its cluster, names its topics and tunes its producer. Reading these
 * from the environment is the composition root's job; this record only refuses values that could
 * not work.
 *
 * @param bootstrapServers       {@code host:port[,host:port...]}
 * @param topics                 the three topic names of the contract (docs/contracts.md)
 * @param usersCreatedPartitions partitions {@code users_created} is created with: the ceiling of
 *                               consumer parallelism (Spark tasks reading it)
 * @param replicationFactor      replicas of every topic created; 1 on a laptop, 3 on a real cluster
 * @param linger                 how long the producer waits to fill a batch ({@code linger.ms})
 * @param batchSizeBytes         the producer's per-partition batch size ({@code batch.size})
 * @param compression            compression of producer batches (default lz4)
 * @param requestTimeout         the longest one request to a broker may take; it also bounds how
 *                               long {@code publish} can block on a dead cluster: see
 *                               {@link #maxBlock()} and {@link #deliveryTimeout()}
 * @param clientProperties       what every client gets on top: security ({@code security.protocol},
 *                               {@code sasl.*}, {@code ssl.*}) or other cluster needs
 */
public record KafkaSettings(
        String bootstrapServers,
        Topics topics,
        int usersCreatedPartitions,
        int replicationFactor,
        Duration linger,
        int batchSizeBytes,
        Compression compression,
        Duration requestTimeout,
        KafkaClientProperties clientProperties) {

    public static final int DEFAULT_USERS_CREATED_PARTITIONS = 3;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    public static final int DEFAULT_BATCH_SIZE_BYTES = 256 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The one home of the pipeline's message size limits (docs/contracts.md, "Topics"):
     * {@code max.message.bytes} of every topic the app creates, and the producer's
     * {@code max.request.size}. Equal on purpose: the producer refuses a record whose uncompressed
     * size is over it before sending, and the broker refuses a (compressed) batch over it, so a record
     * the producer lets through is refused by the broker only when a batch of it alone does not fit.
     * 1 MiB is Kafka's default, written down so a cluster with another default changes nothing.
     */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    /**
     * The largest {@code users_created} value (the UTF-8 JSON, uncompressed) the contract allows: a
     * user is about 600 bytes, so this leaves a hundredfold room for long names and addresses while a
     * consumer can size its batches from it. The outbox parks a larger user instead of sending it; the
     * sidecar dead-letters a larger record it receives from anyone else.
     */
    public static final int MAX_USER_VALUE_BYTES = 64 * 1024;

    /** /ready is polled; a probe answering after more than this is as bad as no answer. */
    private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s,:]+:\\d{1,5}|\\[[0-9a-fA-F:.]+]:\\d{1,5}");

    /**
     * Batch compression. {@link #LZ4} is the default: measured on this project's machine (2 cores,
     * embedded single-node broker on loopback, RandomUser-like users in batches of 1,000), lz4 published
     * as fast or faster than none (median 142k vs 116k users/s over 7 rounds of 50,000; within noise,
     * 61-78k users/s either way, in rounds of 10,000) and stored 208 instead of 638 bytes a user, so the broker writes and
     * the Spark sidecar fetches a third of the bytes. The codec is lz4-java, which kafka-clients
     * brings as a runtime dependency. {@link #NONE} is for CPU-starved producers.
     */
    public enum Compression {
        NONE,
        LZ4;

        /** The value of the producer's {@code compression.type}. */
        public String kafkaName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The topic names; override them to share a cluster between environments or to isolate tests. */
    public record Topics(String usersCreated, String usersCreatedDlq, String usersPersisted) {

        /** Kafka's own rule: 1-249 of these characters, and neither "." nor "..". Before DEFAULT, which uses it. */
        private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

        public static final Topics DEFAULT = new Topics("users_created", "users_created_dlq", "users_persisted");

        public Topics {
            requireTopicName("topics.usersCreated", usersCreated);
            requireTopicName("topics.usersCreatedDlq", usersCreatedDlq);
            requireTopicName("topics.usersPersisted", usersPersisted);
            if (usersCreated.equals(usersCreatedDlq)
                    || usersCreated.equals(usersPersisted)
                    || usersCreatedDlq.equals(usersPersisted)) {
                throw new IllegalArgumentException("topic names must differ, were " + usersCreated + ", "
                        + usersCreatedDlq + ", " + usersPersisted);
            }
        }

        /** The default names behind a prefix, e.g. {@code "staging."} gives {@code staging.users_created}. */
        public static Topics prefixed(String prefix) {
            Objects.requireNonNull(prefix, "prefix must not be null");
            return new Topics(
                    prefix + DEFAULT.usersCreated, prefix + DEFAULT.usersCreatedDlq, prefix + DEFAULT.usersPersisted);
        }

        private static void requireTopicName(String name, String value) {
            Objects.requireNonNull(value, name + " must not be null");
            if (!LEGAL_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
                throw new IllegalArgumentException(
                        name + " must be 1-249 of [a-zA-Z0-9._-] and not '.' or '..', was '" + value + "'");
            }
        }
    }

    public KafkaSettings {
        requireBootstrapServers(bootstrapServers);
        Objects.requireNonNull(topics, "topics must not be null");
        if (usersCreatedPartitions < 1) {
            throw new IllegalArgumentException("usersCreatedPartitions must be >= 1, was " + usersCreatedPartitions);
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "replicationFactor must be 1.." + Short.MAX_VALUE + ", was " + replicationFactor);
        }
        Objects.requireNonNull(linger, "linger must not be null");
        if (linger.isNegative() || linger.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("linger must be 0 ms or more (and fit an int of ms), was " + linger);
        }
        if (batchSizeBytes < 1) {
            throw new IllegalArgumentException("batchSizeBytes must be >= 1, was " + batchSizeBytes);
        }
        Objects.requireNonNull(compression, "compression must not be null");
        Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        // Kafka configures timeouts in whole ms, and delivery.timeout.ms (2 x this) must fit an int
        if (requestTimeout.toMillis() < 1 || requestTimeout.toMillis() > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("requestTimeout must be 1 ms .. ~6 days, was " + requestTimeout);
        }
        Objects.requireNonNull(clientProperties, "clientProperties must not be null");
    }

    /** The default topics and tuning against these servers. */
    public static KafkaSettings defaults(String bootstrapServers) {
        return new KafkaSettings(
                bootstrapServers,
                Topics.DEFAULT,
                DEFAULT_USERS_CREATED_PARTITIONS,
                1,
                DEFAULT_LINGER,
                DEFAULT_BATCH_SIZE_BYTES,
                Compression.LZ4,
                DEFAULT_REQUEST_TIMEOUT,
                KafkaClientProperties.NONE);
    }

    public KafkaSettings withBootstrapServers(String servers) {
        return new KafkaSettings(
                servers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withTopics(Topics names) {
        return new KafkaSettings(
                bootstrapServers,
                names,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withUsersCreatedPartitions(int partitions) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                partitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withReplicationFactor(int replicas) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicas,
                linger,
                batchSizeBytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withLinger(Duration value) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                value,
                batchSizeBytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withBatchSizeBytes(int bytes) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                bytes,
                compression,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withCompression(Compression value) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                value,
                requestTimeout,
                clientProperties);
    }

    public KafkaSettings withRequestTimeout(Duration timeout) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                compression,
                timeout,
                clientProperties);
    }

    public KafkaSettings withClientProperties(KafkaClientProperties value) {
        return new KafkaSettings(
                bootstrapServers,
                topics,
                usersCreatedPartitions,
                replicationFactor,
                linger,
                batchSizeBytes,
                compression,
                requestTimeout,
                value);
    }

    /**
     * {@code max.block.ms}: how long {@code send} may wait for topic metadata (or buffer space) before
     * failing. The publisher stops a batch at the first such failure, so a dead cluster costs one
     * wait per batch, not one per user.
     */
    public Duration maxBlock() {
        return requestTimeout;
    }

    /**
     * {@code delivery.timeout.ms}: after this a record that was not acknowledged fails. Room for one
     * retry after a timed-out request; Kafka requires at least {@code linger + requestTimeout}.
     */
    public Duration deliveryTimeout() {
        return requestTimeout.multipliedBy(2).plus(linger);
    }

    /** How long a readiness probe waits for the cluster to answer. */
    public Duration probeTimeout() {
        return requestTimeout.compareTo(MAX_PROBE_TIMEOUT) < 0 ? requestTimeout : MAX_PROBE_TIMEOUT;
    }

    /**
     * {@code min.insync.replicas} of the created topics: with {@code acks=all} a write is refused
     * rather than acknowledged by too few replicas. 2 from three replicas on (one broker may be
     * down); with fewer replicas requiring all of them would stop writes whenever one broker restarts.
     */
    public int minInSyncReplicas() {
        return replicationFactor >= 3 ? 2 : 1;
    }

    private static void requireBootstrapServers(String servers) {
        Objects.requireNonNull(servers, "bootstrapServers must not be null");
        String[] entries = servers.split(",", -1);
        for (String entry : entries) {
            if (!HOST_PORT.matcher(entry.strip()).matches()) {
                throw new IllegalArgumentException(
                        "bootstrapServers must be host:port[,host:port...], was '" + servers + "'");
            }
        }
    }
}
