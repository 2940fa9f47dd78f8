package embedded.randomuser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON is written into by hand. The {@code raw*} methods do not check
 * capacity: callers reserve room first with {@link #ensure(int)} (the user writer reserves
 * {@link UserWriter#MAX_USER_BYTES} per user), which keeps the hot loop free of bounds logic.
 */
final class ByteSink {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    byte[] buf;
    int len;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        len = 0;
    }

    void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    ByteSink put(byte[] bytes) {
        ensure(bytes.length);
        rawPut(bytes);
        return this;
    }

    ByteSink put(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    ByteSink putInt(long value) {
        ensure(20);
        rawInt(value);
        return this;
    }

    /** Appends a JSON string literal (with quotes), escaped, in UTF-8. */
    ByteSink putString(String s) {
        return put(JsonStrings.quote(s));
    }

    void rawPut(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    void rawByte(int b) {
        buf[len++] = (byte) b;
    }

    void rawInt(long value) {
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        if (value < 10) {
            buf[len++] = (byte) ('0' + value);
            return;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        len = end;
    }

    /** Writes {@code width} decimal digits of {@code value}, zero-padded. */
    void rawPadded(int value, int width) {
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        len += width;
    }

    /** Writes the low {@code nibbles} hex digits of {@code value}, most significant first. */
    void rawHex(long value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; i--) {
            buf[len++] = HEX[(int) (value >>> (i * 4)) & 0xF];
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
