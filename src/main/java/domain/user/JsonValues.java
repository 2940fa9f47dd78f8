package domain.user;

import java.util.List;
import java.util.Map;

/**
 * Renders values of a parsed JSON tree for rejection reasons and field problems: one line (control
 * characters escaped), cut to {@link #MAX_SHOWN} characters, so that no value can bloat or break the
 * line it is quoted in.
 */
final class JsonValues {

    /** Long enough to recognise a value, short enough that a huge field cannot bloat a dead letter. */
    static final int MAX_SHOWN = 60;

    private JsonValues() {}

    /** E.g. {@code a string: 'yesterday'}, {@code a list: [1, 2]}: the JSON type first, then the value. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return typeOf(value) + ": " + show(value);
    }

    static String typeOf(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "a non-JSON " + value.getClass().getSimpleName();
    }

    /** The value itself, strings quoted so that blanks and trailing spaces stay visible. */
    static String show(Object value) {
        if (value instanceof String text) {
            return "'" + truncate(text) + "'";
        }
        return truncate(String.valueOf(value));
    }

    static String truncate(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 24);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_SHOWN) {
                if (Character.isLowSurrogate(text.charAt(i))) {
                    out.setLength(out.length() - 1); // never half a character
                }
                return out.append("...(")
                        .append(text.length())
                        .append(" chars)")
                        .toString();
            }
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
