package sidecar;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the sidecar needs to know about its surroundings, validated once at start-up so that a
 * typo fails fast with a message naming the setting, instead of minutes later inside a Spark task.
 *
 * <p>Configuration comes only from the environment ({@link #fromEnvironment(Map)}), so the same jar
 * runs on a laptop (the defaults point at the embedded servers on loopback) and on a cluster.
 *
 * @param kafkaBootstrapServers comma-separated {@code host:port} list
 * @param sourceTopic           topic the raw user events are read from
 * @param deadLetterTopic       topic records that break the contract go to, with a reason
 * @param persistedTopic        topic announcing which ids were written to Cassandra
 * @param cassandraHost         contact point
 * @param cassandraPort         native protocol port of the contact point
 * @param keyspace              Cassandra keyspace of the user tables
 * @param checkpointDir         Structured Streaming checkpoint location: a local path (absolute, never
 *                              under a temp dir) or a Hadoop URI such as {@code hdfs://} or {@code s3a://}
 * @param triggerInterval       micro-batch trigger interval, in (0, 1 minute]
 * @param sparkMaster           Spark master URL, e.g. {@code local[*]}, {@code spark://host:7077}
 * @param cassandraDatacenter   the Cassandra driver's local datacenter
 * @param maxOffsetsPerTrigger  most Kafka records one micro-batch reads
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
        long maxOffsetsPerTrigger) {

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

    /*
     * Longer triggers make the fetch -> persisted round trip (and the run's COMPLETED state the
     * Airflow sensor waits for) lag by that much; anything above a minute is almost surely a unit
     * mistake such as PT60M for PT60S.
     */
    static final Duration MAX_TRIGGER_INTERVAL = Duration.ofMinutes(1);

    // Kafka's own topic name rule (Topic.validate): at most 249 of [a-zA-Z0-9._-].
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    // Unquoted CQL keyspace names: a letter, then letters, digits, underscores; at most 48 chars.
    private static final Pattern CQL_KEYSPACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
    private static final Pattern SPARK_MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|local-cluster\\[.+]|yarn|(spark|k8s|mesos)://.+");
    // A URI scheme of two or more letters; one letter would be a Windows drive, i.e. a local path.
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");

    public SidecarSettings {
        requireKafkaServers("kafkaBootstrapServers", kafkaBootstrapServers);
        requireTopic("sourceTopic", sourceTopic);
        requireTopic("deadLetterTopic", deadLetterTopic);
        requireTopic("persistedTopic", persistedTopic);
        requireNotBlank("cassandraHost", cassandraHost);
        requirePort("cassandraPort", cassandraPort);
        requireKeyspace("keyspace", keyspace);
        requireCheckpointDir("checkpointDir", checkpointDir);
        requireTriggerInterval("triggerInterval", triggerInterval);
        requireSparkMaster("sparkMaster", sparkMaster);
        requireNotBlank("cassandraDatacenter", cassandraDatacenter);
        if (maxOffsetsPerTrigger < 1) {
            throw invalid("maxOffsetsPerTrigger", String.valueOf(maxOffsetsPerTrigger), "must be at least 1");
        }
        if (sourceTopic.equals(deadLetterTopic) || sourceTopic.equals(persistedTopic)
                || deadLetterTopic.equals(persistedTopic)) {
            // Reading our own output would loop records forever.
            throw new IllegalArgumentException("sourceTopic, deadLetterTopic and persistedTopic must differ, got "
                    + sourceTopic + ", " + deadLetterTopic + ", " + persistedTopic);
        }
    }

    /** Settings without the later components: local datacenter and max offsets take their defaults. */
    public SidecarSettings(String kafkaBootstrapServers, String sourceTopic, String deadLetterTopic,
                           String persistedTopic, String cassandraHost, int cassandraPort, String keyspace,
                           String checkpointDir, Duration triggerInterval, String sparkMaster) {
        this(kafkaBootstrapServers, sourceTopic, deadLetterTopic, persistedTopic, cassandraHost, cassandraPort,
                keyspace, checkpointDir, triggerInterval, sparkMaster, DEFAULT_CASSANDRA_DC,
                DEFAULT_MAX_OFFSETS_PER_TRIGGER);
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
        Objects.requireNonNull(env, "env");

        String kafka = env.getOrDefault(ENV_KAFKA_BOOTSTRAP_SERVERS, DEFAULT_KAFKA_BOOTSTRAP_SERVERS);
        requireKafkaServers(ENV_KAFKA_BOOTSTRAP_SERVERS, kafka);

        String cassandraHost = env.getOrDefault(ENV_CASSANDRA_HOST, DEFAULT_CASSANDRA_HOST);
        requireNotBlank(ENV_CASSANDRA_HOST, cassandraHost);

        int cassandraPort = env.containsKey(ENV_CASSANDRA_PORT)
                ? parsePort(ENV_CASSANDRA_PORT, env.get(ENV_CASSANDRA_PORT))
                : DEFAULT_CASSANDRA_PORT;

        String checkpointDir;
        if (env.containsKey(ENV_CHECKPOINT_DIR)) {
            checkpointDir = env.get(ENV_CHECKPOINT_DIR);
            requireCheckpointDir(ENV_CHECKPOINT_DIR, checkpointDir);
            if (!hasUriScheme(checkpointDir)) {
                checkpointDir = Path.of(checkpointDir).normalize().toString();
            }
        } else {
            String workDir = env.getOrDefault(ENV_WORK_DIR, DEFAULT_WORK_DIR);
            requireNotBlank(ENV_WORK_DIR, workDir);
            // Absolute now, so the printed settings say where the checkpoints really are.
            checkpointDir = toPath(ENV_WORK_DIR, workDir).toAbsolutePath().normalize()
                    .resolve("spark").resolve("checkpoints").toString();
            requireCheckpointDir(ENV_WORK_DIR + " (which holds the default checkpoint dir)", checkpointDir);
        }

        Duration trigger = env.containsKey(ENV_TRIGGER_INTERVAL)
                ? parseDuration(ENV_TRIGGER_INTERVAL, env.get(ENV_TRIGGER_INTERVAL))
                : DEFAULT_TRIGGER_INTERVAL;
        requireTriggerInterval(ENV_TRIGGER_INTERVAL, trigger);

        String master = env.getOrDefault(ENV_SPARK_MASTER, DEFAULT_SPARK_MASTER);
        requireSparkMaster(ENV_SPARK_MASTER, master);

        String keyspace = env.getOrDefault(ENV_CASSANDRA_KEYSPACE, DEFAULT_KEYSPACE);
        requireKeyspace(ENV_CASSANDRA_KEYSPACE, keyspace);

        String datacenter = env.getOrDefault(ENV_CASSANDRA_DC, DEFAULT_CASSANDRA_DC);
        requireNotBlank(ENV_CASSANDRA_DC, datacenter);

        String prefix = env.getOrDefault(ENV_KAFKA_TOPIC_PREFIX, "");
        for (String topic : new String[] {DEFAULT_SOURCE_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, DEFAULT_PERSISTED_TOPIC}) {
            if (!KAFKA_TOPIC.matcher(prefix + topic).matches()) {
                throw invalid(ENV_KAFKA_TOPIC_PREFIX, prefix, "must make Kafka topic names: 1 to 249 of [a-zA-Z0-9._-] in all");
            }
        }

        long maxOffsets = DEFAULT_MAX_OFFSETS_PER_TRIGGER;
        if (env.containsKey(ENV_MAX_OFFSETS_PER_TRIGGER)) {
            String text = env.get(ENV_MAX_OFFSETS_PER_TRIGGER);
            try {
                maxOffsets = Long.parseLong(text == null ? "" : text.trim());
            } catch (NumberFormatException e) {
                maxOffsets = 0;
            }
            if (maxOffsets < 1) {
                throw invalid(ENV_MAX_OFFSETS_PER_TRIGGER, text, "must be a whole number of at least 1");
            }
        }

        return new SidecarSettings(kafka, prefix + DEFAULT_SOURCE_TOPIC, prefix + DEFAULT_DEAD_LETTER_TOPIC,
                prefix + DEFAULT_PERSISTED_TOPIC, cassandraHost, cassandraPort, keyspace, checkpointDir, trigger, master,
                datacenter, maxOffsets);
    }

    /** True for the in-process masters, where the driver and executors share loopback. */
    public boolean isLocalMaster() {
        return sparkMaster.startsWith("local");
    }

    private static void requireNotBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, value, "must not be blank");
        }
    }

    private static void requireKafkaServers(String name, String value) {
        requireNotBlank(name, value);
        for (String server : value.split(",", -1)) {
            String trimmed = server.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                throw invalid(name, value, "must be a comma-separated list of host:port with a port in 1..65535");
            }
        }
    }

    private static void requireTopic(String name, String value) {
        if (value == null || !KAFKA_TOPIC.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw invalid(name, value, "must be a Kafka topic name: 1 to 249 of [a-zA-Z0-9._-]");
        }
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65_535) {
            throw invalid(name, String.valueOf(port), "must be a TCP port in 1..65535");
        }
    }

    private static int parsePort(String name, String value) {
        if (value == null || !isPort(value.trim())) {
            throw invalid(name, value, "must be a TCP port in 1..65535");
        }
        return Integer.parseInt(value.trim());
    }

    private static boolean isPort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65_535;
    }

    private static void requireKeyspace(String name, String value) {
        if (value == null || !CQL_KEYSPACE.matcher(value).matches()) {
            throw invalid(name, value, "must be an unquoted CQL keyspace name: a letter, then up to 47 letters, digits or underscores");
        }
    }

    /*
     * Structured Streaming's checkpoint holds the Kafka offsets and the commit log that make the
     * Cassandra writes exactly-once in effect. /tmp (and java.io.tmpdir) are wiped at reboot or by
     * tmp cleaners; losing the checkpoint silently restarts the query from the configured starting
     * offsets, re-processing or skipping records. So temp dirs are refused outright.
     */
    private static void requireCheckpointDir(String name, String value) {
        requireNotBlank(name, value);
        if (hasUriScheme(value) && !value.regionMatches(true, 0, "file:", 0, 5)) {
            return; // hdfs://, s3a://, ...: durable storage owned by the cluster.
        }
        Path path = value.regionMatches(true, 0, "file:", 0, 5) ? fileUriToPath(name, value) : toPath(name, value);
        if (!path.isAbsolute()) {
            throw invalid(name, value, "must be an absolute path (a relative checkpoint dir moves with the working directory,"
                    + " and the query would silently start over)");
        }
        Path normalized = path.normalize();
        for (Path temp : temporaryDirs()) {
            if (normalized.startsWith(temp)) {
                throw invalid(name, value, "must not be under " + temp + ": temporary directories are wiped at reboot,"
                        + " and a lost checkpoint breaks exactly-once processing; use a directory under"
                        + " PIPELINE_WORK_DIR or durable storage");
            }
        }
    }

    private static Path[] temporaryDirs() {
        Path tmp = Path.of("/tmp");
        String javaTmp = System.getProperty("java.io.tmpdir");
        if (javaTmp == null || javaTmp.isBlank()) {
            return new Path[] {tmp};
        }
        return new Path[] {tmp, Path.of(javaTmp).toAbsolutePath().normalize()};
    }

    private static boolean hasUriScheme(String value) {
        return URI_SCHEME.matcher(value).find();
    }

    private static Path fileUriToPath(String name, String value) {
        try {
            return Path.of(URI.create(value));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw invalid(name, value, "must be a valid file: URI with an absolute path (" + e.getMessage() + ")");
        }
    }

    private static Path toPath(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(name, value, "must be a valid path (" + e.getReason() + ")");
        }
    }

    private static void requireTriggerInterval(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative() || value.compareTo(MAX_TRIGGER_INTERVAL) > 0) {
            throw invalid(name, String.valueOf(value), "must be greater than 0 and at most 1 minute (PT1M)");
        }
    }

    private static Duration parseDuration(String name, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(name, value, "must be an ISO-8601 duration such as PT1S or PT0.5S");
        }
    }

    private static void requireSparkMaster(String name, String value) {
        if (value == null || !SPARK_MASTER.matcher(value).matches()) {
            throw invalid(name, value, "must be a Spark master URL: local, local[N], local[*], local[N,F],"
                    + " spark://..., k8s://..., mesos://... or yarn");
        }
    }

    private static IllegalArgumentException invalid(String name, String value, String rule) {
        return new IllegalArgumentException(name + "='" + value + "' is invalid: " + rule);
    }
}
