package application.port.in;

import java.time.Duration;

/**
 * The instance already fetches as many runs as it may at once; the client asks again later. Maps
 * to HTTP 429 with {@code Retry-After}.
 */
public final class TooManyRunsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int maxActiveRuns;
    private final Duration retryAfter;

    public TooManyRunsException(int maxActiveRuns, Duration retryAfter) {
        super(maxActiveRuns + " runs are fetching already, the most this instance runs at once (maxActiveRuns); "
                + "ask again once one has every page stored, in about " + retryAfter.toSeconds() + " s");
        this.maxActiveRuns = maxActiveRuns;
        this.retryAfter = retryAfter;
    }

    public int maxActiveRuns() {
        return maxActiveRuns;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
