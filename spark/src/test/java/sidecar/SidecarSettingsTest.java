package sidecar;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SidecarSettingsTest {

    private static SidecarSettings load(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SidecarSettings.fromEnvironment(env);
    }

    private static SidecarSettings withTopics(String source, String deadLetter, String persisted) {
        SidecarSettings d = SidecarSettings.defaults();
        return new SidecarSettings(
                d.kafkaBootstrapServers(),
                source,
                deadLetter,
                persisted,
                d.cassandraHost(),
                d.cassandraPort(),
                d.keyspace(),
                d.checkpointDir(),
                d.triggerInterval(),
                d.sparkMaster());
    }

    @Nested
    class Defaults {

        @Test
        void given_an_empty_environment_when_loaded_then_everything_points_at_the_embedded_servers_on_loopback() {
            SidecarSettings settings = SidecarSettings.fromEnvironment(Map.of());

            assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
            assertThat(settings.sourceTopic()).isEqualTo("users_created");
            assertThat(settings.deadLetterTopic()).isEqualTo("users_created_dlq");
            assertThat(settings.persistedTopic()).isEqualTo("users_persisted");
            assertThat(settings.cassandraHost()).isEqualTo("127.0.0.1");
            assertThat(settings.cassandraPort()).isEqualTo(9042);
            assertThat(settings.keyspace()).isEqualTo("spark_streams");
            assertThat(settings.triggerInterval()).isEqualTo(Duration.ofMillis(250));
            assertThat(settings.sparkMaster()).isEqualTo("local[*]");
            assertThat(settings.isLocalMaster()).isTrue();
        }

        @Test
        void
                given_an_empty_environment_when_loaded_then_checkpoints_go_to_work_spark_checkpoints_as_an_absolute_path() {
            Path expected = Path.of("work").toAbsolutePath().resolve("spark").resolve("checkpoints");

            assertThat(SidecarSettings.defaults().checkpointDir()).isEqualTo(expected.toString());
        }

        @Test
        void given_a_work_dir_and_no_checkpoint_dir_when_loaded_then_checkpoints_go_under_the_work_dir() {
            SidecarSettings settings = load("PIPELINE_WORK_DIR", "/srv/pipeline/./work");

            assertThat(settings.checkpointDir()).isEqualTo("/srv/pipeline/work/spark/checkpoints");
        }
    }

    @Nested
    class Overrides {

        @Test
        void given_every_variable_set_when_loaded_then_each_overrides_its_setting() {
            SidecarSettings settings = load(
                    "PIPELINE_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9093",
                    "PIPELINE_CASSANDRA_HOST", "cassandra.internal",
                    "PIPELINE_CASSANDRA_PORT", "19042",
                    "PIPELINE_SPARK_CHECKPOINT_DIR", "/var/lib/pipeline/checkpoints",
                    "PIPELINE_SPARK_TRIGGER_INTERVAL", "PT0.5S",
                    "PIPELINE_SPARK_MASTER", "spark://spark-master:7077");

            assertThat(settings.kafkaBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9093");
            assertThat(settings.cassandraHost()).isEqualTo("cassandra.internal");
            assertThat(settings.cassandraPort()).isEqualTo(19042);
            assertThat(settings.checkpointDir()).isEqualTo("/var/lib/pipeline/checkpoints");
            assertThat(settings.triggerInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.sparkMaster()).isEqualTo("spark://spark-master:7077");
            assertThat(settings.isLocalMaster()).isFalse();
        }

        @Test
        void given_both_a_checkpoint_dir_and_a_work_dir_when_loaded_then_the_explicit_checkpoint_dir_wins() {
            SidecarSettings settings =
                    load("PIPELINE_WORK_DIR", "/srv/work", "PIPELINE_SPARK_CHECKPOINT_DIR", "/data/checkpoints");

            assertThat(settings.checkpointDir()).isEqualTo("/data/checkpoints");
        }

        @ParameterizedTest
        @ValueSource(strings = {"hdfs://namenode:8020/pipeline/checkpoints", "s3a://bucket/checkpoints"})
        void given_a_cluster_file_system_uri_as_checkpoint_dir_when_loaded_then_it_is_kept_verbatim(String uri) {
            assertThat(load("PIPELINE_SPARK_CHECKPOINT_DIR", uri).checkpointDir())
                    .isEqualTo(uri);
        }

        @Test
        void given_a_directory_whose_name_only_starts_with_tmp_when_loaded_then_it_is_accepted() {
            assertThat(load("PIPELINE_SPARK_CHECKPOINT_DIR", "/tmpdata/checkpoints")
                            .checkpointDir())
                    .isEqualTo("/tmpdata/checkpoints");
        }

        @Test
        void given_a_trigger_of_exactly_one_minute_when_loaded_then_it_is_accepted() {
            assertThat(load("PIPELINE_SPARK_TRIGGER_INTERVAL", "PT1M").triggerInterval())
                    .isEqualTo(Duration.ofMinutes(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"local", "local[2]", "local[*]", "local[2,3]", "yarn", "k8s://https://api:6443"})
        void given_a_valid_spark_master_when_loaded_then_it_is_accepted(String master) {
            assertThat(load("PIPELINE_SPARK_MASTER", master).sparkMaster()).isEqualTo(master);
        }
    }

    @Nested
    class CheckpointDirValidation {

        @Test
        void given_a_checkpoint_dir_under_tmp_when_loaded_then_it_is_rejected_naming_the_setting() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", "/tmp/spark/checkpoints"))
                    .withMessageContaining("PIPELINE_SPARK_CHECKPOINT_DIR")
                    .withMessageContaining("/tmp/spark/checkpoints")
                    .withMessageContaining("must not be under /tmp")
                    .withMessageContaining("wiped at reboot")
                    .withMessageContaining("exactly-once");
        }

        @Test
        void given_a_checkpoint_dir_that_reaches_tmp_through_dot_dot_when_loaded_then_it_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", "/srv/../tmp/checkpoints"))
                    .withMessageContaining("must not be under /tmp");
        }

        @Test
        void given_a_file_uri_under_tmp_when_loaded_then_it_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", "file:///tmp/checkpoints"))
                    .withMessageContaining("PIPELINE_SPARK_CHECKPOINT_DIR")
                    .withMessageContaining("must not be under /tmp");
        }

        @Test
        void given_a_checkpoint_dir_under_java_io_tmpdir_when_loaded_then_it_is_rejected() {
            String original = System.getProperty("java.io.tmpdir");
            System.setProperty("java.io.tmpdir", "/var/scratch");
            try {
                assertThatIllegalArgumentException()
                        .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", "/var/scratch/checkpoints"))
                        .withMessageContaining("PIPELINE_SPARK_CHECKPOINT_DIR")
                        .withMessageContaining("must not be under /var/scratch");
            } finally {
                System.setProperty("java.io.tmpdir", original);
            }
        }

        @Test
        void given_a_work_dir_under_tmp_and_no_checkpoint_dir_when_loaded_then_it_is_accepted_with_one_warning() {
            SidecarSettings settings = load("PIPELINE_WORK_DIR", "/tmp/clone test/work");

            assertThat(settings.checkpointDir()).isEqualTo("/tmp/clone test/work/spark/checkpoints");
            assertThat(settings.warnings())
                    .singleElement(as(InstanceOfAssertFactories.STRING))
                    .doesNotContain("\n")
                    .contains("/tmp/clone test/work/spark/checkpoints is under /tmp")
                    .contains("work dir /tmp/clone test/work")
                    .contains("wipe")
                    .contains("exactly-once")
                    .contains("choose a work dir outside /tmp");
        }

        @Test
        void
                given_a_checkpoint_dir_under_tmp_inside_a_work_dir_under_tmp_when_loaded_then_it_is_accepted_with_a_warning() {
            SidecarSettings settings = load(
                    "PIPELINE_WORK_DIR", "/tmp/pipeline/work",
                    "PIPELINE_SPARK_CHECKPOINT_DIR", "/tmp/pipeline/work/sidecar/spark/checkpoints");

            assertThat(settings.checkpointDir()).isEqualTo("/tmp/pipeline/work/sidecar/spark/checkpoints");
            assertThat(settings.warnings())
                    .singleElement(as(InstanceOfAssertFactories.STRING))
                    .contains("under /tmp");
        }

        @Test
        void given_a_checkpoint_dir_under_tmp_outside_a_work_dir_under_tmp_when_loaded_then_it_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load(
                            "PIPELINE_WORK_DIR", "/tmp/pipeline/work",
                            "PIPELINE_SPARK_CHECKPOINT_DIR", "/tmp/checkpoints"))
                    .withMessageStartingWith("PIPELINE_SPARK_CHECKPOINT_DIR='/tmp/checkpoints' is invalid: must not be"
                            + " under /tmp outside the work dir /tmp/pipeline/work")
                    .withMessageContaining("exactly-once");
        }

        @Test
        void given_a_checkpoint_dir_that_leaves_a_work_dir_under_tmp_through_dot_dot_when_loaded_then_it_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load(
                            "PIPELINE_WORK_DIR", "/tmp/pipeline/work",
                            "PIPELINE_SPARK_CHECKPOINT_DIR", "/tmp/pipeline/work/../checkpoints"))
                    .withMessageContaining("must not be under /tmp outside the work dir");
        }

        @Test
        void
                given_the_project_itself_in_a_temp_dir_when_the_defaults_are_loaded_then_they_are_accepted_with_a_warning() {
            // a clone under the temp dir, seen from here: the temp dir is the one holding this checkout (or
            // /tmp, when the checkout really is there)
            Path checkout = Path.of("").toAbsolutePath();
            String original = System.getProperty("java.io.tmpdir");
            System.setProperty("java.io.tmpdir", checkout.getParent().toString());
            try {
                SidecarSettings settings = SidecarSettings.defaults();

                assertThat(settings.checkpointDir())
                        .isEqualTo(checkout.resolve("work/spark/checkpoints").toString());
                assertThat(settings.warnings())
                        .singleElement(as(InstanceOfAssertFactories.STRING))
                        .contains(settings.checkpointDir() + " is under ");
            } finally {
                System.setProperty("java.io.tmpdir", original);
            }
        }

        @Test
        void given_a_work_dir_outside_any_temp_dir_when_loaded_then_there_is_no_warning() {
            assertThat(load("PIPELINE_WORK_DIR", "/srv/pipeline/work").warnings())
                    .isEmpty();
        }

        @Test
        void given_a_relative_checkpoint_dir_when_loaded_then_it_is_rejected_because_it_moves_with_the_working_dir() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", "checkpoints"))
                    .withMessage("PIPELINE_SPARK_CHECKPOINT_DIR='checkpoints' is invalid: must be an absolute path"
                            + " (a relative checkpoint dir moves with the working directory, and the query would"
                            + " silently start over)");
        }

        @Test
        void given_a_blank_checkpoint_dir_when_loaded_then_it_is_rejected_instead_of_falling_back_to_the_default() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_CHECKPOINT_DIR", " "))
                    .withMessage("PIPELINE_SPARK_CHECKPOINT_DIR=' ' is invalid: must not be blank");
        }

        @Test
        void
                given_a_record_built_directly_with_a_tmp_checkpoint_dir_when_constructed_then_it_is_rejected_naming_the_component() {
            SidecarSettings d = SidecarSettings.defaults();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SidecarSettings(
                            d.kafkaBootstrapServers(),
                            d.sourceTopic(),
                            d.deadLetterTopic(),
                            d.persistedTopic(),
                            d.cassandraHost(),
                            d.cassandraPort(),
                            d.keyspace(),
                            "/tmp/cp",
                            d.triggerInterval(),
                            d.sparkMaster()))
                    .withMessageStartingWith("checkpointDir='/tmp/cp' is invalid: must not be under /tmp");
        }
    }

    @Nested
    class TriggerIntervalValidation {

        @ParameterizedTest
        @ValueSource(strings = {"500ms", "1s", "1000", "one second"})
        void given_a_trigger_interval_that_is_not_iso_8601_when_loaded_then_it_is_rejected_showing_the_format(
                String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_TRIGGER_INTERVAL", value))
                    .withMessage("PIPELINE_SPARK_TRIGGER_INTERVAL='" + value
                            + "' is invalid: must be an ISO-8601 duration such as PT1S or PT0.5S");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PT0S", "-PT1S", "PT1M0.001S", "PT1H"})
        void given_a_trigger_interval_out_of_range_when_loaded_then_it_is_rejected_naming_the_bounds(String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_TRIGGER_INTERVAL", value))
                    .withMessageStartingWith("PIPELINE_SPARK_TRIGGER_INTERVAL=")
                    .withMessageEndingWith("is invalid: must be greater than 0 and at most 1 minute (PT1M)");
        }
    }

    @Nested
    class ConnectionValidation {

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "65536", "-1", "9042x", ""})
        void given_an_invalid_cassandra_port_when_loaded_then_it_is_rejected_naming_variable_value_and_range(
                String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_CASSANDRA_PORT", value))
                    .withMessage("PIPELINE_CASSANDRA_PORT='" + value + "' is invalid: must be a TCP port in 1..65535");
        }

        @ParameterizedTest
        @ValueSource(strings = {"localhost", "127.0.0.1:", ":9092", "a:9092,", "a:9092,b", "a:99999"})
        void given_malformed_kafka_bootstrap_servers_when_loaded_then_they_are_rejected_naming_the_variable(
                String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_KAFKA_BOOTSTRAP_SERVERS", value))
                    .withMessage("PIPELINE_KAFKA_BOOTSTRAP_SERVERS='" + value
                            + "' is invalid: must be a comma-separated list of host:port with a port in 1..65535");
        }

        @Test
        void given_a_blank_cassandra_host_when_loaded_then_it_is_rejected_naming_the_variable() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_CASSANDRA_HOST", ""))
                    .withMessage("PIPELINE_CASSANDRA_HOST='' is invalid: must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {"lcoal[*]", "local[0]", "local[x]", "spark:/master:7077", ""})
        void given_an_unknown_spark_master_when_loaded_then_it_is_rejected_listing_the_accepted_forms(String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_MASTER", value))
                    .withMessageStartingWith(
                            "PIPELINE_SPARK_MASTER='" + value + "' is invalid: must be a Spark master URL")
                    .withMessageContaining("local[*]");
        }
    }

    @Nested
    class RecordInvariants {

        @Test
        void given_the_source_topic_equal_to_the_dead_letter_topic_when_constructed_then_it_is_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> withTopics("users_created", "users_created", "users_persisted"))
                    .withMessageContaining("must differ");
        }

        @Test
        void given_a_topic_name_with_a_space_when_constructed_then_it_is_rejected_naming_the_component() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> withTopics("users created", "users_created_dlq", "users_persisted"))
                    .withMessage(
                            "sourceTopic='users created' is invalid: must be a Kafka topic name: 1 to 249 of [a-zA-Z0-9._-]");
        }

        @Test
        void given_a_keyspace_starting_with_a_digit_when_constructed_then_it_is_rejected_naming_the_component() {
            SidecarSettings d = SidecarSettings.defaults();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SidecarSettings(
                            d.kafkaBootstrapServers(),
                            d.sourceTopic(),
                            d.deadLetterTopic(),
                            d.persistedTopic(),
                            d.cassandraHost(),
                            d.cassandraPort(),
                            "1streams",
                            d.checkpointDir(),
                            d.triggerInterval(),
                            d.sparkMaster()))
                    .withMessageStartingWith("keyspace='1streams' is invalid");
        }

        @Test
        void given_a_port_out_of_range_when_constructed_then_it_is_rejected_naming_the_component() {
            SidecarSettings d = SidecarSettings.defaults();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SidecarSettings(
                            d.kafkaBootstrapServers(),
                            d.sourceTopic(),
                            d.deadLetterTopic(),
                            d.persistedTopic(),
                            d.cassandraHost(),
                            0,
                            d.keyspace(),
                            d.checkpointDir(),
                            d.triggerInterval(),
                            d.sparkMaster()))
                    .withMessage("cassandraPort='0' is invalid: must be a TCP port in 1..65535");
        }

        @Test
        void given_two_loads_of_the_same_environment_when_compared_then_they_are_equal_values() {
            assertThat(load("PIPELINE_CASSANDRA_PORT", "9043")).isEqualTo(load("PIPELINE_CASSANDRA_PORT", "9043"));
        }
    }

    @Nested
    class SidecarQuerySettings {

        @Test
        void given_an_empty_environment_when_loaded_then_datacenter1_and_50000_offsets_per_trigger() {
            SidecarSettings settings = SidecarSettings.defaults();

            assertThat(settings.cassandraDatacenter()).isEqualTo("datacenter1");
            assertThat(settings.maxOffsetsPerTrigger()).isEqualTo(50_000);
        }

        @Test
        void given_keyspace_datacenter_and_max_offsets_when_loaded_then_they_are_used() {
            SidecarSettings settings = load(
                    "PIPELINE_CASSANDRA_KEYSPACE",
                    "it_ks",
                    "PIPELINE_CASSANDRA_DC",
                    "dc2",
                    "PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER",
                    "1000");

            assertThat(settings.keyspace()).isEqualTo("it_ks");
            assertThat(settings.cassandraDatacenter()).isEqualTo("dc2");
            assertThat(settings.maxOffsetsPerTrigger()).isEqualTo(1000);
        }

        @Test
        void given_a_topic_prefix_when_loaded_then_all_three_topics_carry_it() {
            SidecarSettings settings = load("PIPELINE_KAFKA_TOPIC_PREFIX", "staging.");

            assertThat(settings.sourceTopic()).isEqualTo("staging.users_created");
            assertThat(settings.deadLetterTopic()).isEqualTo("staging.users_created_dlq");
            assertThat(settings.persistedTopic()).isEqualTo("staging.users_persisted");
        }

        @Test
        void given_a_prefix_with_an_illegal_character_when_loaded_then_it_is_rejected_naming_the_variable() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_KAFKA_TOPIC_PREFIX", "a/b"))
                    .withMessageStartingWith("PIPELINE_KAFKA_TOPIC_PREFIX='a/b' is invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-5", "many", ""})
        void given_a_bad_max_offsets_when_loaded_then_it_is_rejected_naming_the_variable(String value) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER", value))
                    .withMessageStartingWith("PIPELINE_SPARK_MAX_OFFSETS_PER_TRIGGER='" + value + "' is invalid");
        }

        @Test
        void given_a_bad_keyspace_or_blank_datacenter_when_loaded_then_they_are_rejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_CASSANDRA_KEYSPACE", "1ks"))
                    .withMessageStartingWith("PIPELINE_CASSANDRA_KEYSPACE='1ks' is invalid");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> load("PIPELINE_CASSANDRA_DC", " "))
                    .withMessageStartingWith("PIPELINE_CASSANDRA_DC=' ' is invalid");
        }
    }
}
