package adapters.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import adapters.randomuser.RandomUserSettings.RateLimit;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {

    private final FakeTime time = new FakeTime();

    private SlidingWindowRateLimiter limiter(int users, Duration window) {
        return new SlidingWindowRateLimiter(new RateLimit(users, window), time, time);
    }

    @Test
    void given_requests_within_the_limit_when_acquiring_then_nothing_waits() throws InterruptedException {
        SlidingWindowRateLimiter limiter = limiter(18_000, Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            limiter.acquire(5000);
        }
        limiter.acquire(3000);

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void given_a_full_window_when_acquiring_then_it_waits_until_the_oldest_requests_leave_it()
            throws InterruptedException {
        SlidingWindowRateLimiter limiter = limiter(18_000, Duration.ofMinutes(5));
        limiter.acquire(5000); // t = 0
        time.sleep(Duration.ofMinutes(1));
        limiter.acquire(5000); // t = 1 min
        limiter.acquire(5000); // t = 1 min, 15,000 in the window

        limiter.acquire(5000); // needs the t = 0 request gone: t = 5 min

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(4));
        assertThat(time.nanoTime()).isEqualTo(Duration.ofMinutes(5).toNanos());
    }

    @Test
    void given_a_window_a_sliding_log_when_bursting_then_no_window_ever_holds_more_than_the_limit()
            throws InterruptedException {
        // a token bucket would let 2 x 18,000 through within the first 5 minutes; the source counts per window
        SlidingWindowRateLimiter limiter = limiter(18_000, Duration.ofMinutes(5));

        for (int i = 0; i < 8; i++) {
            limiter.acquire(4500);
        }

        assertThat(time.nanoTime()).isGreaterThanOrEqualTo(Duration.ofMinutes(5).toNanos());
    }

    @Test
    void given_a_request_bigger_than_the_limit_when_acquiring_then_it_goes_alone_instead_of_waiting_forever()
            throws InterruptedException {
        SlidingWindowRateLimiter limiter = limiter(1000, Duration.ofMinutes(1));

        limiter.acquire(5000);
        limiter.acquire(1);

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }
}
