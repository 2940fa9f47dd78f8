package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void given_the_default_policy_then_the_waits_double_from_2_s_up_to_30_s_over_5_tries() {
        RestartPolicy policy = RestartPolicy.DEFAULT;

        assertThat(IntStream.rangeClosed(1, policy.maxRestarts()).mapToObj(policy::delayBefore))
                .containsExactly(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30));
        assertThat(policy.restarts()).isTrue();
    }

    @Test
    void given_never_then_nothing_is_restarted() {
        assertThat(RestartPolicy.NEVER.restarts()).isFalse();
    }

    @Test
    void given_settings_that_would_spin_or_wait_for_ever_then_the_policy_is_refused() {
        assertThatThrownBy(() -> new RestartPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRestarts must be 0 to 100");
        assertThatThrownBy(() -> new RestartPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= firstDelay <= maxDelay <= 1 h");
        assertThatThrownBy(() -> new RestartPolicy(3, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
