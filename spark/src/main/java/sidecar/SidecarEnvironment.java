package sidecar;

import static sidecar.SidecarSettings.DEFAULT_CASSANDRA_DC;
import static sidecar.SidecarSettings.DEFAULT_CASSANDRA_HOST;
import static sidecar.SidecarSettings.DEFAULT_CASSANDRA_PORT;
import static sidecar.SidecarSettings.DEFAULT_DEAD_LETTER_TOPIC;
import static sidecar.SidecarSettings.DEFAULT_KAFKA_BOOTSTRAP_SERVERS;
import static sidecar.SidecarSettings.DEFAULT_KEYSPACE;
import static sidecar.SidecarSettings.DEFAULT_MAX_OFFSETS_PER_TRIGGER;
import static sidecar.SidecarSettings.DEFAULT_PERSISTED_TOPIC;
import static sidecar.SidecarSettings.DEFAULT_SOURCE_TOPIC;
import static sidecar.SidecarSettings.DEFAULT_SPARK_MASTER;
import static sidecar.SidecarSettings.DEFAULT_TRIGGER_INTERVAL;
import static sidecar.SidecarSettings.DEFAULT_WORK_DIR;
import static sidecar.SidecarSettings.ENV_CASSANDRA_DC;
import static sidecar.SidecarSettings.ENV_CASSANDRA_HOST;
import static sidecar.SidecarSettings.ENV_CASSANDRA_KEYSPACE;
import static sidecar.SidecarSettings.ENV_CASSANDRA_PORT;
import static sidecar.SidecarSettings.ENV_CHECKPOINT_DIR;
import static sidecar.SidecarSettings.ENV_KAFKA_BOOTSTRAP_SERVERS;
import static sidecar.SidecarSettings.ENV_KAFKA_TOPIC_PREFIX;
import static sidecar.SidecarSettings.ENV_MAX_OFFSETS_PER_TRIGGER;
import static sidecar.SidecarSettings.ENV_SPARK_MASTER;
import static sidecar.SidecarSettings.ENV_TRIGGER_INTERVAL;
import static sidecar.SidecarSettings.ENV_WORK_DIR;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@link SidecarSettings} from the {@code PIPELINE_*} variables. Each value is checked here,
 * before the record is built, so that a bad one is reported under its variable's name rather than
 * the record component's.
 */
final class SidecarEnvironment {

    private SidecarEnvironment() {}

    /** See {@link SidecarSettings#fromEnvironment(Map)}. */
    static SidecarSettings load(Map<String, String> env) {
        Objects.requireNonNull(env, "env");

        String kafka = env.getOrDefault(ENV_KAFKA_BOOTSTRAP_SERVERS, DEFAULT_KAFKA_BOOTSTRAP_SERVERS);
        SettingRules.requireKafkaServers(ENV_KAFKA_BOOTSTRAP_SERVERS, kafka);

        String cassandraHost = env.getOrDefault(ENV_CASSANDRA_HOST, DEFAULT_CASSANDRA_HOST);
        SettingRules.requireNotBlank(ENV_CASSANDRA_HOST, cassandraHost);

        int cassandraPort = env.containsKey(ENV_CASSANDRA_PORT)
                ? SettingRules.parsePort(ENV_CASSANDRA_PORT, env.get(ENV_CASSANDRA_PORT))
                : DEFAULT_CASSANDRA_PORT;

        Path workDir = CheckpointLocation.workDir(ENV_WORK_DIR, env.getOrDefault(ENV_WORK_DIR, DEFAULT_WORK_DIR));
        String checkpointDir = env.containsKey(ENV_CHECKPOINT_DIR)
                ? CheckpointLocation.explicit(ENV_CHECKPOINT_DIR, env.get(ENV_CHECKPOINT_DIR), workDir)
                : CheckpointLocation.underWorkDir(workDir);

        Duration trigger = env.containsKey(ENV_TRIGGER_INTERVAL)
                ? SettingRules.parseDuration(ENV_TRIGGER_INTERVAL, env.get(ENV_TRIGGER_INTERVAL))
                : DEFAULT_TRIGGER_INTERVAL;
        SettingRules.requireTriggerInterval(ENV_TRIGGER_INTERVAL, trigger);

        String master = env.getOrDefault(ENV_SPARK_MASTER, DEFAULT_SPARK_MASTER);
        SettingRules.requireSparkMaster(ENV_SPARK_MASTER, master);

        String keyspace = env.getOrDefault(ENV_CASSANDRA_KEYSPACE, DEFAULT_KEYSPACE);
        SettingRules.requireKeyspace(ENV_CASSANDRA_KEYSPACE, keyspace);

        String datacenter = env.getOrDefault(ENV_CASSANDRA_DC, DEFAULT_CASSANDRA_DC);
        SettingRules.requireNotBlank(ENV_CASSANDRA_DC, datacenter);

        String prefix = env.getOrDefault(ENV_KAFKA_TOPIC_PREFIX, "");
        SettingRules.requireTopicPrefix(
                ENV_KAFKA_TOPIC_PREFIX,
                prefix,
                DEFAULT_SOURCE_TOPIC,
                DEFAULT_DEAD_LETTER_TOPIC,
                DEFAULT_PERSISTED_TOPIC);

        long maxOffsets = env.containsKey(ENV_MAX_OFFSETS_PER_TRIGGER)
                ? SettingRules.parseMaxOffsets(ENV_MAX_OFFSETS_PER_TRIGGER, env.get(ENV_MAX_OFFSETS_PER_TRIGGER))
                : DEFAULT_MAX_OFFSETS_PER_TRIGGER;

        return new SidecarSettings(
                kafka,
                prefix + DEFAULT_SOURCE_TOPIC,
                prefix + DEFAULT_DEAD_LETTER_TOPIC,
                prefix + DEFAULT_PERSISTED_TOPIC,
                cassandraHost,
                cassandraPort,
                keyspace,
                checkpointDir,
                trigger,
                master,
                datacenter,
                maxOffsets,
                workDir.toString(),
                SecurityEnvironment.kafka(env),
                SecurityEnvironment.cassandra(env));
    }
}
