package adapters.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a caller's input an error message may repeat: a short excerpt without control or format
 * characters, so an answer can neither carry a payload back nor forge lines in a log or a terminal.
 */
final class Excerpt {

    /** Characters of the caller's input one message repeats at most. */
    static final int MAX_ECHO = 80;
    /** An error message at most: room for a rule and a list of allowed values. */
    static final int MAX_MESSAGE = 400;

    private static final String ELLIPSIS = "...";
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    /** The codebase quotes what it echoes: 'value' or "value". */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private Excerpt() {}

    /** The input without control characters, cut to {@value #MAX_ECHO} characters. */
    static String of(String input) {
        if (input == null) {
            return null;
        }
        return cut(INVISIBLE.matcher(input).replaceAll(""), MAX_ECHO);
    }

    /**
     * A message from any layer made safe to send: control characters removed, every quoted value
     * cut to {@value #MAX_ECHO} characters, the whole to {@value #MAX_MESSAGE}.
     */
    static String message(String text) {
        if (text == null) {
            return null;
        }
        String visible = INVISIBLE.matcher(text).replaceAll("");
        Matcher quoted = QUOTED.matcher(visible);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String quote = quoted.group(1) != null ? "'" : "\"";
            String inside = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            quoted.appendReplacement(out, Matcher.quoteReplacement(quote + cut(inside, MAX_ECHO) + quote));
        }
        quoted.appendTail(out);
        return cut(out.toString(), MAX_MESSAGE);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + ELLIPSIS;
    }
}
