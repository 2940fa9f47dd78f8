package sidecar;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The rule each single setting value must meet. A value that breaks its rule is rejected with
 * {@code NAME='value' is invalid: rule}, where the name is the environment variable or the record
 * component it came from, so the operator knows what to fix.
 */
final class SettingRules {

    /**
     * Keyspace names exactly as docs/contracts.md (Conventions) gives them for the app and the sidecar:
     * an unquoted CQL name in lower case. Cassandra folds unquoted names to lower case, so a name with
     * capitals would not be the keyspace the monolith looks for.
     */
    static final String KEYSPACE_NAME = "[a-z][a-z0-9_]{0,47}";

    /*
     * Longer triggers make the fetch -> persisted round trip (and the run's COMPLETED state the
     * Airflow sensor waits for) lag by that much; anything above a minute is almost surely a unit
     * mistake such as PT60M for PT60S.
     */
    static final Duration MAX_TRIGGER_INTERVAL = Duration.ofMinutes(1);

    // Kafka's own topic name rule (Topic.validate): at most 249 of [a-zA-Z0-9._-].
    private static final String TOPIC_CHARS = "[a-zA-Z0-9._-]";
    private static final int MAX_TOPIC_LENGTH = 249;
    private static final String TOPIC_RULE = "1 to " + MAX_TOPIC_LENGTH + " of " + TOPIC_CHARS;
    private static final Pattern KAFKA_TOPIC = Pattern.compile(TOPIC_CHARS + "{1," + MAX_TOPIC_LENGTH + "}");
    private static final Pattern CQL_KEYSPACE = Pattern.compile(KEYSPACE_NAME);
    private static final Pattern SPARK_MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|local-cluster\\[.+]|yarn|(spark|k8s|mesos)://.+");
    private static final int MAX_PORT = 65_535;
    private static final String PORT_RANGE = "1.." + MAX_PORT;

    private SettingRules() {}

    static void requireNotBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, value, "must not be blank");
        }
    }

    static void requireKafkaServers(String name, String value) {
        requireNotBlank(name, value);
        for (String server : value.split(",", -1)) {
            String trimmed = server.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || !isPort(trimmed.substring(colon + 1))) {
                throw invalid(name, value, "must be a comma-separated list of host:port with a port in " + PORT_RANGE);
            }
        }
    }

    static void requireTopic(String name, String value) {
        if (value == null || !KAFKA_TOPIC.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw invalid(name, value, "must be a Kafka topic name: " + TOPIC_RULE);
        }
    }

    /** The prefix must keep every one of {@code topics} a valid Kafka topic name. */
    static void requireTopicPrefix(String name, String prefix, String... topics) {
        for (String topic : topics) {
            if (!KAFKA_TOPIC.matcher(prefix + topic).matches()) {
                throw invalid(name, prefix, "must make Kafka topic names: " + TOPIC_RULE + " in all");
            }
        }
    }

    static void requirePort(String name, int port) {
        if (port < 1 || port > MAX_PORT) {
            throw invalid(name, String.valueOf(port), "must be a TCP port in " + PORT_RANGE);
        }
    }

    static int parsePort(String name, String value) {
        if (value == null || !isPort(value.trim())) {
            throw invalid(name, value, "must be a TCP port in " + PORT_RANGE);
        }
        return Integer.parseInt(value.trim());
    }

    private static boolean isPort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= MAX_PORT;
    }

    static void requireKeyspace(String name, String value) {
        if (value == null || !CQL_KEYSPACE.matcher(value).matches()) {
            throw invalid(
                    name,
                    value,
                    "must be an unquoted CQL keyspace name in lower case: a letter,"
                            + " then up to 47 letters, digits or underscores");
        }
    }

    static void requireTriggerInterval(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative() || value.compareTo(MAX_TRIGGER_INTERVAL) > 0) {
            throw invalid(name, String.valueOf(value), "must be greater than 0 and at most 1 minute (PT1M)");
        }
    }

    static Duration parseDuration(String name, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(name, value, "must be an ISO-8601 duration such as PT1S or PT0.5S");
        }
    }

    static void requireSparkMaster(String name, String value) {
        if (value == null || !SPARK_MASTER.matcher(value).matches()) {
            throw invalid(
                    name,
                    value,
                    "must be a Spark master URL: local, local[N], local[*], local[N,F],"
                            + " spark://..., k8s://..., mesos://... or yarn");
        }
    }

    static void requireMaxOffsets(String name, long value) {
        if (value < 1) {
            throw invalid(name, String.valueOf(value), "must be at least 1");
        }
    }

    static long parseMaxOffsets(String name, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1) {
            throw invalid(name, value, "must be a whole number of at least 1");
        }
        return parsed;
    }

    static IllegalArgumentException invalid(String name, String value, String rule) {
        return new IllegalArgumentException(name + "='" + value + "' is invalid: " + rule);
    }
}
