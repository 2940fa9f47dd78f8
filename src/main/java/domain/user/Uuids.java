package domain.user;

import java.util.UUID;

/**
 * Strict parsing of the canonical 8-4-4-4-12 UUID form. {@link UUID#fromString} accepts shapes
 * such as "1-2-3-4-5" and signals failure by throwing; an identity must be exact, and a bad one is
 * an ordinary rejection, so this returns {@code null} instead.
 */
final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {}

    static UUID parseCanonical(String text) {
        if (text.length() != LENGTH
                || text.charAt(8) != '-'
                || text.charAt(13) != '-'
                || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        long high = 0;
        long low = 0;
        int nibbles = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int nibble = hexDigit(text.charAt(i));
            if (nibble < 0) {
                return null;
            }
            if (nibbles < 16) {
                high = (high << 4) | nibble;
            } else {
                low = (low << 4) | nibble;
            }
            nibbles++;
        }
        return new UUID(high, low);
    }

    /** ASCII only: {@link Character#digit} would also take e.g. full-width digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
