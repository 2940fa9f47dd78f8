package application;

/**
 * Text from outside (a Kafka message, a request) made fit for one log line: control characters,
 * CR and LF among them, become {@code ?} so a value cannot forge a log line of its own, and the text
 * is cut to {@value #MAX_LENGTH} characters so it cannot flood the log.
 */
public final class LogSafe {

    /** Long enough for any id or batch id the contracts allow (a UUID, "{query id}:{batch id}"). */
    public static final int MAX_LENGTH = 120;

    private LogSafe() {}

    /** The text as it may be logged; "null" for null. */
    public static String text(Object value) {
        String text = String.valueOf(value);
        boolean cut = text.length() > MAX_LENGTH;
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 3);
        for (int i = 0; i < Math.min(text.length(), MAX_LENGTH); i++) {
            char c = text.charAt(i);
            safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return cut ? safe.append("...").toString() : safe.toString();
    }
}
