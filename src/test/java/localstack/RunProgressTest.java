package localstack;

import static org.assertj.core.api.Assertions.assertThat;

import json.PipelineJson;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    @Test
    void given_half_persisted_after_two_seconds_then_the_bar_is_half_full_with_rate_and_eta() {
        RunProgress progress = new RunProgress("FETCHED", 10_000, 10_000, 8_000, 5_000, 2.0);

        assertThat(progress.bar())
                .isEqualTo("[###############...............]  50% fetched 10,000 | published 8,000"
                        + " | persisted 5,000 | 2,500 users/s | ETA 2 s");
    }

    @Test
    void given_nothing_persisted_yet_then_the_eta_is_unknown_and_the_bar_empty() {
        RunProgress progress = new RunProgress("FETCHING", 1_000, 0, 0, 0, 0.5);

        assertThat(progress.etaSeconds()).isNegative();
        assertThat(progress.bar()).startsWith("[" + ".".repeat(30) + "]   0% ").endsWith("ETA -");
    }

    @Test
    void given_a_log_instead_of_a_terminal_then_one_plain_line_carries_time_status_and_counters() {
        RunProgress progress = new RunProgress("COMPLETED", 500, 500, 500, 500, 4.25);

        assertThat(progress.line())
                .isEqualTo(
                        "  4.3 s COMPLETED: fetched 500 | published 500 | persisted 500" + " | 118 users/s | ETA 0 s");
    }

    @Test
    void given_the_run_waits_for_kafka_then_the_reading_says_so_instead_of_an_eta() {
        RunProgress progress = new RunProgress("FETCHED", 10_000, 10_000, 8_000, 5_000, 2.0, "Kafka since 12 s");

        assertThat(progress.bar())
                .endsWith("| 2,500 users/s | waiting for Kafka since 12 s")
                .doesNotContain("ETA");
        assertThat(progress.line()).endsWith("waiting for Kafka since 12 s");
    }

    @Test
    void given_a_run_view_waiting_for_kafka_then_it_reads_kafka_since_its_seconds() throws Exception {
        var mapper = PipelineJson.mapper();

        assertThat(RunTimeline.waitingFor(mapper.readTree(
                        "{\"dependency\":\"kafka\",\"since\":\"2026-11-27T10:00:00Z\",\"seconds\":12}")))
                .isEqualTo("Kafka since 12 s");
        assertThat(RunTimeline.waitingFor(mapper.readTree("null"))).isNull();
        assertThat(RunTimeline.waitingFor(mapper.missingNode())).isNull();
    }

    @Test
    void given_a_cancelled_run_then_it_has_ended_like_a_completed_or_failed_one() {
        assertThat(new RunProgress("CANCELLED", 500, 100, 100, 100, 1.0).ended())
                .isTrue();
        assertThat(new RunProgress("FAILED", 500, 100, 100, 100, 1.0).ended()).isTrue();
        assertThat(new RunProgress("FETCHED", 500, 500, 500, 100, 1.0).ended()).isFalse();
    }
}
