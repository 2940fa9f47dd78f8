package adapters.kafka;

import static adapters.kafka.UserFetchedBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import domain.event.UserFetched;
import org.junit.jupiter.api.Test;

class UserMessageJsonTest {

    static final List<String> DOCUMENTED_FIELDS = List.of(
            "schema_version",
            "id",
            "first_name",
            "last_name",
            "gender",
            "address",
            "post_code",
            "email",
            "username",
            "dob",
            "registered_date",
            "phone",
            "picture",
            "nationality",
            "run_id",
            "fetched_at",
            "field_problems");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserMessageCodec codec = new UserMessageCodec();

    @Test
    void given_a_full_user_when_serialized_then_every_field_is_present_in_snake_case_with_its_value() throws Exception {
        JsonNode json = JSON.readTree(codec.toJson(aUser().build()));

        assertThat(fieldNames(json)).containsExactlyElementsOf(DOCUMENTED_FIELDS);
        assertThat(json.get("schema_version").isInt()).isTrue();
        assertThat(json.get("schema_version").intValue()).isEqualTo(1);
        Map<String, String> expectedText = Map.ofEntries(
                Map.entry("id", "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098"),
                Map.entry("first_name", "Ægir"),
                Map.entry("last_name", "Ødegård"),
                Map.entry("gender", "male"),
                Map.entry("address", "4312 Kirkeveien, Kvinesdal, Østfold, Norway"),
                Map.entry("post_code", "4480"),
                Map.entry("email", "aegir.odegard@example.com"),
                Map.entry("username", "bluebird123"),
                Map.entry("dob", "1993-07-20T09:44:18.674Z"),
                Map.entry("registered_date", "2014-03-02T11:05:40.123Z"),
                Map.entry("phone", "(272) 790-0888"),
                Map.entry("picture", "https://randomuser.me/api/portraits/med/men/54.jpg"),
                Map.entry("nationality", "NO"),
                Map.entry("run_id", "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"),
                Map.entry("fetched_at", "2026-11-25T10:00:01.250Z"));
        expectedText.forEach((field, value) -> {
            assertThat(json.get(field).getNodeType()).as(field).isEqualTo(JsonNodeType.STRING);
            assertThat(json.get(field).textValue()).as(field).isEqualTo(value);
        });
    }

    @Test
    void given_a_user_with_only_an_id_when_serialized_then_the_unknown_fields_are_present_as_json_null()
            throws Exception {
        JsonNode json =
                JSON.readTree(codec.toJson(aUser().withOnlyRequiredFields().build()));

        assertThat(fieldNames(json)).containsExactlyElementsOf(DOCUMENTED_FIELDS);
        List<String> required = List.of("schema_version", "id", "run_id", "fetched_at");
        DOCUMENTED_FIELDS.stream()
                .filter(field -> !required.contains(field))
                .forEach(field -> assertThat(json.get(field).isNull()).as(field).isTrue());
        required.forEach(field -> assertThat(json.get(field).isNull()).as(field).isFalse());
    }

    @Test
    void given_a_user_kept_with_a_field_problem_when_serialized_then_field_problems_lists_it_as_one_line()
            throws Exception {
        JsonNode json = JSON.readTree(codec.toJson(aUser().withAnUnreadableDob().build()));

        assertThat(json.get("dob").isNull()).isTrue();
        assertThat(json.get("field_problems").isArray()).isTrue();
        assertThat(json.get("field_problems"))
                .extracting(JsonNode::textValue)
                .containsExactly("dob.date: is not a date: 'yesterday'; stored as null");
    }

    @Test
    void given_instants_of_any_precision_when_serialized_then_they_are_utc_with_exactly_milliseconds()
            throws Exception {
        UserFetched user = aUser().withDob(Instant.parse("1944-10-04T01:32:33Z"))
                .withRegisteredDate(Instant.parse("1969-12-31T23:59:59.999999999Z"))
                .withFetchedAt(Instant.parse("2026-11-25T10:00:01.123456Z"))
                .build();

        JsonNode json = JSON.readTree(codec.toJson(user));

        assertThat(json.get("dob").textValue()).isEqualTo("1944-10-04T01:32:33.000Z");
        assertThat(json.get("registered_date").textValue()).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(json.get("fetched_at").textValue()).isEqualTo("2026-11-25T10:00:01.123Z");
    }

    @Test
    void given_non_ascii_text_when_serialized_then_the_bytes_are_utf8_not_escapes() {
        String text =
                new String(codec.toJson(aUser().withFirstName("Ǎgir Σοφία محمد").build()), StandardCharsets.UTF_8);

        assertThat(text).contains("\"first_name\":\"Ǎgir Σοφία محمد\"");
    }

    @Test
    void given_a_serialized_message_when_parsed_back_then_it_equals_the_message_it_came_from() {
        for (UserFetched user : List.of(
                aUser().build(),
                aUser().withOnlyRequiredFields().build(),
                aUser().withAnUnreadableDob().build())) {
            UserMessage message = UserMessage.from(user);

            assertThat(codec.fromJson(codec.toJson(message))).isEqualTo(message);
        }
    }

    @Test
    void given_a_message_with_a_field_this_version_does_not_know_when_parsed_then_the_field_is_ignored() {
        String newer = "{\"schema_version\":1,\"id\":\"0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098\",\"city\":\"Oslo\"}";

        UserMessage message = codec.fromJson(newer.getBytes(StandardCharsets.UTF_8));

        assertThat(message.id()).isEqualTo("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098");
        assertThat(message.firstName()).isNull();
    }

    static List<String> fieldNames(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
