package embedded.randomuser;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One kind of misbehaviour of the loopback RandomUser source, applied to one API request (or to
 * {@link #times()} consecutive ones when queued in a {@link FaultPlan}). Immutable.
 *
 * <p>Text syntax (used by {@code POST /_control/faults}, the {@code fault=} query parameter and
 * {@link #parse}/{@link #parseList}); keywords are case-insensitive, {@code =} and {@code :} are
 * interchangeable:
 * <pre>
 *   spec  := item (SEP item)*       SEP is ',' or a newline; when the text contains a newline only
 *                                   newlines separate, so error messages may contain commas
 *   item  := fault ['x' N]          the fault for the next N API requests (default 1)
 *          | every=N:fault          the fault on every Nth API request (until cleared)
 *   fault := CODE[=SECONDS]         HTTP status 400..599 with a JSON error body; SECONDS sets
 *                                   Retry-After (429 always has one, default 1)
 *          | slow=DURATION          answer normally after a delay; DURATION is 250ms, 2s or 250 (ms)
 *          | garbage                200, non-JSON body (an HTML error page)
 *          | truncated              200, a valid response cut in the middle (Content-Length of the cut)
 *          | error[=MESSAGE]        200 with {"error":MESSAGE}, as the real API sometimes does
 *          | disconnect             the connection is closed without any response
 * </pre>
 * Example: {@code 429x3,503,garbage,truncated,slow=2000ms,error=Uh oh,every=5:503}.
 */
public final class Fault {

    /** What the server does instead of (or before) a normal answer. */
    public enum Kind {
        STATUS,
        SLOW,
        GARBAGE,
        TRUNCATED,
        ERROR_BODY,
        DISCONNECT
    }

    private final Kind kind;
    private final int status;
    private final int retryAfterSeconds;
    private final Duration delay;
    private final String message;
    private final int times;

    private Fault(Kind kind, int status, int retryAfterSeconds, Duration delay, String message, int times) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.message = message;
        this.times = times;
    }

    /** An HTTP error status (400..599) with a JSON {@code {"error":...}} body; 429 carries Retry-After: 1. */
    public static Fault status(int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("fault status must be 400..599: " + code);
        }
        return new Fault(Kind.STATUS, code, code == 429 ? 1 : -1, Duration.ZERO, null, 1);
    }

    /** A normal answer sent after {@code delay} (the worker threads are not blocked meanwhile). */
    public static Fault slow(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        return new Fault(Kind.SLOW, 200, -1, delay, null, 1);
    }

    /** HTTP 200 whose body is not JSON (an HTML error page, as a misbehaving proxy sends). */
    public static Fault garbage() {
        return new Fault(Kind.GARBAGE, 200, -1, Duration.ZERO, null, 1);
    }

    /** HTTP 200 with the first half of a valid response (Content-Length matches the cut body). */
    public static Fault truncated() {
        return new Fault(Kind.TRUNCATED, 200, -1, Duration.ZERO, null, 1);
    }

    /** HTTP 200 with {@code {"error":message}}, as the real API answers some failures. */
    public static Fault errorBody(String message) {
        return new Fault(Kind.ERROR_BODY, 200, -1, Duration.ZERO, Objects.requireNonNull(message), 1);
    }

    /** The connection is closed without sending any response. */
    public static Fault disconnect() {
        return new Fault(Kind.DISCONNECT, 0, -1, Duration.ZERO, null, 1);
    }

    /** The same fault for {@code n} consecutive requests when queued (n >= 1). */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + n);
        }
        return new Fault(kind, status, retryAfterSeconds, delay, message, n);
    }

    /** Sets the Retry-After header (seconds) of a status fault. */
    public Fault retryAfter(int seconds) {
        if (kind != Kind.STATUS || seconds < 0) {
            throw new IllegalArgumentException("Retry-After needs a status fault and seconds >= 0");
        }
        return new Fault(kind, status, seconds, delay, message, times);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status sent (0 for {@link Kind#DISCONNECT}). */
    public int status() {
        return status;
    }

    /** Retry-After seconds, or -1 when the header is not sent. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Duration delay() {
        return delay;
    }

    /** Message of an {@link Kind#ERROR_BODY} fault, else null. */
    public String message() {
        return message;
    }

    public int times() {
        return times;
    }

    /** Short name used as the key in the stats: "429", "503", "slow", "garbage", "truncated", "error", "disconnect". */
    public String label() {
        return switch (kind) {
            case STATUS -> Integer.toString(status);
            case SLOW -> "slow";
            case GARBAGE -> "garbage";
            case TRUNCATED -> "truncated";
            case ERROR_BODY -> "error";
            case DISCONNECT -> "disconnect";
        };
    }

    /** This fault in the text syntax (one item, with its repeat count if > 1). */
    @Override
    public String toString() {
        String s = switch (kind) {
            case STATUS -> retryAfterSeconds >= 0 ? status + "=" + retryAfterSeconds : Integer.toString(status);
            case SLOW -> "slow=" + delay.toMillis() + "ms";
            case ERROR_BODY -> "error=" + message;
            default -> label();
        };
        return times > 1 ? s + "x" + times : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f
                && f.kind == kind
                && f.status == status
                && f.retryAfterSeconds == retryAfterSeconds
                && f.delay.equals(delay)
                && Objects.equals(f.message, message)
                && f.times == times;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, retryAfterSeconds, delay, message, times);
    }

    // ---------------------------------------------------------------------------- text syntax

    /** A parsed spec: faults to queue in order, and periodic faults. */
    public record Spec(List<Fault> queued, List<Periodic> periodic) {}

    /** A fault applied to every {@code n}th API request. */
    public record Periodic(int n, Fault fault) {
        public Periodic {
            if (n < 1) {
                throw new IllegalArgumentException("every needs n >= 1: " + n);
            }
            Objects.requireNonNull(fault);
        }

        @Override
        public String toString() {
            return "every=" + n + ":" + fault;
        }
    }

    /** Parses a whole spec (see the class comment); throws IllegalArgumentException with a reason. */
    public static Spec parseList(String spec) {
        return FaultSyntax.parseList(spec);
    }

    /** Parses one item: a fault with an optional {@code xN} repeat suffix. */
    public static Fault parse(String item) {
        return FaultSyntax.parse(item);
    }
}
