package embedded.randomuser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    public enum Kind { STATUS, SLOW, GARBAGE, TRUNCATED, ERROR_BODY, DISCONNECT }

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
        return o instanceof Fault f && f.kind == kind && f.status == status && f.retryAfterSeconds == retryAfterSeconds
            && f.delay.equals(delay) && Objects.equals(f.message, message) && f.times == times;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, retryAfterSeconds, delay, message, times);
    }

    // ---------------------------------------------------------------------------- parsing

    /** A parsed spec: faults to queue in order, and periodic faults. */
    public record Spec(List<Fault> queued, List<Periodic> periodic) {
    }

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

    private static final Pattern REPEAT = Pattern.compile("^(.*?)\\s*[xX](\\d{1,9})$", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("^(\\d{1,12})\\s*(ms|s)?$");

    /** Parses a whole spec (see the class comment); throws IllegalArgumentException with a reason. */
    public static Spec parseList(String spec) {
        List<Fault> queued = new ArrayList<>();
        List<Periodic> periodic = new ArrayList<>();
        String text = spec.replace("\r", "");
        String[] items = text.contains("\n") ? text.split("\n") : text.split(",");
        for (String raw : items) {
            String item = raw.strip();
            if (item.isEmpty() || item.startsWith("#")) {
                continue;
            }
            String lower = item.toLowerCase(Locale.ROOT);
            if (lower.startsWith("every=") || lower.startsWith("every:")) {
                String rest = item.substring(6);
                int sep = indexOfSeparator(rest);
                if (sep < 0) {
                    throw new IllegalArgumentException("expected every=N:fault, got: " + item);
                }
                int n = parseInt(rest.substring(0, sep).strip(), item);
                Fault f = parse(rest.substring(sep + 1));
                if (REPEAT.matcher(rest.substring(sep + 1).strip()).matches()) {
                    throw new IllegalArgumentException("every=N:fault takes no repeat count: " + item);
                }
                periodic.add(new Periodic(n, f));
            } else {
                queued.add(parse(item));
            }
        }
        return new Spec(List.copyOf(queued), List.copyOf(periodic));
    }

    /** Parses one item: a fault with an optional {@code xN} repeat suffix. */
    public static Fault parse(String item) {
        String s = item.strip();
        int times = -1;
        Matcher m = REPEAT.matcher(s);
        if (m.matches() && !m.group(1).isEmpty()) {
            times = parseInt(m.group(2), item);
            s = m.group(1).strip();
        }
        int sep = indexOfSeparator(s);
        String name = (sep < 0 ? s : s.substring(0, sep)).strip().toLowerCase(Locale.ROOT);
        String arg = sep < 0 ? null : s.substring(sep + 1);
        Fault f;
        switch (name) {
            case "slow" -> {
                if (arg == null) {
                    throw new IllegalArgumentException("slow needs a duration, e.g. slow=2s: " + item);
                }
                Matcher d = DURATION.matcher(arg.strip().toLowerCase(Locale.ROOT));
                if (!d.matches()) {
                    throw new IllegalArgumentException("bad duration (use 250ms, 2s or 250): " + item);
                }
                long v = Long.parseLong(d.group(1));
                f = slow("s".equals(d.group(2)) ? Duration.ofSeconds(v) : Duration.ofMillis(v));
            }
            case "garbage" -> f = noArg(garbage(), arg, item);
            case "truncated" -> f = noArg(truncated(), arg, item);
            case "disconnect" -> f = noArg(disconnect(), arg, item);
            case "error" -> f = errorBody(arg == null || arg.isBlank() ? "Uh oh, something has gone wrong. Please tell us about it." : arg.strip());
            default -> {
                if (!name.matches("\\d{3}")) {
                    throw new IllegalArgumentException("unknown fault '" + name + "' in: " + item
                        + " (expected a status 400..599, slow=..., garbage, truncated, error=..., disconnect)");
                }
                f = status(Integer.parseInt(name));
                if (arg != null) {
                    f = f.retryAfter(parseInt(arg.strip().replaceFirst("(?i)s$", ""), item));
                }
            }
        }
        return times == -1 ? f : f.times(times);
    }

    private static Fault noArg(Fault f, String arg, String item) {
        if (arg != null) {
            throw new IllegalArgumentException(f.label() + " takes no argument: " + item);
        }
        return f;
    }

    private static int indexOfSeparator(String s) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static int parseInt(String s, String item) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number '" + s + "' in: " + item, e);
        }
    }
}
