package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CachedProbeTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void given_a_fresh_answer_when_asked_again_within_the_ttl_then_the_cluster_is_not_asked_again() {
        CachedProbe probe = new CachedProbe(() -> "ok #" + checks.incrementAndGet(), Duration.ofSeconds(1), now::get);

        String first = probe.get();
        now.addAndGet(Duration.ofMillis(999).toNanos());

        assertThat(probe.get()).isEqualTo(first).isEqualTo("ok #1");
        assertThat(checks).hasValue(1);
    }

    @Test
    void given_an_answer_older_than_the_ttl_when_asked_then_the_cluster_is_asked_again() {
        CachedProbe probe = new CachedProbe(() -> "ok #" + checks.incrementAndGet(), Duration.ofSeconds(1), now::get);

        probe.get();
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(probe.get()).isEqualTo("ok #2");
    }

    @Test
    void given_a_check_that_throws_or_answers_on_several_lines_when_asked_then_one_line_comes_back() {
        CachedProbe throwing = new CachedProbe(
                () -> {
                    throw new IllegalStateException("boom");
                },
                Duration.ofSeconds(1),
                now::get);
        CachedProbe multiline =
                new CachedProbe(() -> "broker down\n  at line two\r\n", Duration.ofSeconds(1), now::get);

        assertThat(throwing.get()).isEqualTo("probe failed: java.lang.IllegalStateException: boom");
        assertThat(multiline.get()).isEqualTo("broker down at line two");
    }
}
