package domain.user;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Parses the timestamp shapes RandomUser has sent over its versions, returning {@code null} for
 * anything else so that a bad date is a rejection, not an exception:
 * <ul>
 *   <li>1.3/1.4: {@code "1993-07-20T09:44:18.674Z"}</li>
 *   <li>1.2: {@code "1944-10-04T01:32:33Z"} (no fraction); a space for the 'T' and a missing zone
 *       (read as UTC) are accepted as well, as older clients and proxies produced them</li>
 *   <li>1.0: epoch seconds as a JSON integer</li>
 * </ul>
 * and, read leniently (the mapping records them as field problems), epoch milliseconds and epoch
 * seconds or milliseconds as digit-only text.
 * Hand-written rather than {@code DateTimeFormatter}: mapping is on the hot path, the formatter
 * allocates a parse context per call and reports failure by throwing.
 */
final class Timestamps {

    /** 9999-12-31T23:59:59Z: keeps epoch values inside what every store downstream can hold. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private static final long MIN_EPOCH_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final int MAX_OFFSET_HOURS = 18;

    /**
     * From this magnitude on an epoch number is milliseconds. Read as seconds it would be after the
     * year 5138 or before 1200 BC, no date of a person or an account; read as milliseconds it is any
     * instant after March 1973 or before October 1966, so the two readings never compete.
     */
    static final long MILLIS_FROM = 100_000_000_000L;

    private static final int MAX_DIGITS = 18;

    private Timestamps() {}

    static Instant fromEpochSeconds(Number number) {
        Long seconds = WholeNumbers.toLong(number);
        if (seconds == null || seconds > MAX_EPOCH_SECOND || seconds < MIN_EPOCH_SECOND) {
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Epoch milliseconds within the range {@link #fromEpochSeconds} accepts, or {@code null}. */
    static Instant fromEpochMillis(long millis) {
        long seconds = Math.floorDiv(millis, 1000L);
        if (seconds > MAX_EPOCH_SECOND || seconds < MIN_EPOCH_SECOND) {
            return null;
        }
        return Instant.ofEpochMilli(millis);
    }

    static boolean isMillis(long epochNumber) {
        return epochNumber >= MILLIS_FROM || epochNumber <= -MILLIS_FROM;
    }

    /** Text of an optional '-' and 1 to 18 ASCII digits as a long, or {@code null}. */
    static Long wholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > MAX_DIGITS) {
            return null;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /** {@code yyyy-MM-dd[('T'|' ')HH:mm[:ss[.f{1,9}]][Z|±HH[[:]mm]]]}, or {@code null}. */
    static Instant parseIso(String text) {
        int length = text.length();
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || length < 10
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L;
        if (length == 10) {
            return Instant.ofEpochSecond(epochSecond);
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || length < 16 || text.charAt(13) != ':') {
            return null;
        }
        int second = 0;
        int nano = 0;
        int position = 16;
        if (position < length && text.charAt(position) == ':') {
            second = digits(text, 17, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            position = 19;
            if (position < length && text.charAt(position) == '.') {
                int start = ++position;
                while (position < length && isDigit(text.charAt(position))) {
                    position++;
                }
                int fractionDigits = position - start;
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return null;
                }
                nano = digits(text, start, fractionDigits);
                for (int i = fractionDigits; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(epochSecond + hour * 3600L + minute * 60L + second - offsetSeconds, nano);
    }

    /** The zone suffix from {@code position} to the end in seconds east of UTC; MIN_VALUE if malformed. */
    private static int offsetSeconds(String text, int position) {
        int length = text.length();
        if (position == length) {
            return 0; // no zone: RandomUser's dates are UTC
        }
        char sign = text.charAt(position);
        if (sign == 'Z' || sign == 'z') {
            return position + 1 == length ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = 0;
        int end = position + 3;
        if (end < length) {
            if (text.charAt(end) == ':') {
                end++;
            }
            minutes = digits(text, end, 2);
            end += 2;
        }
        if (hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes > 59 || end != length) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number in {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from < 0 || from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
