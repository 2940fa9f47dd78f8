package adapters.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException.MalformedPage;
import application.port.out.UserSourceException.RejectedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.run.RequestLimits;
import domain.user.RawProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** As many users as a page may have: every fixture's profiles are kept. */
    private static final PageQuery QUERY =
            new PageQuery(4, RequestLimits.MAX_PAGE_SIZE, "seed", List.of(), Optional.empty());

    private final PageParser parser = new PageParser();

    private UserPage parse(String body) {
        return parser.parse(QUERY, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v1.4-mixed21nat-111users.json",
                "v1.4-NL-1user.json",
                "v1.3-mixed16nat-50users-a.json",
                "v1.3-BR-1user.json",
                "v1.3-GB-1user.json",
                "v1.2-mixed6nat-6users-LEGACY.json",
                "v1.0-nonat-6users-LEGACY.json"
            })
    void given_a_real_fixture_when_parsing_then_each_profile_equals_what_jackson_databind_reads(String fixture)
            throws IOException {
        byte[] body = ScriptedServer.fixtureBytes(fixture);
        JsonNode tree = MAPPER.readTree(body);

        UserPage page = parser.parse(QUERY, body);

        assertThat(page.apiVersion())
                .isEqualTo(tree.path("info").path("version").asText(""));
        assertThat(page.profiles()).hasSize(tree.get("results").size());
        for (int i = 0; i < page.profiles().size(); i++) {
            String compact = MAPPER.writeValueAsString(tree.get("results").get(i));
            assertThat(page.profiles().get(i).json()).isEqualTo(compact);
            assertThat(page.profiles().get(i).fields()).isEqualTo(MAPPER.readValue(compact, Map.class));
        }
    }

    @Test
    void given_more_profiles_than_requested_when_parsing_then_only_the_first_requested_are_kept() throws IOException {
        byte[] body = ScriptedServer.fixtureBytes("v1.4-mixed21nat-111users.json");
        PageQuery tenUsers = new PageQuery(1, 10, "seed", List.of(), Optional.empty());

        UserPage page = parser.parse(tenUsers, body);

        assertThat(page.profiles()).hasSize(10);
        assertThat(page.profiles().get(9).json())
                .isEqualTo(MAPPER.writeValueAsString(
                        MAPPER.readTree(body).get("results").get(9)));
        assertThat(page.apiVersion()).isEqualTo("1.4");
    }

    @Test
    void given_the_1_4_fixture_when_parsing_then_quirks_survive_explicit_nulls_mixed_postcodes_and_non_ascii() {
        UserPage page = parser.parse(QUERY, ScriptedServer.fixtureBytes("v1.4-mixed21nat-111users.json"));

        RawProfile iranian = page.profiles().stream()
                .filter(profile -> "IR".equals(profile.fields().get("nat")))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> id = (Map<String, Object>) iranian.fields().get("id");
        assertThat(id).containsKey("value");
        assertThat(id.get("value")).isNull();
        assertThat(iranian.json()).contains("\"value\":null");
        assertThat(page.profiles())
                .anySatisfy(profile -> assertThat(((Map<?, ?>) profile.fields().get("location")).get("postcode"))
                        .isInstanceOf(Integer.class));
        assertThat(page.profiles())
                .anySatisfy(profile -> assertThat(((Map<?, ?>) profile.fields().get("location")).get("postcode"))
                        .isInstanceOf(String.class));
        assertThat(iranian.json()).doesNotContain("\\u");
    }

    @Test
    void given_numbers_of_every_shape_when_parsing_then_the_json_keeps_their_source_text_and_the_map_their_value() {
        UserPage page = parse("{\"results\":[{\"a\":1.50,\"b\":-0,\"c\":12345678901,\"d\":1e3,"
                + "\"e\":123456789012345678901234567890,\"f\":[true,false,null],\"g\":{}}]}");

        RawProfile profile = page.profiles().get(0);
        assertThat(profile.json())
                .isEqualTo("{\"a\":1.50,\"b\":-0,\"c\":12345678901,\"d\":1e3,"
                        + "\"e\":123456789012345678901234567890,\"f\":[true,false,null],\"g\":{}}");
        assertThat(profile.fields())
                .containsEntry("a", 1.5)
                .containsEntry("c", 12345678901L)
                .containsEntry("d", 1000.0)
                .containsEntry("f", Arrays.asList(true, false, null))
                .containsEntry("g", Map.of());
        assertThat(profile.fields().get("e")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void given_no_info_when_parsing_then_the_api_version_is_empty() {
        assertThat(parse("{\"results\":[]}").apiVersion()).isEmpty();
        assertThat(parse("{\"results\":[],\"info\":{\"version\":null}}").apiVersion())
                .isEmpty();
        assertThat(parse("{\"info\":{\"seed\":\"x\",\"version\":\"1.3\"},\"results\":[]}")
                        .apiVersion())
                .isEqualTo("1.3");
    }

    @Test
    void given_an_error_body_when_parsing_then_the_request_is_rejected_with_the_source_message() {
        assertThatThrownBy(() -> parse("{\"error\":\"Uh oh, something has gone wrong\"}"))
                .isInstanceOf(RejectedRequest.class)
                .hasMessage("page 4: the source rejected the request: Uh oh, something has gone wrong");
        assertThatThrownBy(() -> parse("{\"error\":{\"code\":7}}"))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageEndingWith("{\"code\":7}");
    }

    @Test
    void given_garbage_when_parsing_then_malformed_with_the_byte_count_and_a_snippet() {
        assertThatThrownBy(() -> parse("Service\r\nUnavailable\u0000!"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("page 4: malformed response: invalid JSON at byte 0")
                .hasMessageContaining("22 bytes, starting \"Service Unavailable !\"");
    }

    @Test
    void given_a_long_body_when_reporting_it_then_the_snippet_is_cut_short() {
        String body = "<html>" + "x".repeat(10_000);

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("10006 bytes")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("…\""));
    }

    @Test
    void given_a_structurally_wrong_body_when_parsing_then_malformed_naming_what_is_wrong() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedPage.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> parse("[1,2]"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("the body is an array, not a JSON object");
        assertThatThrownBy(() -> parse("{\"info\":{}}"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("no \"results\" array");
        assertThatThrownBy(() -> parse("{\"results\":null}"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("\"results\" is null, not an array");
        assertThatThrownBy(() -> parse("{\"results\":[{\"a\":1},\"b\"]}"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("results[1] is a string, not an object");
        assertThatThrownBy(() -> parse("{\"results\":[]} trailing"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> parse("{\"results\":[]}{}"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("content after the JSON object");
    }

    @Test
    void given_truncated_json_when_parsing_then_malformed_naming_the_truncation() {
        assertThatThrownBy(() -> parse("{\"results\":[{\"name\":{\"first\":\"Le"))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("truncated JSON")
                .hasMessageContaining("32 bytes")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.io.JsonEOFException.class);
    }

    @Test
    void given_small_error_bodies_when_reading_the_source_error_then_only_json_errors_are_found() {
        assertThat(parser.sourceError("{\"error\":\"too many\"}".getBytes(StandardCharsets.UTF_8)))
                .contains("too many");
        assertThat(parser.sourceError("Not Found".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(parser.sourceError("{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
