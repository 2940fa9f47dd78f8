package sidecar.record;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The value of a {@code users_created_dlq} message (docs/contracts.md, "users_created_dlq message"):
 * the rejected record's bytes (UTF-8 text when they are valid UTF-8, else base64) up to
 * {@link MessageLimits#MAX_ORIGINAL_BYTES}, whether they were cut, the whole value's length and SHA-256,
 * the reason, where the record came from and when it was rejected. Bounded whatever the record was
 * ({@link MessageLimits#MAX_DEAD_LETTER_BYTES}), so a dead letter always fits its topic. The DLQ key is
 * the bad record's key, cut to {@link MessageLimits#MAX_KEY_BYTES} ({@link #key}); headers are
 * {@code schema-version: 1} and {@code content-type: application/json}.
 */
public final class DeadLetter {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENCODING_UTF8 = "utf8";
    public static final String ENCODING_BASE64 = "base64";

    private DeadLetter() {}

    /** {@link #toJson(OriginalValue, String, String, int, long, Instant)} of the whole value. */
    public static String toJson(byte[] original, String reason, String topic, int partition, long offset, Instant now) {
        return toJson(OriginalValue.of(original), reason, topic, partition, offset, now);
    }

    /**
     * The DLQ JSON value, compact, fields in the documented order.
     *
     * @param original what is kept of the rejected record's value, null when it had none
     * @param reason   why it was rejected (made one line: line breaks are escaped; cut to
     *                 {@link MessageLimits#MAX_REASON_CHARS})
     * @param now      when it was rejected; written with millisecond precision
     */
    public static String toJson(
            OriginalValue original, String reason, String topic, int partition, long offset, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(now, "now");
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("schema_version", SCHEMA_VERSION);
        String text = original == null ? null : Json.utf8OrNull(original.kept());
        if (original != null && text == null) {
            json.put("original_value", Base64.getEncoder().encodeToString(original.kept()));
            json.put("original_value_encoding", ENCODING_BASE64);
        } else {
            json.put("original_value", text);
            json.put("original_value_encoding", ENCODING_UTF8);
        }
        json.put("original_value_truncated", original != null && original.truncated());
        if (original == null) {
            json.putNull("original_value_length");
            json.putNull("original_value_sha256");
        } else {
            json.put("original_value_length", original.length());
            json.put("original_value_sha256", original.sha256());
        }
        json.put("reason", oneLine(reason));
        json.put("source_topic", topic);
        json.put("source_partition", partition);
        json.put("source_offset", offset);
        json.put("failed_at", Json.instant(now));
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
        }
    }

    /** {@link #toJson} as the UTF-8 bytes of a Kafka value. */
    public static byte[] toBytes(
            OriginalValue original, String reason, String topic, int partition, long offset, Instant now) {
        return toJson(original, reason, topic, partition, offset, now).getBytes(StandardCharsets.UTF_8);
    }

    /** The DLQ key: the bad record's key, its first {@link MessageLimits#MAX_KEY_BYTES} bytes when longer. */
    public static byte[] key(byte[] key) {
        return key == null ? null : OriginalValue.prefix(key, MessageLimits.MAX_KEY_BYTES);
    }

    private static String oneLine(String reason) {
        String line = reason.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() <= MessageLimits.MAX_REASON_CHARS
                ? line
                : line.substring(0, MessageLimits.MAX_REASON_CHARS - 3) + "...";
    }
}
