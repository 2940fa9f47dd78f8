package domain.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, lenient reads from one profile's JSON tree. A value of the wrong shape never throws and
 * never costs the user: it is read leniently when its meaning is unambiguous, otherwise read as
 * {@code null}, and either way recorded as a {@link FieldProblem} (one per field path at most).
 * Absent keys, JSON {@code null} and blank strings all read as {@code null} without a problem:
 * "not sent" is not an error ({@code inc=} subsets, older API versions). Problems of the identity are
 * kept apart ({@link #reject}): they cost the user. One instance per profile: it is not thread-safe.
 *
 * <p>Read leniently (the value kept, the problem recorded):
 * <ul>
 *   <li>a whole JSON number where text is expected: its digits (no ".0", no exponent);</li>
 *   <li>a date as digit-only text: epoch seconds, or epoch milliseconds from
 *       {@link Timestamps#MILLIS_FROM} on;</li>
 *   <li>a date as a JSON number from {@link Timestamps#MILLIS_FROM} on: epoch milliseconds.</li>
 * </ul>
 * Stored as null (the problem recorded): any other wrong JSON type (a boolean, a list, an object, a
 * number with a fraction where text is expected), a date that does not parse, a value longer than
 * {@link ProfileLimits#MAX_FIELD_LENGTH}, and what the mapping judges unusable ({@link #nulled}).
 */
final class ProfileReader {

    private static final String STORED_AS_NULL = "; stored as null";

    private StringBuilder rejection;
    private List<FieldProblem> fieldProblems;

    Object value(Map<String, Object> parent, String key) {
        return parent == null ? null : parent.get(key);
    }

    @SuppressWarnings("unchecked") // Jackson's untyped tree: objects are Map<String, Object>
    Map<String, Object> object(Map<String, Object> parent, String key, String path) {
        Object value = value(parent, key);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        wrongType(path, "an object", value);
        return null;
    }

    /** Stripped: RandomUser pads some values (street names) with trailing spaces. */
    String text(Map<String, Object> parent, String key, String path) {
        return text(parent, key, path, "a string");
    }

    /** As {@link #text(Map, String, String)}, for a field whose other accepted shapes {@code expected} names. */
    String text(Map<String, Object> parent, String key, String path, String expected) {
        Object value = value(parent, key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return capped(path, text);
        }
        if (value instanceof Number number) {
            Long whole = WholeNumbers.toLong(number);
            if (whole != null) {
                String digits = whole.toString();
                lenient(path, "should be " + expected + ", not " + JsonValues.describe(value), digits);
                return digits;
            }
        }
        wrongType(path, expected, value);
        return null;
    }

    /**
     * Text that some versions or nationalities send as a JSON number (postcodes, house numbers),
     * rendered without ".0" or exponent; a number with a fraction is no such text.
     */
    String numberOrText(Map<String, Object> parent, String key, String path) {
        Object value = value(parent, key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return capped(path, text);
        }
        if (value instanceof Number number) {
            Long whole = WholeNumbers.toLong(number);
            if (whole != null) {
                return whole.toString();
            }
            nulled(path, "is not a whole number: " + JsonValues.show(value));
            return null;
        }
        wrongType(path, "a string or a number", value);
        return null;
    }

    /** 1.2+ send {@code {"date": "...", "age": n}}; 1.0 sends epoch seconds directly. */
    Instant instant(Map<String, Object> parent, String key, String path) {
        Object value = value(parent, key);
        boolean nested = value instanceof Map;
        if (nested) {
            value = ((Map<?, ?>) value).get("date");
            path = path + ".date";
        }
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String date = nonBlank(text);
            if (date == null) {
                return null;
            }
            Instant iso = Timestamps.parseIso(date);
            if (iso != null) {
                return iso;
            }
            Long epoch = Timestamps.wholeNumber(date);
            if (epoch != null) {
                return epoch(path, epoch, "is epoch " + unit(epoch) + " as text: " + JsonValues.show(value));
            }
        } else if (value instanceof Number number) {
            Long epoch = WholeNumbers.toLong(number);
            if (epoch != null && Timestamps.isMillis(epoch)) {
                return epoch(path, epoch, "is epoch milliseconds: " + JsonValues.show(value));
            }
            Instant seconds = Timestamps.fromEpochSeconds(number);
            if (seconds != null) {
                return seconds;
            }
        } else {
            wrongType(path, "a date string or epoch seconds", value);
            return null;
        }
        nulled(path, "is not a date: " + JsonValues.show(value));
        return null;
    }

    private Instant epoch(String path, long epoch, String what) {
        Instant instant =
                Timestamps.isMillis(epoch) ? Timestamps.fromEpochMillis(epoch) : Timestamps.fromEpochSeconds(epoch);
        if (instant == null) {
            nulled(path, what + ", out of range");
            return null;
        }
        lenient(path, what, instant);
        return instant;
    }

    private static String unit(long epoch) {
        return Timestamps.isMillis(epoch) ? "milliseconds" : "seconds";
    }

    /** A value the mapping cannot use: the field is stored as null and the problem recorded. */
    void nulled(String path, String what) {
        add(new FieldProblem(path, what + STORED_AS_NULL, true));
    }

    /** A value read leniently: {@code storedAs} is kept and the problem recorded. */
    private void lenient(String path, String what, Object storedAs) {
        add(new FieldProblem(path, what + "; read as " + JsonValues.show(storedAs), false));
    }

    private void wrongType(String path, String expected, Object value) {
        nulled(path, "should be " + expected + ", not " + JsonValues.describe(value));
    }

    private void add(FieldProblem problem) {
        if (fieldProblems == null) {
            fieldProblems = new ArrayList<>();
        }
        if (fieldProblems.size() < ProfileLimits.MAX_FIELD_PROBLEMS) {
            fieldProblems.add(problem);
        }
    }

    List<FieldProblem> fieldProblems() {
        return fieldProblems == null ? List.of() : fieldProblems;
    }

    /** A problem of the identity: the profile is rejected with every such problem as its reason. */
    void reject(String problem) {
        if (rejection == null) {
            rejection = new StringBuilder(problem);
        } else {
            rejection.append("; ").append(problem);
        }
    }

    boolean isRejected() {
        return rejection != null;
    }

    String rejection() {
        return rejection == null ? "" : rejection.toString();
    }

    /** Stripped and non-blank, and not longer than {@link ProfileLimits#MAX_FIELD_LENGTH}; else null. */
    private String capped(String path, String text) {
        String stripped = nonBlank(text);
        if (stripped != null && stripped.length() > ProfileLimits.MAX_FIELD_LENGTH) {
            nulled(path, overLimit(stripped));
            return null;
        }
        return stripped;
    }

    /** E.g. "is 5000 characters long, over the limit of 1024". */
    static String overLimit(String text) {
        return "is " + text.length() + " characters long, over the limit of " + ProfileLimits.MAX_FIELD_LENGTH;
    }

    private static String nonBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
