package adapters.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formats instants in the one shape the contract promises: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'},
 * always 24 characters, UTC, milliseconds. {@link Instant#toString()} varies its precision (no
 * fraction, 3, 6 or 9 digits) with the value, which some consumers' timestamp patterns reject; and
 * Cassandra keeps milliseconds anyway. Hand-written because it runs twice or three times per message.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int LENGTH = 24;

    private IsoInstants() {}

    /** @return the formatted instant, or {@code null} for {@code null} */
    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            // the domain keeps timestamps within 0000-9999; anything else still gets a valid ISO form
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        char[] text = new char[LENGTH];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
