package domain.user;

import java.time.Instant;
import java.util.Map;

/**
 * Typed reads from one profile's JSON tree. A malformed value is noted and read as {@code null}
 * instead of throwing, so the mapping sees every problem of a profile in one pass and the normal
 * path costs no exceptions. Absent keys, JSON {@code null} and blank strings all read as
 * {@code null}: "not sent" is not an error ({@code inc=} subsets, older API versions).
 * One instance per profile: it is not thread-safe.
 */
final class ProfileReader {

    private StringBuilder problems;

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
        Object value = value(parent, key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return nonBlank(text);
        }
        wrongType(path, "a string", value);
        return null;
    }

    /**
     * Text that some versions or nationalities send as a JSON number (postcodes, house numbers),
     * rendered without ".0" or exponent.
     */
    String numberOrText(Map<String, Object> parent, String key, String path) {
        Object value = value(parent, key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return nonBlank(text);
        }
        if (value instanceof Number number) {
            Long whole = WholeNumbers.toLong(number);
            if (whole != null) {
                return whole.toString();
            }
            problem(path, "is not a whole number", value);
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
        }
        if (value == null) {
            return null;
        }
        Instant instant;
        if (value instanceof String text) {
            String date = nonBlank(text);
            if (date == null) {
                return null;
            }
            instant = Timestamps.parseIso(date);
        } else if (value instanceof Number number) {
            instant = Timestamps.fromEpochSeconds(number);
        } else {
            wrongType(nested ? path + ".date" : path, "a date string or epoch seconds", value);
            return null;
        }
        if (instant == null) {
            problem(nested ? path + ".date" : path, "is not a date", value);
        }
        return instant;
    }

    void wrongType(String path, String expected, Object value) {
        note(path + " should be " + expected + ", not " + JsonValues.describe(value));
    }

    /** E.g. {@code problem("email", "has no '@'", "x")} notes "email has no '@': 'x'". */
    void problem(String path, String what, Object value) {
        note(path + " " + what + ": " + JsonValues.show(value));
    }

    void note(String problem) {
        if (problems == null) {
            problems = new StringBuilder(problem);
        } else {
            problems.append("; ").append(problem);
        }
    }

    boolean hasProblems() {
        return problems != null;
    }

    String problems() {
        return problems == null ? "" : problems.toString();
    }

    private static String nonBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
