package adapters.randomuser;

import java.nio.charset.StandardCharsets;

/**
 * A short, single-line, printable excerpt of a response body for error messages: they end up in a
 * run's status and in logs, so they must stay small and must not carry control characters.
 */
final class BodySnippet {

    static final int DEFAULT_LENGTH = 120;

    private BodySnippet() {}

    static String of(byte[] body) {
        return of(body, DEFAULT_LENGTH);
    }

    static String of(byte[] body, int maxChars) {
        // 4 bytes per char at most in UTF-8: decoding more would only be thrown away
        int decodedBytes = Math.min(body.length, maxChars * 4 + 4);
        String text = new String(body, 0, decodedBytes, StandardCharsets.UTF_8);
        String cleaned = clean(text, maxChars);
        boolean cut = !cleaned.endsWith("…") && decodedBytes < body.length;
        return "\"" + cleaned + (cut ? "…" : "") + "\"";
    }

    /** The text on one line, control and format characters and runs of white space turned into one space, capped. */
    static String clean(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
        boolean lastWasSpace = false;
        int i = 0;
        while (i < text.length() && out.length() < maxChars) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp)
                    || Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT;
            if (!space) {
                out.appendCodePoint(cp);
            } else if (!lastWasSpace && out.length() > 0) {
                out.append(' ');
            }
            lastWasSpace = space;
        }
        String result = out.toString().strip();
        return i < text.length() && !text.substring(i).isBlank() ? result + "…" : result;
    }
}
