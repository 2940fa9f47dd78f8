package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void given_a_template_when_rendered_then_every_placeholder_is_replaced_verbatim() {
        String rendered =
                Templates.render("dir=${DATA_DIR}\nport=${PORT}\n", Map.of("DATA_DIR", "/a/$b\\c", "PORT", "9"));

        assertThat(rendered).isEqualTo("dir=/a/$b\\c\nport=9\n");
    }

    @Test
    void given_a_placeholder_without_value_when_rendered_then_it_fails_naming_it() {
        assertThatThrownBy(() -> Templates.render("x=${MISSING}", Map.of()))
                .hasMessage("no value for placeholder ${MISSING}");
    }

    @Test
    void given_the_shipped_kafka_config_when_rendered_then_it_binds_loopback_only() {
        String properties = Templates.render(
                Templates.resource("kafka/server.properties"),
                Map.of(
                        "LOG_DIR",
                        "/data",
                        "BROKER_PORT",
                        "19092",
                        "CONTROLLER_PORT",
                        "19093",
                        "NODE_ID",
                        "1",
                        "LISTENER",
                        "PLAINTEXT"));

        assertThat(properties)
                .contains("127.0.0.1:19092", "127.0.0.1:19093", "/data")
                .doesNotContain("${");
        assertThat(properties.lines().filter(line -> line.startsWith("listeners=")))
                .singleElement()
                .asString()
                .doesNotContain("0.0.0.0");
    }

    @Test
    void
            given_a_data_dir_with_a_space_and_a_hash_when_the_cassandra_config_is_rendered_then_each_path_is_one_quoted_scalar() {
        String yaml = Templates.render(
                Templates.resource("cassandra/cassandra.yaml"),
                Map.of(
                        "DATA_DIR",
                        "/srv/clone test #2/work: a/cassandra",
                        "NATIVE_PORT",
                        "19042",
                        "STORAGE_PORT",
                        "17000",
                        "CLUSTER_NAME",
                        "pipeline",
                        "AUTHENTICATOR",
                        "AllowAllAuthenticator"));

        assertThat(yaml.lines().map(String::strip))
                .contains(
                        "- '/srv/clone test #2/work: a/cassandra/data'",
                        "commitlog_directory: '/srv/clone test #2/work: a/cassandra/commitlog'",
                        "saved_caches_directory: '/srv/clone test #2/work: a/cassandra/saved_caches'",
                        "hints_directory: '/srv/clone test #2/work: a/cassandra/hints'",
                        "cdc_raw_directory: '/srv/clone test #2/work: a/cassandra/cdc_raw'");
    }

    @Test
    void given_the_shipped_cassandra_config_when_rendered_then_it_binds_loopback_only() {
        String yaml = Templates.render(
                Templates.resource("cassandra/cassandra.yaml"),
                Map.of(
                        "DATA_DIR",
                        "/data",
                        "NATIVE_PORT",
                        "19042",
                        "STORAGE_PORT",
                        "17000",
                        "CLUSTER_NAME",
                        "pipeline",
                        "AUTHENTICATOR",
                        "AllowAllAuthenticator"));

        assertThat(yaml)
                .contains("listen_address: 127.0.0.1", "rpc_address: 127.0.0.1", "19042", "/data")
                .doesNotContain("${", "0.0.0.0");
    }

    @Test
    void given_a_jvm_options_file_then_comments_and_blank_lines_are_skipped() {
        assertThat(Templates.jvmOptions("cassandra/jvm17-server.options"))
                .isNotEmpty()
                .allSatisfy(option -> assertThat(option).startsWith("-").doesNotContain("#"))
                .noneMatch(option -> option.startsWith("-Xmx"));
    }
}
