package sidecar.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String DLQ_HEADING = "## users_created_dlq message";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:03.417Z");

    private static JsonNode tree(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void given_any_rejected_record_when_dead_lettered_then_the_fields_are_exactly_the_documented_ones_in_order()
            throws Exception {
        JsonNode json = tree(DeadLetter.toJson("x".getBytes(StandardCharsets.UTF_8), "r", "users_created", 0, 1L, NOW));

        assertThat(fieldNames(json)).containsExactlyElementsOf(ContractDoc.tableFields(DLQ_HEADING));
        assertThat(json.get("schema_version").isInt()).isTrue();
        assertThat(json.get("source_partition").isInt()).isTrue();
        assertThat(json.get("source_offset").isIntegralNumber()).isTrue();
    }

    @Test
    void given_the_documented_bad_record_when_parsed_and_dead_lettered_then_the_result_is_the_documented_example()
            throws Exception {
        JsonNode example = tree(ContractDoc.firstJsonBlock(DLQ_HEADING));
        byte[] original = example.get("original_value").textValue().getBytes(StandardCharsets.UTF_8);
        String reason = ((Parsed.Invalid) UserRecordParser.parse(original)).reason();

        String json = DeadLetter.toJson(original, reason, "users_created", 2, 18342L, NOW);

        assertThat(tree(json)).isEqualTo(example);
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void given_a_2_mb_value_when_dead_lettered_then_16_kib_are_kept_with_the_length_and_hash_of_the_whole()
            throws Exception {
        byte[] original = ("{\"first_name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        byte[] letter = DeadLetter.toBytes(OriginalValue.of(original), "value too large", "users_created", 0, 7L, NOW);

        JsonNode json = Json.MAPPER.readTree(letter);
        assertThat(json.get("original_value_truncated").booleanValue()).isTrue();
        assertThat(json.get("original_value_length").intValue()).isEqualTo(original.length);
        assertThat(json.get("original_value_sha256").textValue()).isEqualTo(sha256(original));
        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
        assertThat(json.get("original_value").textValue())
                .hasSize(MessageLimits.MAX_ORIGINAL_BYTES)
                .isEqualTo(new String(original, 0, MessageLimits.MAX_ORIGINAL_BYTES, StandardCharsets.UTF_8));
        assertThat(letter.length).isLessThan(MessageLimits.MAX_DEAD_LETTER_BYTES);
    }

    @Test
    void given_the_worst_value_and_reason_when_dead_lettered_then_the_letter_fits_its_bound_far_below_the_topic_s()
            throws Exception {
        byte[] controls = new byte[MessageLimits.MAX_ORIGINAL_BYTES * 4];
        java.util.Arrays.fill(controls, (byte) 1); // valid UTF-8, six characters each once escaped
        String reason = "\u0001".repeat(5_000);

        byte[] letter = DeadLetter.toBytes(
                OriginalValue.of(controls), reason, "users_created", Integer.MAX_VALUE, Long.MAX_VALUE, NOW);

        assertThat(letter.length)
                .isLessThanOrEqualTo(MessageLimits.MAX_DEAD_LETTER_BYTES)
                .isLessThan(MessageLimits.TOPIC_MAX_MESSAGE_BYTES / 8);
        assertThat(Json.MAPPER.readTree(letter).get("reason").textValue())
                .hasSize(MessageLimits.MAX_REASON_CHARS)
                .endsWith("...");
    }

    @Test
    void given_a_cut_inside_a_multibyte_character_when_kept_then_the_cut_moves_before_it_and_the_text_stays_utf8()
            throws Exception {
        // 16383 ASCII bytes, then "Æ" (2 bytes) across the 16384-byte limit
        byte[] original = ("x".repeat(MessageLimits.MAX_ORIGINAL_BYTES - 1) + "Ægir").getBytes(StandardCharsets.UTF_8);

        JsonNode json = tree(DeadLetter.toJson(original, "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
        assertThat(json.get("original_value").textValue()).isEqualTo("x".repeat(MessageLimits.MAX_ORIGINAL_BYTES - 1));
        assertThat(json.get("original_value_truncated").booleanValue()).isTrue();
    }

    @Test
    void given_a_value_within_the_limit_when_dead_lettered_then_it_is_whole_and_not_truncated() throws Exception {
        byte[] original = "not json at all".getBytes(StandardCharsets.UTF_8);

        JsonNode json = tree(DeadLetter.toJson(original, "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value").textValue()).isEqualTo("not json at all");
        assertThat(json.get("original_value_truncated").booleanValue()).isFalse();
        assertThat(json.get("original_value_length").intValue()).isEqualTo(15);
        assertThat(json.get("original_value_sha256").textValue()).isEqualTo(sha256(original));
    }

    @Test
    void given_a_key_over_1024_bytes_when_dead_lettered_then_its_first_1024_bytes_are_the_key() {
        byte[] key = new byte[5_000];

        assertThat(DeadLetter.key(key)).hasSize(MessageLimits.MAX_KEY_BYTES);
        assertThat(DeadLetter.key(new byte[] {1, 2})).containsExactly(1, 2);
        assertThat(DeadLetter.key(null)).isNull();
    }

    @Test
    void given_bytes_that_are_not_utf8_when_dead_lettered_then_they_are_base64_and_decode_back_exactly()
            throws Exception {
        byte[] original = {(byte) 0xFF, 0x00, (byte) 0xC3, 0x28, '{'};

        JsonNode json = tree(DeadLetter.toJson(
                original,
                "value is not a JSON object: the bytes are not valid UTF-8",
                "users_created",
                1,
                5_000_000_000L,
                NOW));

        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(json.get("original_value").textValue()))
                .isEqualTo(original);
        assertThat(json.get("source_offset").longValue()).isEqualTo(5_000_000_000L);
    }

    @Test
    void given_utf8_bytes_with_non_ascii_when_dead_lettered_then_they_are_kept_as_text() throws Exception {
        String original = "{\"first_name\":\"Ægir\",\"id\":\"abc\"}\n";

        JsonNode json =
                tree(DeadLetter.toJson(original.getBytes(StandardCharsets.UTF_8), "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
        assertThat(json.get("original_value").textValue()).isEqualTo(original);
    }

    @Test
    void given_a_record_without_value_when_dead_lettered_then_the_original_value_is_null_and_utf8() throws Exception {
        JsonNode json = tree(DeadLetter.toJson((OriginalValue) null, "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value").isNull()).isTrue();
        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
        assertThat(json.get("original_value_truncated").booleanValue()).isFalse();
        assertThat(json.get("original_value_length").isNull()).isTrue();
        assertThat(json.get("original_value_sha256").isNull()).isTrue();
    }

    @Test
    void
            given_a_whole_second_and_a_multiline_reason_when_dead_lettered_then_failed_at_has_24_chars_and_reason_one_line()
                    throws Exception {
        JsonNode json = tree(DeadLetter.toJson(
                new byte[0],
                "first\nsecond",
                "users_created",
                0,
                0L,
                Instant.parse("2026-11-25T10:00:03.999999Z").minusNanos(999_999_000)));

        assertThat(json.get("failed_at").textValue())
                .isEqualTo("2026-11-25T10:00:03.000Z")
                .hasSize(24);
        assertThat(json.get("reason").textValue()).isEqualTo("first\\nsecond");
        assertThat(json.get("original_value").textValue()).isEmpty();
    }
}
