package sidecar.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String DLQ_HEADING = "## users_created_dlq message";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:03.417Z");

    private static JsonNode tree(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void given_any_rejected_record_when_dead_lettered_then_the_fields_are_exactly_the_documented_ones_in_order() throws Exception {
        JsonNode json = tree(DeadLetter.toJson("x".getBytes(StandardCharsets.UTF_8), "r", "users_created", 0, 1L, NOW));

        assertThat(fieldNames(json)).containsExactlyElementsOf(ContractDoc.tableFields(DLQ_HEADING));
        assertThat(json.get("schema_version").isInt()).isTrue();
        assertThat(json.get("source_partition").isInt()).isTrue();
        assertThat(json.get("source_offset").isIntegralNumber()).isTrue();
    }

    @Test
    void given_the_documented_bad_record_when_parsed_and_dead_lettered_then_the_result_is_the_documented_example() throws Exception {
        JsonNode example = tree(ContractDoc.firstJsonBlock(DLQ_HEADING));
        byte[] original = example.get("original_value").textValue().getBytes(StandardCharsets.UTF_8);
        String reason = ((Parsed.Invalid) UserRecordParser.parse(original)).reason();

        String json = DeadLetter.toJson(original, reason, "users_created", 2, 18342L, NOW);

        assertThat(tree(json)).isEqualTo(example);
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void given_bytes_that_are_not_utf8_when_dead_lettered_then_they_are_base64_and_decode_back_exactly() throws Exception {
        byte[] original = {(byte) 0xFF, 0x00, (byte) 0xC3, 0x28, '{'};

        JsonNode json = tree(DeadLetter.toJson(original, "value is not a JSON object: the bytes are not valid UTF-8",
                "users_created", 1, 5_000_000_000L, NOW));

        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(json.get("original_value").textValue())).isEqualTo(original);
        assertThat(json.get("source_offset").longValue()).isEqualTo(5_000_000_000L);
    }

    @Test
    void given_utf8_bytes_with_non_ascii_when_dead_lettered_then_they_are_kept_as_text() throws Exception {
        String original = "{\"first_name\":\"Ægir\",\"id\":\"abc\"}\n";

        JsonNode json = tree(DeadLetter.toJson(original.getBytes(StandardCharsets.UTF_8), "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
        assertThat(json.get("original_value").textValue()).isEqualTo(original);
    }

    @Test
    void given_a_record_without_value_when_dead_lettered_then_the_original_value_is_null_and_utf8() throws Exception {
        JsonNode json = tree(DeadLetter.toJson(null, "r", "users_created", 0, 0L, NOW));

        assertThat(json.get("original_value").isNull()).isTrue();
        assertThat(json.get("original_value_encoding").textValue()).isEqualTo("utf8");
    }

    @Test
    void given_a_whole_second_and_a_multiline_reason_when_dead_lettered_then_failed_at_has_24_chars_and_reason_one_line() throws Exception {
        JsonNode json = tree(DeadLetter.toJson(new byte[0], "first\nsecond", "users_created", 0, 0L,
                Instant.parse("2026-11-25T10:00:03.999999Z").minusNanos(999_999_000)));

        assertThat(json.get("failed_at").textValue()).isEqualTo("2026-11-25T10:00:03.000Z").hasSize(24);
        assertThat(json.get("reason").textValue()).isEqualTo("first\\nsecond");
        assertThat(json.get("original_value").textValue()).isEmpty();
    }
}
