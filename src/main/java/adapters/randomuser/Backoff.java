package adapters.randomuser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before retry n is uniform in [0, min(max, initial * 2^(n-1))],
 * so many clients failing together spread out instead of hitting the source again in step. A
 * {@code Retry-After} from the source is a floor, capped so one odd header cannot stall a run.
 */
final class Backoff {

    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final long initialNanos;
    private final long maxNanos;
    private final DoubleSupplier jitter;

    Backoff(Duration initial, Duration max, DoubleSupplier jitter) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
    }

    /** The upper bound of the wait before the given retry (1 = the wait after the first failed attempt). */
    Duration bound(int retry) {
        int doublings = retry - 1;
        if (doublings >= 62 || initialNanos > (maxNanos >> doublings)) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(Math.min(maxNanos, initialNanos << doublings));
    }

    Duration delay(int retry, Optional<Duration> retryAfter) {
        double fraction = Math.max(0.0, Math.min(1.0, jitter.getAsDouble()));
        Duration jittered = Duration.ofNanos((long) (bound(retry).toNanos() * fraction));
        Duration floor = retryAfter.map(wait -> min(wait, MAX_RETRY_AFTER)).orElse(Duration.ZERO);
        return jittered.compareTo(floor) >= 0 ? jittered : floor;
    }

    /** Reads a {@code Retry-After} value: delta-seconds or an HTTP-date; empty when it is neither. */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        String value = header.strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // anything longer than 9 digits is beyond any cap anyway
            return Optional.of(value.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
