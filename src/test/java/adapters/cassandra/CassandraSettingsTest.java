package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import adapters.cassandra.CassandraSettings.ContactPoint;
import adapters.cassandra.CassandraSettings.Replication;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {

    @Test
    void given_only_contact_points_when_defaults_then_datacenter1_spark_streams_rf1_and_5s() {
        CassandraSettings settings = CassandraSettings.defaults("127.0.0.1:9042");

        assertThat(settings.contactPoints()).containsExactly(new ContactPoint("127.0.0.1", 9042));
        assertThat(settings.localDatacenter()).isEqualTo("datacenter1");
        assertThat(settings.keyspace()).isEqualTo("spark_streams");
        assertThat(settings.replication().cql()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void given_a_list_with_hostnames_and_ipv6_when_parsed_then_every_point_is_kept_in_order() {
        assertThat(ContactPoint.parseList("cass-1:9042, cass-2:9043,[::1]:9044"))
                .containsExactly(
                        new ContactPoint("cass-1", 9042),
                        new ContactPoint("cass-2", 9043),
                        new ContactPoint("::1", 9044));
        assertThat(new ContactPoint("::1", 9044)).hasToString("[::1]:9044");
    }

    @Test
    void given_malformed_contact_points_when_parsed_then_the_error_quotes_the_input() {
        for (String bad : List.of("", "cass-1", "cass-1:", "cass-1:9042,", "cass 1:9042", "cass-1:99999")) {
            assertThatThrownBy(() -> ContactPoint.parseList(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ContactPoint.parseList("cass-1"))
                .hasMessageContaining("host:port")
                .hasMessageContaining("'cass-1'");
    }

    @Test
    void given_datacenter_factors_when_network_topology_then_cql_lists_them_in_the_given_order() {
        Map<String, Integer> factors = new LinkedHashMap<>();
        factors.put("eu-west", 3);
        factors.put("us_east", 2);

        assertThat(Replication.networkTopology(factors).cql())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'eu-west': 3, 'us_east': 2}");
    }

    @Test
    void given_replication_text_when_parsed_then_a_number_is_simple_and_dc_pairs_are_network_topology() {
        assertThat(Replication.parse("3")).isEqualTo(Replication.simple(3));
        assertThat(Replication.parse("dc1:3, dc2:1").cql())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 1}");
        for (String bad : List.of("", "0", "dc1", "dc1:x", "dc1:3,dc1:2", "dc'1:3", "dc1:0")) {
            assertThatThrownBy(() -> Replication.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void given_invalid_values_when_settings_are_built_then_each_is_refused_by_name() {
        CassandraSettings ok = CassandraSettings.defaults("localhost:9042");

        assertThatThrownBy(() -> ok.withKeyspace("Spark_Streams")).hasMessageContaining("keyspace");
        assertThatThrownBy(() -> ok.withKeyspace("1ks")).hasMessageContaining("keyspace");
        assertThatThrownBy(() -> ok.withKeyspace("ks; DROP KEYSPACE x")).hasMessageContaining("keyspace");
        assertThatThrownBy(() -> ok.withKeyspace("k".repeat(49))).hasMessageContaining("keyspace");
        assertThatThrownBy(() -> ok.withLocalDatacenter("dc 1")).hasMessageContaining("localDatacenter");
        assertThatThrownBy(() -> ok.withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> ok.withReplication(null)).hasMessageContaining("replication");
        assertThatThrownBy(() ->
                        new CassandraSettings(List.of(), "dc", "ks", Replication.simple(1), Duration.ofSeconds(1)))
                .hasMessageContaining("contactPoints");
        assertThat(ok.withKeyspace("it_users_1").keyspace()).isEqualTo("it_users_1");
    }

    @Test
    void given_a_paging_token_secret_when_printing_the_settings_then_it_is_hidden_and_a_short_one_is_refused() {
        CassandraSettings base = CassandraSettings.defaults("127.0.0.1:9042");
        String secret = "s".repeat(CassandraSettings.MIN_PAGING_TOKEN_SECRET_CHARS);

        assertThat(base.withPagingTokenSecret(secret).toString())
                .doesNotContain(secret)
                .contains("***");
        assertThat(base.toString()).contains("random per process");
        assertThatThrownBy(() -> base.withPagingTokenSecret("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("short");
    }
}
