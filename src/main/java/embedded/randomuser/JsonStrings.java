package embedded.randomuser;

import java.nio.charset.StandardCharsets;

/** Minimal JSON string escaping; everything else in this package writes JSON by hand. */
final class JsonStrings {
    private JsonStrings() {}

    /** The JSON literal for {@code s} (quoted and escaped), UTF-8 encoded; non-ASCII stays raw. */
    static byte[] quote(String s) {
        return quoteToString(s).getBytes(StandardCharsets.UTF_8);
    }

    static String quoteToString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
