package sidecar;

import static sidecar.SettingRules.requireKafkaServers;
import static sidecar.SettingRules.requireKeyspace;
import static sidecar.SettingRules.requireMaxOffsets;
import static sidecar.SettingRules.requireNotBlank;
import static sidecar.SettingRules.requirePort;
import static sidecar.SettingRules.requireSparkMaster;
import static sidecar.SettingRules.requireTopic;
import static sidecar.SettingRules.requireTriggerInterval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the sidecar needs to know about its surroundings, validated once at start-up so that a
 * typo fails fast with a message naming the setting, instead of minutes later inside a Spark task.
 *
 * <p>Configuration comes only from the environment ({@link #fromEnvironment(Map)}), so the same jar
 * runs on a laptop (the defaults point at the embedded servers on loopback) and on a cluster.
 * {@link SidecarEnvironment} reads the variables; each value's rule is in {@link SettingRules}, the
 * checkpoint location's in {@link CheckpointLocation}. The record checks them all again, so a value
 * built in code is held to the same rules.
 *
 * @param kafkaBootstrapServers comma-separated {@code host:port} list
 * @param sourceTopic           topic the raw user events are read from
 * @param deadLetterTopic       topic records that break the contract go to, with a reason
 * @param persistedTopic        topic announcing which ids were written to Cassandra
 * @param cassandraHost         contact point
 * @param cassandraPort         native protocol port of the contact point
 * @param keyspace              Cassandra keyspace of the user tables: an unquoted name in lower case
 * @param checkpointDir         Structured Streaming checkpoint location: a local absolute path, or a
 *                              Hadoop URI such as {@code hdfs://} or {@code s3a://}; in a temp dir only
 *                              inside the work dir (then with a {@linkplain #warnings() warning})
 * @param triggerInterval       micro-batch trigger interval, in (0, 1 minute]
 * @param sparkMaster           Spark master URL, e.g. {@code local[*]}, {@code spark://host:7077}
 * @param cassandraDatacenter   the Cassandra driver's local datacenter
 * @param maxOffsetsPerTrigger  most Kafka records one micro-batch reads
 * @param workDir               the local work dir (held absolute and normalized): the default home of
 *                              the checkpoint dir, and the one place a checkpoint may be in a temp dir
 * @param kafkaSecurity         what every Kafka client gets on top: SASL, TLS ({@link KafkaSecurity})
 * @param cassandraSecurity     the connector's login and TLS ({@link CassandraSecurity})
 */
public record SidecarSettings(
        String kafkaBootstrapServers,
        String sourceTopic,
        String deadLetterTopic,
        String persistedTopic,
        String cassandraHost,
        int cassandraPort,
        String keyspace,
        String checkpointDir,
        Duration triggerInterval,
        String sparkMaster,
        String cassandraDatacenter,
        long maxOffsetsPerTrigger,
        String workDir,
        KafkaSecurity kafkaSecurity,
        CassandraSecurity cassandraSecurity) {

    public static final String ENV_KAFKA_BOOTSTRAP_SERVERS = "PIPELINE_KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_CASSANDRA_HOST = "PIPELINE_CASSANDRA_HOST";
    public static final String ENV_CASSANDRA_PORT = "PIPELINE_CASSANDRA_PORT";
    public static final String ENV_CHECKPOINT_DIR = "PIPELINE_SPARK_CHECKPOINT_DIR";
    /** ISO-8601 duration as accepted by {@link Duration#parse}, e.g. {@code PT1S}, {@code PT0.5S}. */
    public static final String ENV_TRIGGER_INTERVAL = "PIPELINE_SPARK_TRIGGER_INTERVAL";

    public static final String ENV_SPARK_MASTER = "PIPELINE_SPARK_MASTER";
    public static final String ENV_WORK_DIR = "PIPELINE_WORK_DIR";
    public static final String ENV_CASSANDRA_KEYSPACE = "PIPELINE_CASSANDRA_KEYSPACE";
    public static final String ENV_CASSANDRA_DC = "PIPELINE_CASSANDRA_DC";
    /** Put before all three topic names, as the monolith does ({@code KafkaSettings.Topics.prefixed}). */
    public static final String ENV_KAFKA_TOPIC_PREFIX = "PIPELINE_KAFKA_TOPIC_PREFIX";

    public static final String ENV_MAX_OFFSETS_PER_TRIGGER = "PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER";

    public static final String DEFAULT_KAFKA_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_SOURCE_TOPIC = "users_created";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "users_created_dlq";
    public static final String DEFAULT_PERSISTED_TOPIC = "users_persisted";
    public static final String DEFAULT_CASSANDRA_HOST = "127.0.0.1";
    public static final int DEFAULT_CASSANDRA_PORT = 9042;
    public static final String DEFAULT_KEYSPACE = "spark_streams";
    public static final String DEFAULT_WORK_DIR = "./work";
    public static final Duration DEFAULT_TRIGGER_INTERVAL = Duration.ofMillis(250);
    public static final String DEFAULT_SPARK_MASTER = "local[*]";
    public static final String DEFAULT_CASSANDRA_DC = "datacenter1";
    public static final long DEFAULT_MAX_OFFSETS_PER_TRIGGER = 50_000;

    public SidecarSettings {
        requireKafkaServers("kafkaBootstrapServers", kafkaBootstrapServers);
        requireTopic("sourceTopic", sourceTopic);
        requireTopic("deadLetterTopic", deadLetterTopic);
        requireTopic("persistedTopic", persistedTopic);
        requireNotBlank("cassandraHost", cassandraHost);
        requirePort("cassandraPort", cassandraPort);
        requireKeyspace("keyspace", keyspace);
        Path work = CheckpointLocation.workDir("workDir", workDir);
        workDir = work.toString();
        CheckpointLocation.require("checkpointDir", checkpointDir, work);
        requireTriggerInterval("triggerInterval", triggerInterval);
        requireSparkMaster("sparkMaster", sparkMaster);
        requireNotBlank("cassandraDatacenter", cassandraDatacenter);
        requireMaxOffsets("maxOffsetsPerTrigger", maxOffsetsPerTrigger);
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
        Objects.requireNonNull(cassandraSecurity, "cassandraSecurity");
        if (sourceTopic.equals(deadLetterTopic)
                || sourceTopic.equals(persistedTopic)
                || deadLetterTopic.equals(persistedTopic)) {
            // Reading our own output would loop records forever.
            throw new IllegalArgumentException("sourceTopic, deadLetterTopic and persistedTopic must differ, got "
                    + sourceTopic + ", " + deadLetterTopic + ", " + persistedTopic);
        }
    }

    /**
     * Settings without the later components: local datacenter, max offsets and work dir take their
     * defaults, and no client security.
     */
    public SidecarSettings(
            String kafkaBootstrapServers,
            String sourceTopic,
            String deadLetterTopic,
            String persistedTopic,
            String cassandraHost,
            int cassandraPort,
            String keyspace,
            String checkpointDir,
            Duration triggerInterval,
            String sparkMaster) {
        this(
                kafkaBootstrapServers,
                sourceTopic,
                deadLetterTopic,
                persistedTopic,
                cassandraHost,
                cassandraPort,
                keyspace,
                checkpointDir,
                triggerInterval,
                sparkMaster,
                DEFAULT_CASSANDRA_DC,
                DEFAULT_MAX_OFFSETS_PER_TRIGGER,
                DEFAULT_WORK_DIR,
                KafkaSecurity.NONE,
                CassandraSecurity.NONE);
    }

    /** The defaults: everything on loopback, checkpoints under {@code ./work/spark/checkpoints}. */
    public static SidecarSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads the {@code PIPELINE_*} variables; unset ones take their defaults. A set but invalid value
     * is rejected naming the variable, the value and the rule (a blank value counts as set: an empty
     * variable is more often a broken template than a wish for the default).
     */
    public static SidecarSettings fromEnvironment(Map<String, String> env) {
        return SidecarEnvironment.load(env);
    }

    /**
     * What the sidecar should tell its operator at start-up, one line each: today only that the
     * checkpoint sits in a temp dir (accepted because the work dir is there), and what that risks.
     */
    public List<String> warnings() {
        return CheckpointLocation.temporaryDirWarning(checkpointDir, Path.of(workDir)).stream()
                .toList();
    }

    /** True for the in-process masters, where the driver and executors share loopback. */
    public boolean isLocalMaster() {
        return sparkMaster.startsWith("local");
    }
}
