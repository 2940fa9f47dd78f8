package bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadGroupCpuTest {

    @Test
    void threads_are_grouped_by_the_stage_their_name_tells() {
        assertThat(ThreadGroupCpu.groupOf("fetch-pages-3")).isEqualTo("fetch + parse + append");
        assertThat(ThreadGroupCpu.groupOf("EventProcessor[users-created-outbox]-0"))
                .isEqualTo("outbox (read, publish)");
        assertThat(ThreadGroupCpu.groupOf("kafka-producer-network-thread | user-pipeline-publisher"))
                .isEqualTo("outbox (read, publish)");
        assertThat(ThreadGroupCpu.groupOf("H2-serialization")).isEqualTo("event store background");
        assertThat(ThreadGroupCpu.groupOf("randomuser-http-2")).isEqualTo(ThreadGroupCpu.SOURCE);
        assertThat(ThreadGroupCpu.groupOf("main")).isEqualTo(ThreadGroupCpu.HARNESS);
        assertThat(ThreadGroupCpu.groupOf("dependency-watch")).isEqualTo("other app threads");
    }

    @Test
    void given_two_readings_when_compared_then_what_no_live_thread_used_is_the_jvms() {
        ThreadGroupCpu before = new ThreadGroupCpu(
                1_000_000_000L,
                Map.of(1L, 100_000_000L, 2L, 0L),
                Map.of(1L, "fetch + parse + append", 2L, "source"),
                Map.of(ThreadGroupCpu.GC, 0L));
        ThreadGroupCpu after = new ThreadGroupCpu(
                4_000_000_000L,
                Map.of(1L, 1_100_000_000L, 2L, 500_000_000L, 3L, 200_000_000L),
                Map.of(1L, "fetch + parse + append", 2L, "source", 3L, "outbox (read, publish)"),
                Map.of(ThreadGroupCpu.GC, 300_000_000L));

        Map<String, Double> seconds = after.secondsSince(before);

        assertThat(seconds.get("fetch + parse + append")).isCloseTo(1.0, within(1e-9));
        assertThat(seconds.get("source")).isCloseTo(0.5, within(1e-9));
        assertThat(seconds.get("outbox (read, publish)")).isCloseTo(0.2, within(1e-9));
        assertThat(seconds.get(ThreadGroupCpu.GC)).isCloseTo(0.3, within(1e-9));
        assertThat(seconds.get(ThreadGroupCpu.JVM)).isCloseTo(1.0, within(1e-9));
        assertThat(ThreadGroupCpu.appSeconds(seconds)).isCloseTo(2.5, within(1e-9));
    }
}
