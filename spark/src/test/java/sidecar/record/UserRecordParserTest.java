package sidecar.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserRecordParserTest {

    private static final String CONTRACT_HEADING = "## users_created message";

    private static final String SEED_MESSAGE = """
            {"id": "3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b", "first_name": "Jennie", "last_name": "Smith",
             "gender": "female", "address": "1234 Main St, Leeds, West Yorkshire, United Kingdom",
             "post_code": 4480, "email": "jennie.smith@example.com", "username": "smallcat42",
             "dob": "1993-07-20T09:44:18.674Z", "registered_date": "2014-03-02T11:05:40.123Z",
             "phone": "017684 92012", "picture": "https://randomuser.me/api/portraits/med/women/3.jpg"}
            """;

    private static final String V1_PREFIX = "{\"schema_version\":1,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\","
            + "\"run_id\":\"6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"";

    private static Parsed parse(String json) {
        return UserRecordParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Parsed.Valid valid(String json) {
        Parsed parsed = parse(json);
        assertThat(parsed).isInstanceOf(Parsed.Valid.class);
        return (Parsed.Valid) parsed;
    }

    private static String reason(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid) parsed).reason();
    }

    @Test
    void given_the_documented_example_when_parsed_then_every_column_has_the_example_value() {
        Parsed.Valid valid = valid(ContractDoc.firstJsonBlock(CONTRACT_HEADING));

        assertThat(valid.shape()).isEqualTo(Shape.CONTRACT_V1);
        assertThat(valid.row())
                .isEqualTo(new UserRow(
                        UUID.fromString("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098"),
                        "Ægir",
                        "Ødegård",
                        "male",
                        "4312 Kirkeveien, Kvinesdal, Østfold, Norway",
                        "4480",
                        "aegir.odegard@example.com",
                        "bluebird123",
                        Instant.parse("1993-07-20T09:44:18.674Z"),
                        Instant.parse("2014-03-02T11:05:40.123Z"),
                        "(272) 790-0888",
                        "https://randomuser.me/api/portraits/med/men/54.jpg",
                        UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"),
                        "NO",
                        Instant.parse("2026-11-25T10:00:01.250Z")));
    }

    @Test
    void given_a_seed_pipeline_message_when_parsed_then_it_is_valid_with_seed_shape_and_no_run() {
        Parsed.Valid valid = valid(SEED_MESSAGE);

        assertThat(valid.shape()).isEqualTo(Shape.SEED);
        UserRow row = valid.row();
        assertThat(row.id()).isEqualTo(UUID.fromString("3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b"));
        assertThat(row.postCode()).isEqualTo("4480");
        assertThat(row.dob()).isEqualTo(Instant.parse("1993-07-20T09:44:18.674Z"));
        assertThat(row.registeredDate()).isEqualTo(Instant.parse("2014-03-02T11:05:40.123Z"));
        assertThat(row.picture()).endsWith("/women/3.jpg");
        assertThat(row.runId()).isNull();
        assertThat(row.nationality()).isNull();
        assertThat(row.fetchedAt()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "4480       | 4480",
                "4480.0     | 4480",
                "4480.50    | 4480.5",
                "1E+3       | 1000",
                "'\"EC1A 1BB\"' | EC1A 1BB",
                "'\"04480\"'  | 04480",
                "null       | ",
            })
    void given_a_post_code_number_or_string_when_parsed_then_it_becomes_text_without_a_decimal_zero(
            String json, String expected) {
        UserRow row = valid("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":" + json + "}")
                .row();

        assertThat(row.postCode()).isEqualTo(expected);
    }

    @Test
    void given_a_valid_user_of_900_kb_when_parsed_then_it_is_rejected_as_too_large_without_being_read() {
        String huge = V1_PREFIX + ",\"first_name\":\"" + "N".repeat(900 * 1024) + "\"}";

        assertThat(reason(parse(huge)))
                .isEqualTo("value too large: " + huge.length() + " bytes, more than the 65536 a users_created value"
                        + " may have");
    }

    @Test
    void given_a_user_of_exactly_64_kib_when_parsed_then_it_is_valid() {
        String prefix = V1_PREFIX + ",\"first_name\":\"";
        String json = prefix + "N".repeat(MessageLimits.MAX_USER_VALUE_BYTES - prefix.length() - 2) + "\"}";

        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(MessageLimits.MAX_USER_VALUE_BYTES);
        assertThat(valid(json).row().firstName()).hasSize(MessageLimits.MAX_USER_VALUE_BYTES - prefix.length() - 2);
    }

    @Test
    void given_unknown_fields_and_missing_nullable_fields_when_parsed_then_unknowns_are_ignored_and_the_rest_is_null() {
        Parsed.Valid valid =
                valid(V1_PREFIX + ",\"favourite_colour\":\"teal\",\"extra\":{\"a\":[1,2]},\"first_name\":null}");

        assertThat(valid.shape()).isEqualTo(Shape.CONTRACT_V1);
        assertThat(valid.row().firstName()).isNull();
        assertThat(valid.row().email()).isNull();
        assertThat(valid.row().dob()).isNull();
        assertThat(valid.row().runId()).isEqualTo(UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));
    }

    @Test
    void given_field_problems_when_parsed_then_the_row_carries_them_line_for_line() {
        UserRow row = valid(V1_PREFIX + ",\"dob\":null,\"field_problems\":[\"dob.date: is not a date: 'yesterday';"
                        + " stored as null\",\"phone: should be a string, not a number: 7; read as '7'\"]}")
                .row();

        assertThat(row.fieldProblems())
                .containsExactly(
                        "dob.date: is not a date: 'yesterday'; stored as null",
                        "phone: should be a string, not a number: 7; read as '7'");
        assertThat(row.dob()).isNull();
    }

    @Test
    void given_no_null_or_empty_field_problems_when_parsed_then_the_row_has_none_as_null() {
        assertThat(valid(V1_PREFIX + "}").row().fieldProblems()).isNull();
        assertThat(valid(V1_PREFIX + ",\"field_problems\":null}").row().fieldProblems())
                .isNull();
        assertThat(valid(V1_PREFIX + ",\"field_problems\":[]}").row().fieldProblems())
                .isNull();
        assertThat(valid(SEED_MESSAGE).row().fieldProblems()).isNull();
    }

    @Test
    void given_an_instant_finer_than_milliseconds_when_parsed_then_it_is_truncated_not_rounded() {
        UserRow row =
                valid(V1_PREFIX + ",\"dob\":\"1969-12-31T23:59:59.9999999Z\"}").row();

        assertThat(row.dob()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"schema_version\":2,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\"}        | unsupported schema_version 2",
                "{\"schema_version\":\"1\",\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\"}    | field schema_version: expected the integer 1, got string '1'",
                "{\"schema_version\":null,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\"}     | field schema_version: expected the integer 1, got null",
                "{\"first_name\":\"x\"}                                                        | field id: missing (required)",
                "{\"id\":null}                                                                 | field id: null (required)",
                "{\"schema_version\":1,\"id\":\"abc\",\"first_name\":\"Ægir\"}                 | field id: not a UUID: 'abc'",
                "{\"id\":42}                                                                   | field id: expected a UUID string, got number 42",
                "{\"id\":\"1-1-1-1-1\"}                                                        | field id: not a UUID: '1-1-1-1-1'",
                "{\"schema_version\":1,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"} | field run_id: missing (required)",
                "{\"schema_version\":1,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\",\"run_id\":\"run-7\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"} | field run_id: not a UUID: 'run-7'",
                "{\"schema_version\":1,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\",\"run_id\":\"6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\"} | field fetched_at: missing (required)",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"dob\":\"20/07/1993\"}      | field dob: not an ISO-8601 instant: '20/07/1993'",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"registered_date\":12345}   | field registered_date: expected an ISO-8601 instant string, got number 12345",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"first_name\":5}           | field first_name: expected a string, got number 5",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":1e300}     | field post_code: not a plausible post code: 1E+300",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":true}         | field post_code: expected a string, got boolean true",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"phone\":[\"1\"]}          | field phone: expected a string, got an array",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":1e999999999}  | field post_code: number out of range: Infinity",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"field_problems\":\"dob: bad\"} | field field_problems: expected an array of strings, got string 'dob: bad'",
                "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"field_problems\":[\"a\",3]}   | field field_problems: expected an array of strings, got an element number 3",
                "[1,2]                                                                         | value is not a JSON object: got an array",
                "null                                                                          | value is not a JSON object: got null",
                "\"just text\"                                                                 | value is not a JSON object: got string 'just text'",
                "``                                                                            | value is not a JSON object: empty",
            })
    void given_a_record_breaking_the_contract_when_parsed_then_it_is_invalid_with_a_reason_naming_the_problem(
            String json, String expectedReason) {
        assertThat(reason(parse(json == null ? "" : json))).isEqualTo(expectedReason);
    }

    @Test
    void given_text_that_is_not_json_when_parsed_then_the_reason_says_so_in_one_line() {
        assertThat(reason(parse("hello {")))
                .startsWith("value is not a JSON object: ")
                .doesNotContain("\n");
        assertThat(reason(parse("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\"} trailing")))
                .startsWith("value is not a JSON object: ");
        assertThat(reason(parse("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"id\":\"x\"}")))
                .startsWith("value is not a JSON object: ")
                .contains("id");
    }

    @Test
    void given_a_long_bad_value_when_parsed_then_the_reason_quotes_it_truncated_on_one_line() {
        String longValue = "x\n".repeat(5_000);

        String reason = reason(parse("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"dob\":\""
                + longValue.replace("\n", "\\n") + "\"}"));

        assertThat(reason)
                .startsWith("field dob: not an ISO-8601 instant: 'x\\nx")
                .endsWith("...'")
                .doesNotContain("\n")
                .hasSizeLessThan(140);
    }

    @Test
    void given_a_null_record_value_when_parsed_then_it_is_invalid() {
        assertThat(reason(UserRecordParser.parse(null)))
                .isEqualTo("value is not a JSON object: the record has no value (null)");
    }

    @Test
    void given_bytes_that_are_not_utf8_when_parsed_then_it_is_invalid() {
        byte[] bytes = "{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"first_name\":\"\u0000\"}"
                .getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte followed by '"': malformed

        assertThat(reason(UserRecordParser.parse(bytes)))
                .isEqualTo("value is not a JSON object: the bytes are not valid UTF-8");
        assertThat(reason(UserRecordParser.parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B})))
                .isEqualTo("value is not a JSON object: the bytes are not valid UTF-8");
    }

    @Test
    void given_garbage_of_any_kind_when_parsed_then_it_never_throws() {
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(null);
        inputs.add(new byte[0]);
        inputs.add("   ".getBytes(StandardCharsets.UTF_8));
        inputs.add("null".getBytes(StandardCharsets.UTF_8));
        inputs.add("[]".getBytes(StandardCharsets.UTF_8));
        inputs.add("{}".getBytes(StandardCharsets.UTF_8));
        inputs.add("[".repeat(200_000).getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"a\":".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"id\":\"" + "z".repeat(30_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"id\":\"" + "z".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        inputs.add("{\"id\":1e999999999}".getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"schema_version\":" + "9".repeat(500) + "}").getBytes(StandardCharsets.UTF_8));
        inputs.add(("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":" + "1".repeat(900) + ".0}")
                .getBytes(StandardCharsets.UTF_8));
        inputs.add("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":1e999999999}"
                .getBytes(StandardCharsets.UTF_8));
        inputs.add("{\"id\":\"3f8e2b1c-7a6d-4e5f-9c0b-1a2d3e4f5a6b\",\"post_code\":1e-999999999}"
                .getBytes(StandardCharsets.UTF_8));
        Random random = new Random(42);
        byte[] seed = SEED_MESSAGE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3_000; i++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            inputs.add(noise);
            byte[] mutated = seed.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            inputs.add(mutated);
        }

        for (byte[] input : inputs) {
            assertThatCode(() -> assertThat(UserRecordParser.parse(input)).isNotNull())
                    .doesNotThrowAnyException();
        }
        assertThat(UserRecordParser.parse(inputs.get(6))).isInstanceOf(Parsed.Invalid.class);
        assertThat(UserRecordParser.parse(inputs.get(8))).isInstanceOf(Parsed.Invalid.class);
        assertThat(reason(UserRecordParser.parse(inputs.get(9)))).hasSizeLessThan(140);
        assertThat(reason(UserRecordParser.parse(inputs.get(11))))
                .startsWith("unsupported schema_version 999")
                .hasSizeLessThan(140);
    }

    @Test
    void given_a_parsed_result_when_java_serialised_then_it_round_trips_for_spark() throws Exception {
        Parsed valid = parse(ContractDoc.firstJsonBlock(CONTRACT_HEADING));
        Parsed withProblems = parse(V1_PREFIX + ",\"field_problems\":[\"email: is not an e-mail address: 'x'\"]}");
        Parsed invalid = parse("[]");

        assertThat(roundTrip(valid)).isEqualTo(valid);
        assertThat(roundTrip(withProblems)).isEqualTo(withProblems);
        assertThat(roundTrip(invalid)).isEqualTo(invalid);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "",
                "abc",
                "1-1-1-1-1",
                "0d3f5c2a9b8e4c7da6f5e4d3c2b1a098",
                "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a09",
                "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a0988",
                "0d3f5c2a+9b8e-4c7d-a6f5-e4d3c2b1a098",
                "0d3f5c2g-9b8e-4c7d-a6f5-e4d3c2b1a098",
                "\uff10d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098"
            })
    void given_text_that_is_not_8_4_4_4_12_ascii_hex_when_checked_then_it_is_not_a_uuid(String text) {
        assertThat(UserRecordParser.isCanonicalUuid(text)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098",
                "0D3F5C2A-9B8E-4C7D-A6F5-E4D3C2B1A098",
                "00000000-0000-0000-0000-000000000000"
            })
    void given_8_4_4_4_12_ascii_hex_when_checked_then_it_is_a_uuid(String text) {
        assertThat(UserRecordParser.isCanonicalUuid(text)).isTrue();
    }
}
