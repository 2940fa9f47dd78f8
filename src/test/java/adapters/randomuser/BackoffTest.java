package adapters.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static Backoff backoff(double jitter) {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), () -> jitter);
    }

    @Test
    void given_successive_retries_when_computing_bounds_then_they_double_up_to_the_cap() {
        Backoff backoff = backoff(1.0);

        assertThat(backoff.bound(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.bound(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.bound(3)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.bound(6)).isEqualTo(Duration.ofMillis(8000));
        assertThat(backoff.bound(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.bound(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void given_full_jitter_when_computing_a_delay_then_it_is_the_bound_scaled_by_the_random_fraction() {
        assertThat(backoff(0.5).delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff(0.0).delay(3, Optional.empty())).isEqualTo(Duration.ZERO);
    }

    @Test
    void given_a_retry_after_when_computing_a_delay_then_it_is_the_floor_capped_at_60_s() {
        assertThat(backoff(0.1).delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff(1.0).delay(7, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff(0.0).delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void given_retry_after_values_when_parsing_then_delta_seconds_and_http_dates_are_understood() {
        assertThat(Backoff.parseRetryAfter("2", NOW)).contains(Duration.ofSeconds(2));
        assertThat(Backoff.parseRetryAfter(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.parseRetryAfter("99999999999999999999", NOW)).contains(Backoff.MAX_RETRY_AFTER);
        assertThat(Backoff.parseRetryAfter("Wed, 01 May 2024 12:00:30 GMT", NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(Backoff.parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", NOW))
                .contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("-5", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("", NOW)).isEmpty();
    }
}
