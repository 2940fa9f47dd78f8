package adapters.kafka;

import static adapters.kafka.UserFetchedBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/contracts.md is what data engineers read; these tests make the producer's JSON and the
 * document's field tables and examples agree, so neither can change alone.
 */
class ContractDocumentTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("pipeline.home", "."), "docs/contracts.md");
    private static final String TABLE_HEADER = "| field | JSON type | nullable | meaning |";
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserMessageCodec codec = new UserMessageCodec();

    /** One row of a field table. */
    record DocumentedField(String name, String jsonType, boolean nullable) {}

    @Test
    void given_a_full_user_when_serialized_then_it_has_exactly_the_documented_fields_with_their_types()
            throws IOException {
        Map<String, DocumentedField> documented = fieldTable("users_created message");
        JsonNode json = JSON.readTree(codec.toJson(aUser().build()));

        assertThat(UserMessageJsonTest.fieldNames(json)).containsExactlyElementsOf(documented.keySet());
        documented.values().forEach(field -> assertHasDocumentedType(json.get(field.name()), field));
    }

    @Test
    void given_a_user_kept_with_a_field_problem_when_serialized_then_every_field_has_its_documented_type()
            throws IOException {
        Map<String, DocumentedField> documented = fieldTable("users_created message");
        JsonNode json = JSON.readTree(codec.toJson(aUser().withAnUnreadableDob().build()));

        assertThat(json.get("field_problems").isArray()).isTrue();
        assertThat(UserMessageJsonTest.fieldNames(json)).containsExactlyElementsOf(documented.keySet());
        documented.values().forEach(field -> assertHasDocumentedType(json.get(field.name()), field));
    }

    @Test
    void given_a_user_with_only_an_id_when_serialized_then_exactly_the_fields_documented_as_nullable_are_null()
            throws IOException {
        Map<String, DocumentedField> documented = fieldTable("users_created message");
        JsonNode json =
                JSON.readTree(codec.toJson(aUser().withOnlyRequiredFields().build()));

        assertThat(UserMessageJsonTest.fieldNames(json)).containsExactlyElementsOf(documented.keySet());
        documented.values().forEach(field -> {
            JsonNode value = json.get(field.name());
            assertThat(value.isNull())
                    .as("%s is null, documented nullable=%s", field.name(), field.nullable())
                    .isEqualTo(field.nullable());
            assertHasDocumentedType(value, field);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"users_created message", "users_created_dlq message", "users_persisted message"})
    void given_a_documented_message_when_its_example_is_parsed_then_it_has_the_table_s_fields_and_types(String section)
            throws IOException {
        Map<String, DocumentedField> documented = fieldTable(section);
        JsonNode example = JSON.readTree(example(section));

        assertThat(UserMessageJsonTest.fieldNames(example)).containsExactlyElementsOf(documented.keySet());
        documented.values().forEach(field -> assertHasDocumentedType(example.get(field.name()), field));
    }

    @Test
    void given_the_users_created_example_then_it_is_exactly_what_the_producer_writes_for_that_user()
            throws IOException {
        JsonNode example = JSON.readTree(example("users_created message"));

        assertThat(JSON.readTree(codec.toJson(aUser().build()))).isEqualTo(example);
    }

    @Test
    void given_the_document_then_it_ends_with_the_http_api_section_pointing_at_the_openapi_document()
            throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
        List<String> headings =
                lines.stream().filter(line -> line.startsWith("## ")).toList();

        assertThat(headings)
                .containsSubsequence(
                        "## Topics",
                        "## users_created message",
                        "## users_created_dlq message",
                        "## users_persisted message",
                        "## HTTP API");
        assertThat(headings.get(headings.size() - 1)).isEqualTo("## HTTP API");
        assertThat(lines)
                .contains("See the OpenAPI document served at `/openapi.json` "
                        + "(source: `src/main/resources/openapi.json`); a summary follows.");
    }

    @Test
    void given_the_topics_section_then_its_size_limits_are_the_ones_the_code_sets() throws IOException {
        List<String> topics = section("Topics");

        assertThat(sizeLimit(topics, "| `max.message.bytes` of every topic"))
                .isEqualTo(KafkaSettings.MAX_MESSAGE_BYTES);
        assertThat(sizeLimit(topics, "| a `users_created` value")).isEqualTo(KafkaSettings.MAX_USER_VALUE_BYTES);
        for (String topic : List.of("users_created", "users_created_dlq", "users_persisted")) {
            assertThat(topics)
                    .as("the %s row of the topic table names its max.message.bytes", topic)
                    .anySatisfy(row -> assertThat(row)
                            .startsWith("| `" + topic + "` |")
                            .contains("| " + KafkaSettings.MAX_MESSAGE_BYTES + " |"));
        }
    }

    /** The number in the second cell of the sizes table's row that starts with {@code rowStart}. */
    private static int sizeLimit(List<String> lines, String rowStart) {
        String row = lines.stream()
                .filter(line -> line.startsWith(rowStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row starting with " + rowStart));
        return Integer.parseInt(row.substring(1).split("\\|")[1].strip());
    }

    private static void assertHasDocumentedType(JsonNode value, DocumentedField field) {
        assertThat(value).as(field.name() + " present").isNotNull();
        if (value.isNull()) {
            assertThat(field.nullable())
                    .as(field.name() + " is null but documented as not nullable")
                    .isTrue();
            return;
        }
        String type = field.jsonType();
        String description = field.name() + " documented as " + type + ", was " + value;
        if (type.equals("integer")) {
            assertThat(value.isIntegralNumber()).as(description).isTrue();
        } else if (type.equals("boolean")) {
            assertThat(value.isBoolean()).as(description).isTrue();
        } else if (type.startsWith("array of strings")) {
            assertThat(value.isArray()).as(description).isTrue();
            value.forEach(element -> assertString(
                    element, type.substring("array of strings".length()).strip(), description));
        } else if (type.startsWith("string")) {
            assertString(value, type.substring("string".length()).strip(), description);
        } else {
            fail("the test does not know the documented JSON type '%s' of %s", type, field.name());
        }
    }

    private static void assertString(JsonNode value, String format, String description) {
        assertThat(value.isTextual()).as(description).isTrue();
        switch (format) {
            case "" -> {}
            case "(UUID)" ->
                assertThat(UUID.fromString(value.textValue()).toString())
                        .as(description)
                        .isEqualTo(value.textValue());
            case "(ISO-8601 instant)" -> {
                assertThat(value.textValue()).as(description).matches(INSTANT);
                assertThat(Instant.parse(value.textValue())).isNotNull();
            }
            default -> fail("the test does not know the string format '%s' (%s)", format, description);
        }
    }

    /** The field table of a "## {section}" section, in document order. */
    static Map<String, DocumentedField> fieldTable(String section) throws IOException {
        List<String> lines = section(section);
        int header = lines.indexOf(TABLE_HEADER);
        assertThat(header)
                .as("'%s' has a table starting with %s", section, TABLE_HEADER)
                .isNotNegative();
        assertThat(lines.get(header + 1)).as("separator row").matches("\\|(-+\\|){4}");
        Map<String, DocumentedField> fields = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1).split("\\|", 4);
            String name = cells[0].strip();
            assertThat(name).as("field cell of " + line).matches("`[a-z0-9_]+`");
            String nullable = cells[2].strip();
            assertThat(nullable).as("nullable cell of " + line).isIn("yes", "no");
            DocumentedField field =
                    new DocumentedField(name.substring(1, name.length() - 1), cells[1].strip(), nullable.equals("yes"));
            assertThat(fields.put(field.name(), field))
                    .as("duplicate row for " + field.name())
                    .isNull();
        }
        assertThat(fields).as("rows of '%s'", section).isNotEmpty();
        return fields;
    }

    /** The first ```json block of a "## {section}" section. */
    static String example(String section) throws IOException {
        List<String> lines = section(section);
        int start = lines.indexOf("```json");
        assertThat(start).as("'%s' has a ```json example", section).isNotNegative();
        int end = lines.subList(start + 1, lines.size()).indexOf("```");
        assertThat(end).as("the example of '%s' is closed", section).isNotNegative();
        return String.join("\n", lines.subList(start + 1, start + 1 + end));
    }

    private static List<String> section(String title) throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
        int start = lines.indexOf("## " + title);
        assertThat(start).as("%s has a section '## %s'", DOCUMENT, title).isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }
}
