package embedded;

import java.time.Duration;

/**
 * How the supervisor of an embedded server restarts it when it dies: up to {@code maxRestarts} tries
 * in a row, waiting {@code firstDelay} before the first and twice as long before each next one, at
 * most {@code maxDelay}. A server that then stays up for {@code stableAfter} has its count of tries
 * reset, so a long-lived stack is not given up on because of crashes days apart.
 *
 * @param maxRestarts 0 turns restarts off: a server that dies stays down and the stack reports it
 */
public record RestartPolicy(int maxRestarts, Duration firstDelay, Duration maxDelay, Duration stableAfter) {

    /** How many restarts in a row {@link #DEFAULT} allows. */
    public static final int DEFAULT_MAX_RESTARTS = 5;

    /** What {@code ./pipeline up} and {@code ./pipeline demo} use: 5 tries over about a minute. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(
            DEFAULT_MAX_RESTARTS, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** No restarts: a server that dies stays down (tests that crash a server on purpose). */
    public static final RestartPolicy NEVER = new RestartPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Bounds each setting so that a policy can neither spin nor wait for ever. */
    public RestartPolicy {
        if (maxRestarts < 0 || maxRestarts > 100) {
            throw new IllegalArgumentException("maxRestarts must be 0 to 100, was " + maxRestarts);
        }
        if (firstDelay.isNegative()
                || maxDelay.compareTo(firstDelay) < 0
                || maxDelay.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "delays must satisfy 0 <= firstDelay <= maxDelay <= 1 h, were " + firstDelay + " and " + maxDelay);
        }
        if (stableAfter.isNegative()) {
            throw new IllegalArgumentException("stableAfter must not be negative, was " + stableAfter);
        }
    }

    /** The wait before try {@code attempt} (1 for the first): exponential, capped at {@code maxDelay}. */
    public Duration delayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, was " + attempt);
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean restarts() {
        return maxRestarts > 0;
    }
}
