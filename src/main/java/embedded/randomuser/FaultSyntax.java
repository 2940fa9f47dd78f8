package embedded.randomuser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parser of the fault text syntax documented on {@link Fault}. */
final class FaultSyntax {

    private static final Pattern REPEAT = Pattern.compile("^(.*?)\\s*[xX](\\d{1,9})$", Pattern.DOTALL);
    private static final Pattern DURATION = Pattern.compile("^(\\d{1,12})\\s*(ms|s)?$");
    /** The message of {@code error} without one, as the real API words it. */
    private static final String DEFAULT_ERROR = "Uh oh, something has gone wrong. Please tell us about it.";

    private FaultSyntax() {}

    /** Parses a whole spec (see {@link Fault}); throws IllegalArgumentException with a reason. */
    static Fault.Spec parseList(String spec) {
        List<Fault> queued = new ArrayList<>();
        List<Fault.Periodic> periodic = new ArrayList<>();
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
                periodic.add(new Fault.Periodic(n, f));
            } else {
                queued.add(parse(item));
            }
        }
        return new Fault.Spec(List.copyOf(queued), List.copyOf(periodic));
    }

    /** Parses one item: a fault with an optional {@code xN} repeat suffix. */
    static Fault parse(String item) {
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
                f = Fault.slow("s".equals(d.group(2)) ? Duration.ofSeconds(v) : Duration.ofMillis(v));
            }
            case "garbage" -> f = noArg(Fault.garbage(), arg, item);
            case "truncated" -> f = noArg(Fault.truncated(), arg, item);
            case "disconnect" -> f = noArg(Fault.disconnect(), arg, item);
            case "error" -> f = Fault.errorBody(arg == null || arg.isBlank() ? DEFAULT_ERROR : arg.strip());
            default -> {
                if (!name.matches("\\d{3}")) {
                    throw new IllegalArgumentException("unknown fault '" + name + "' in: " + item
                            + " (expected a status 400..599, slow=..., garbage, truncated, error=..., disconnect)");
                }
                f = Fault.status(Integer.parseInt(name));
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
