package sidecar.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates one {@code users_created} record value against docs/contracts.md and maps it to a
 * {@link UserRow}. Two shapes are accepted:
 * <ul>
 *   <li>{@link Shape#CONTRACT_V1}: {@code schema_version} 1; {@code id}, {@code run_id} (UUIDs) and
 *       {@code fetched_at} (instant) are required, every other field is nullable;
 *       {@code field_problems} is an array of strings;</li>
 *   <li>{@link Shape#SEED}: no {@code schema_version} (the seed project's DAG); only {@code id} is
 *       required, {@code post_code} may be a number, {@code run_id}/{@code nationality}/{@code fetched_at}
 *       are read when present and null otherwise.</li>
 * </ul>
 * A missing nullable field reads as null; unknown fields are ignored. Instants are ISO-8601, truncated
 * to milliseconds. Stateless and thread-safe; {@link #parse(byte[])} never throws.
 */
public final class UserRecordParser {

    /** Longest value quoted in a reason before it is cut with "...". */
    static final int MAX_QUOTED = 80;
    /** Longest parser or library error message quoted in a reason. */
    private static final int MAX_ERROR = 160;

    private static final String NOT_AN_OBJECT = "value is not a JSON object: ";

    private UserRecordParser() {}

    /** The record value (Kafka bytes, may be null) as a row to persist or a one-line reason to reject. */
    public static Parsed parse(byte[] value) {
        try {
            return parseOrReject(value);
        } catch (Reject r) {
            return new Parsed.Invalid(r.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A defect or a limit of the JSON library: still one bad record, never a dead stream.
            return new Parsed.Invalid("unexpected error while parsing: "
                    + Json.shorten(e.getClass().getSimpleName() + ": " + e.getMessage(), MAX_ERROR));
        }
    }

    private static Parsed parseOrReject(byte[] value) {
        if (value != null && value.length > MessageLimits.MAX_USER_VALUE_BYTES) {
            // never parsed: a huge value would cost the task its memory, and no user is this large
            throw new Reject("value too large: " + value.length + " bytes, more than the "
                    + MessageLimits.MAX_USER_VALUE_BYTES + " a users_created value may have");
        }
        JsonNode root = readObject(value);
        Shape shape = shapeOf(root.get("schema_version"));
        boolean contract = shape == Shape.CONTRACT_V1;
        UserRow row = new UserRow(
                uuid(root, "id", true),
                text(root, "first_name"),
                text(root, "last_name"),
                text(root, "gender"),
                text(root, "address"),
                postCode(root),
                text(root, "email"),
                text(root, "username"),
                instant(root, "dob", false),
                instant(root, "registered_date", false),
                text(root, "phone"),
                text(root, "picture"),
                uuid(root, "run_id", contract),
                text(root, "nationality"),
                instant(root, "fetched_at", contract),
                fieldProblems(root));
        return new Parsed.Valid(row, shape);
    }

    private static JsonNode readObject(byte[] value) {
        if (value == null) {
            throw new Reject(NOT_AN_OBJECT + "the record has no value (null)");
        }
        String text = Json.utf8OrNull(value);
        if (text == null) {
            throw new Reject(NOT_AN_OBJECT + "the bytes are not valid UTF-8");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new Reject(NOT_AN_OBJECT + Json.shorten(message, MAX_ERROR));
        }
        if (root == null || root.isMissingNode()) {
            throw new Reject(NOT_AN_OBJECT + "empty");
        }
        if (!root.isObject()) {
            throw new Reject(NOT_AN_OBJECT + "got " + describe(root));
        }
        return root;
    }

    private static Shape shapeOf(JsonNode version) {
        if (version == null) {
            return Shape.SEED;
        }
        if (version.isIntegralNumber() && version.canConvertToInt() && version.intValue() == 1) {
            return Shape.CONTRACT_V1;
        }
        if (version.isNumber()) {
            throw new Reject("unsupported schema_version " + Json.shorten(version.asText(), MAX_QUOTED));
        }
        throw new Reject("field schema_version: expected the integer 1, got " + describe(version));
    }

    /** What the producer found wrong with the user's source fields: null, or an array of one-line strings. */
    private static List<String> fieldProblems(JsonNode root) {
        JsonNode node = root.get("field_problems");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new Reject("field field_problems: expected an array of strings, got " + describe(node));
        }
        List<String> lines = new ArrayList<>(node.size());
        for (JsonNode line : node) {
            if (!line.isTextual()) {
                throw new Reject(
                        "field field_problems: expected an array of strings, got an element " + describe(line));
            }
            lines.add(line.textValue());
        }
        return lines;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Reject("field " + field + ": expected a string, got " + describe(node));
        }
        return node.textValue();
    }

    /** RandomUser sends numeric post codes for some nationalities; the seed DAG passed them on as numbers. */
    private static String postCode(JsonNode root) {
        JsonNode node = root.get("post_code");
        if (node != null && node.isNumber()) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (!Double.isFinite(node.doubleValue()) && !node.isBigDecimal()) {
                throw new Reject("field post_code: number out of range: " + Json.shorten(node.asText(), MAX_QUOTED));
            }
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            if (Math.abs(decimal.scale()) > 40) { // 1e999999999 would expand to a billion digits
                throw new Reject(
                        "field post_code: not a plausible post code: " + Json.shorten(decimal.toString(), MAX_QUOTED));
            }
            return decimal.scale() < 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return text(root, "post_code");
    }

    private static UUID uuid(JsonNode root, String field, boolean required) {
        String text =
                required ? requiredText(root, field, "a UUID string") : optionalTyped(root, field, "a UUID string");
        if (text == null) {
            return null;
        }
        if (!isCanonicalUuid(text)) {
            throw new Reject("field " + field + ": not a UUID: " + quote(text));
        }
        return UUID.fromString(text);
    }

    /**
     * 8-4-4-4-12 hex digits. UUID.fromString alone would accept "1-1-1-1-1"; a regex did this check
     * first and was the parser's hottest spot (9% of the sidecar's CPU in a profile).
     */
    static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isAsciiHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Instant instant(JsonNode root, String field, boolean required) {
        String text = required
                ? requiredText(root, field, "an ISO-8601 instant string")
                : optionalTyped(root, field, "an ISO-8601 instant string");
        if (text == null) {
            return null;
        }
        try {
            return ContractInstant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Reject("field " + field + ": not an ISO-8601 instant: " + quote(text));
        }
    }

    private static String requiredText(JsonNode root, String field, String expected) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new Reject("field " + field + ": missing (required)");
        }
        if (node.isNull()) {
            throw new Reject("field " + field + ": null (required)");
        }
        return optionalTyped(root, field, expected);
    }

    private static String optionalTyped(JsonNode root, String field, String expected) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Reject("field " + field + ": expected " + expected + ", got " + describe(node));
        }
        return node.textValue();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string " + quote(node.textValue());
            case NUMBER -> "number " + Json.shorten(node.asText(), MAX_QUOTED);
            case BOOLEAN -> "boolean " + node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String quote(String text) {
        return "'" + Json.shorten(text, MAX_QUOTED) + "'";
    }

    /** Control flow for a rejection: no stack trace, the message is the reason. */
    private static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reject(String reason) {
            super(reason, null, false, false);
        }
    }
}
