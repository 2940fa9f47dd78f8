package sidecar.record;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a dead letter keeps of a rejected record's value: its first {@link MessageLimits#MAX_ORIGINAL_BYTES}
 * bytes, its whole length and its SHA-256, so a 2 MB record makes a dead letter of a few KiB that still
 * identifies it (and proves which record it was). Made as soon as a record is rejected, so the task
 * holds the kept bytes only, never the whole value.
 *
 * @param kept   the value's first bytes; cut on a UTF-8 character boundary when the value is UTF-8 text
 * @param length the value's length in bytes
 * @param sha256 SHA-256 of the whole value, 64 lowercase hex digits
 */
public record OriginalValue(byte[] kept, int length, String sha256) implements Serializable {

    private static final long serialVersionUID = 1L;

    public OriginalValue {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(sha256, "sha256");
        if (kept.length > length) {
            throw new IllegalArgumentException("kept " + kept.length + " bytes of a value of " + length);
        }
    }

    /** The value as a dead letter keeps it; null for a record without value. */
    public static OriginalValue of(byte[] value) {
        if (value == null) {
            return null;
        }
        return new OriginalValue(prefix(value, MessageLimits.MAX_ORIGINAL_BYTES), value.length, sha256(value));
    }

    /** True when {@link #kept()} is not the whole value. */
    public boolean truncated() {
        return kept.length < length;
    }

    /**
     * At most {@code max} bytes; a cut inside a UTF-8 sequence moves back to its first byte, so the
     * first bytes of UTF-8 text stay readable text (at most 3 bytes fewer).
     */
    static byte[] prefix(byte[] value, int max) {
        if (value.length <= max) {
            return value;
        }
        int end = max;
        // a continuation byte (10xxxxxx) at the cut belongs to the character before it
        while (end > 0 && end > max - 3 && (value[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(value, end);
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OriginalValue o
                && length == o.length
                && sha256.equals(o.sha256)
                && Arrays.equals(kept, o.kept);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "OriginalValue[" + length + " bytes, sha256 " + sha256 + (truncated() ? ", truncated" : "") + "]";
    }
}
