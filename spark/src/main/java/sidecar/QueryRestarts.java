package sidecar;

import java.time.Duration;
import java.util.Map;

/**
 * Whether, and after how long, the sidecar starts its streaming query again after it failed: the
 * decision alone, without Spark, so that it can be tested on its own.
 *
 * <p>A query fails when one micro-batch fails, which an outage does: Cassandra stalled or restarting,
 * Kafka away. The checkpoint makes a restarted query replay the unfinished batch (its offsets are
 * logged, its commit is not) and every write is an idempotent upsert, so restarting keeps the writes
 * exactly-once in effect. Restarts wait longer each time ({@code firstDelay}, doubling up to
 * {@code maxDelay}); after {@code maxRestarts} in a row without a finished batch the outage is not a
 * passing one (or the failure is no outage at all) and the sidecar gives up, saying why.
 */
final class QueryRestarts {

    /** SparkConf keys (so {@code -Dspark.sidecar.query.*} or {@code spark-submit --conf} set them). */
    static final String MAX_RESTARTS_SETTING = "spark.sidecar.query.maxRestarts";

    static final String FIRST_DELAY_SETTING = "spark.sidecar.query.restartDelayMS";
    static final String MAX_DELAY_SETTING = "spark.sidecar.query.maxRestartDelayMS";

    /** 2 + 4 + 8 + 16 + 30 + 30 + 30 + 30 s: a Cassandra restart or a stall of a few minutes is ridden out. */
    static final int DEFAULT_MAX_RESTARTS = 8;

    static final Duration DEFAULT_FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

    private static final int MAX_CAUSE_LENGTH = 300;

    /** What to do after a failure; {@code line} says it, for the log. */
    record Decision(boolean restart, Duration delay, int attempt, String line) {}

    private final int maxRestarts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private int failuresInARow;

    QueryRestarts(int maxRestarts, Duration firstDelay, Duration maxDelay) {
        if (maxRestarts < 0 || maxRestarts > 1000) {
            throw new IllegalArgumentException(
                    MAX_RESTARTS_SETTING + "='" + maxRestarts + "' is invalid: must be 0 to 1000");
        }
        if (firstDelay.isNegative()
                || firstDelay.compareTo(maxDelay) > 0
                || maxDelay.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(FIRST_DELAY_SETTING + "='" + firstDelay.toMillis() + "' and "
                    + MAX_DELAY_SETTING + "='" + maxDelay.toMillis() + "' are invalid: must be 0 <= first <= max <= "
                    + Duration.ofHours(1).toMillis() + " ms");
        }
        this.maxRestarts = maxRestarts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** The policy from the SparkConf's settings ({@code conf} as {@code SparkConf.getAll}); unset ones take defaults. */
    static QueryRestarts fromSettings(Map<String, String> conf) {
        return new QueryRestarts(
                (int) number(conf, MAX_RESTARTS_SETTING, DEFAULT_MAX_RESTARTS),
                Duration.ofMillis(number(conf, FIRST_DELAY_SETTING, DEFAULT_FIRST_DELAY.toMillis())),
                Duration.ofMillis(number(conf, MAX_DELAY_SETTING, DEFAULT_MAX_DELAY.toMillis())));
    }

    private static long number(Map<String, String> conf, String key, long fallback) {
        String value = conf.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "='" + value + "' is invalid: must be a whole number", e);
        }
    }

    /**
     * The query failed with {@code failure}; {@code finishedABatch} says whether it committed at least
     * one micro-batch since it was last (re)started, which proves the previous outage over.
     */
    Decision onFailure(Throwable failure, boolean finishedABatch) {
        if (finishedABatch) {
            failuresInARow = 0;
        }
        String cause = describe(failure);
        if (failuresInARow >= maxRestarts) {
            return new Decision(
                    false,
                    Duration.ZERO,
                    failuresInARow,
                    "sidecar: giving up: the query failed " + (failuresInARow + 1) + " times in a row without"
                            + " finishing a batch (" + maxRestarts + " restarts allowed by " + MAX_RESTARTS_SETTING
                            + "); last failure: " + cause);
        }
        failuresInARow++;
        Duration delay = delayBefore(failuresInARow);
        return new Decision(
                true,
                delay,
                failuresInARow,
                "sidecar: query failed: " + cause + "; restarting it in " + seconds(delay) + ", attempt "
                        + failuresInARow + " of " + maxRestarts + " (the checkpoint replays the unfinished batch)");
    }

    /** The wait before restart {@code attempt} (1 for the first): doubling from {@code firstDelay}, at most {@code maxDelay}. */
    Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * The innermost cause, which names what broke (the driver's "All 1 node(s) tried for the query
     * failed", a Kafka timeout), where Spark's wrappers only say that a job was aborted.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= MAX_CAUSE_LENGTH ? text : text.substring(0, MAX_CAUSE_LENGTH) + "...";
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }
}
