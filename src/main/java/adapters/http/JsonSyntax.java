package adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;

/**
 * Why a body is not JSON, in the client's terms: Jackson's own messages name its classes and
 * features ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}) and quote the input at length.
 */
final class JsonSyntax {

    private JsonSyntax() {}

    static String describe(JacksonException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (original.startsWith("Duplicate field ")) {
            what = "duplicate key " + quotedName(original);
        } else if (original.startsWith("Trailing token")) {
            what = "more content after the JSON value";
        } else if (original.startsWith("Unexpected end-of-input")) {
            what = "it ends before the value is complete";
        } else if (original.contains("CTRL-CHAR")) {
            what = "a control character in a string must be escaped";
        } else {
            what = "malformed JSON";
        }
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1
                ? what
                : what + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** "Duplicate field 'count'" -> "'count'", cut to a short excerpt. */
    private static String quotedName(String message) {
        int open = message.indexOf('\'');
        int close = message.lastIndexOf('\'');
        return open >= 0 && close > open ? "'" + Excerpt.of(message.substring(open + 1, close)) + "'" : "";
    }
}
