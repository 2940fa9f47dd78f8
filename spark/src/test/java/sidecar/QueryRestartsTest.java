package sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class QueryRestartsTest {

    private static final Throwable CASSANDRA_DOWN = new IllegalStateException(
            "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times",
            new IllegalStateException(
                    "a Cassandra write failed",
                    new RuntimeException(
                            "All 1 node(s) tried for the query failed\n  Node(endPoint=/127.0.0.1:9042)")));

    @Test
    void
            given_the_defaults_when_the_query_keeps_failing_then_it_is_restarted_8_times_with_doubling_delays_capped_at_30_s() {
        QueryRestarts restarts = QueryRestarts.fromSettings(Map.of());

        List<QueryRestarts.Decision> decisions = new ArrayList<>();
        IntStream.range(0, 9).forEach(i -> decisions.add(restarts.onFailure(CASSANDRA_DOWN, false)));

        assertThat(decisions.subList(0, 8))
                .extracting(QueryRestarts.Decision::delay)
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        assertThat(decisions.subList(0, 8)).allMatch(QueryRestarts.Decision::restart);
        assertThat(decisions.get(8).restart()).isFalse();
    }

    @Test
    void given_a_failure_when_restarting_then_the_line_names_the_root_cause_the_delay_and_the_attempt() {
        QueryRestarts restarts = new QueryRestarts(5, Duration.ofSeconds(2), Duration.ofSeconds(30));

        QueryRestarts.Decision first = restarts.onFailure(CASSANDRA_DOWN, false);

        assertThat(first.line())
                .isEqualTo("sidecar: query failed: RuntimeException: All 1 node(s) tried for the query failed;"
                        + " restarting it in 2 s, attempt 1 of 5 (the checkpoint replays the unfinished batch)");
    }

    @Test
    void given_the_restarts_are_used_up_when_it_fails_again_then_it_gives_up_with_the_last_cause() {
        QueryRestarts restarts = new QueryRestarts(2, Duration.ofMillis(10), Duration.ofMillis(10));
        restarts.onFailure(CASSANDRA_DOWN, false);
        restarts.onFailure(CASSANDRA_DOWN, false);

        QueryRestarts.Decision third = restarts.onFailure(new IllegalStateException("Kafka is away"), false);

        assertThat(third.restart()).isFalse();
        assertThat(third.line())
                .startsWith("sidecar: giving up: the query failed 3 times in a row without finishing a batch")
                .contains("2 restarts allowed by spark.sidecar.query.maxRestarts")
                .endsWith("last failure: IllegalStateException: Kafka is away");
    }

    @Test
    void given_the_query_finished_a_batch_since_its_last_restart_when_it_fails_then_the_count_starts_over() {
        QueryRestarts restarts = new QueryRestarts(2, Duration.ofSeconds(1), Duration.ofSeconds(8));
        restarts.onFailure(CASSANDRA_DOWN, false);
        restarts.onFailure(CASSANDRA_DOWN, false);

        QueryRestarts.Decision afterRecovery = restarts.onFailure(CASSANDRA_DOWN, true);

        assertThat(afterRecovery.restart()).isTrue();
        assertThat(afterRecovery.attempt()).isEqualTo(1);
        assertThat(afterRecovery.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void given_no_restarts_allowed_when_the_query_fails_then_it_gives_up_at_once() {
        QueryRestarts restarts = QueryRestarts.fromSettings(Map.of(QueryRestarts.MAX_RESTARTS_SETTING, "0"));

        assertThat(restarts.onFailure(CASSANDRA_DOWN, false).restart()).isFalse();
    }

    @Test
    void given_settings_from_the_spark_conf_then_they_set_the_delays() {
        QueryRestarts restarts = QueryRestarts.fromSettings(
                Map.of(QueryRestarts.FIRST_DELAY_SETTING, "500", QueryRestarts.MAX_DELAY_SETTING, "1500"));

        assertThat(restarts.delayBefore(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(restarts.delayBefore(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(restarts.delayBefore(3)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void given_a_setting_that_is_no_number_or_out_of_range_then_it_is_rejected_naming_the_setting() {
        assertThatThrownBy(() -> QueryRestarts.fromSettings(Map.of(QueryRestarts.MAX_RESTARTS_SETTING, "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spark.sidecar.query.maxRestarts='many' is invalid: must be a whole number");
        assertThatThrownBy(() -> QueryRestarts.fromSettings(Map.of(QueryRestarts.MAX_RESTARTS_SETTING, "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 0 to 1000");
        assertThatThrownBy(() -> QueryRestarts.fromSettings(Map.of(QueryRestarts.FIRST_DELAY_SETTING, "60000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spark.sidecar.query.restartDelayMS='60000'");
    }

    @Test
    void given_a_very_long_message_then_the_cause_is_cut_to_one_short_line() {
        String cause = QueryRestarts.describe(new RuntimeException("x".repeat(1000) + "\nsecond line"));

        assertThat(cause).hasSize(303).endsWith("...").doesNotContain("\n");
    }
}
