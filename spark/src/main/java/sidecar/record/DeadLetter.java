package sidecar.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The value of a {@code users_created_dlq} message (docs/contracts.md, "users_created_dlq message"):
 * the rejected record's bytes (UTF-8 text when they are valid UTF-8, else base64), the reason, where the
 * record came from and when it was rejected. The DLQ key is the bad record's key, unchanged (the
 * caller's job); headers are {@code schema-version: 1} and {@code content-type: application/json}.
 */
public final class DeadLetter {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENCODING_UTF8 = "utf8";
    public static final String ENCODING_BASE64 = "base64";

    private DeadLetter() {
    }

    /**
     * The DLQ JSON value, compact, fields in the documented order.
     *
     * @param original the rejected record's value, null when it had none
     * @param reason   why it was rejected (made one line: line breaks are escaped)
     * @param now      when it was rejected; written with millisecond precision
     */
    public static String toJson(byte[] original, String reason, String topic, int partition, long offset, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(now, "now");
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("schema_version", SCHEMA_VERSION);
        String text = original == null ? null : Json.utf8OrNull(original);
        if (original != null && text == null) {
            json.put("original_value", Base64.getEncoder().encodeToString(original));
            json.put("original_value_encoding", ENCODING_BASE64);
        } else {
            json.put("original_value", text);
            json.put("original_value_encoding", ENCODING_UTF8);
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
    public static byte[] toBytes(byte[] original, String reason, String topic, int partition, long offset, Instant now) {
        return toJson(original, reason, topic, partition, offset, now).getBytes(StandardCharsets.UTF_8);
    }

    private static String oneLine(String reason) {
        return reason.replace("\r", "\\r").replace("\n", "\\n");
    }
}
