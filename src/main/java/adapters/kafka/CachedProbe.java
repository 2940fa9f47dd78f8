package adapters.kafka;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Remembers a probe's answer for a short while: /ready may be polled by several monitors at once,
 * and each real check is a round trip to the cluster (or, when it is down, a wait for a timeout).
 * Synchronized so that concurrent callers share one check instead of piling up their own.
 */
final class CachedProbe {

    private final Supplier<String> check;
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    private String answer;
    private long answeredAt;

    CachedProbe(Supplier<String> check, Duration ttl, LongSupplier nanoTime) {
        this.check = check;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** @return "ok" or a one-line problem; never throws */
    synchronized String get() {
        if (answer != null && nanoTime.getAsLong() - answeredAt < ttlNanos) {
            return answer;
        }
        answer = oneLine(safely());
        // counted from the end of the check, so a check that timed out is not retried at once
        answeredAt = nanoTime.getAsLong();
        return answer;
    }

    private String safely() {
        try {
            String result = check.get();
            return result == null ? "probe gave no answer" : result;
        } catch (RuntimeException e) {
            return "probe failed: " + e;
        }
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
