package adapters.http;

import static adapters.http.ApiFixture.FETCH_USERS;
import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.postJson;
import static adapters.http.ApiFixture.send;
import static adapters.http.FetchUsersBodyBuilder.aFetchUsersBody;
import static adapters.http.RunViewBuilder.aRunView;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import adapters.http.ApiFixture.Reply;
import application.port.in.FetchUsersCommand;
import domain.run.RunRuleViolation;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FetchUsersEndpointTest {

    @Test
    void given_a_valid_body_when_posting_fetch_users_then_202_with_run_id_status_links_and_location() {
        ApiFixture api = anApi();
        api.fetchUsers.answering(
                aRunView().withRunId("run-42").withStatus("REQUESTED").build());

        api.test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, aFetchUsersBody().json());

            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.header("Location")).isEqualTo("/api/runs/run-42");
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().path("runId").asText()).isEqualTo("run-42");
            assertThat(reply.json().path("status").asText()).isEqualTo("REQUESTED");
            assertThat(reply.json().path("links").path("self").asText()).isEqualTo("/api/runs/run-42");
            assertThat(reply.json().path("links").path("users").asText()).isEqualTo("/api/runs/run-42/users");
        });
    }

    @Test
    void given_every_field_and_an_idempotency_key_when_posting_then_the_use_case_receives_all_of_them() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            postJson(
                    client,
                    FETCH_USERS,
                    aFetchUsersBody().withEverything().with("count", 1234).json(),
                    request -> request.header("Idempotency-Key", "scheduled__2026-11-25T10:00:00"));

            assertThat(api.fetchUsers.onlyCommand())
                    .isEqualTo(new FetchUsersCommand(
                            1234, List.of("GB", "FR"), "female", "demo-1", "scheduled__2026-11-25T10:00:00"));
        });
    }

    @Test
    void given_only_a_count_when_posting_then_the_optional_fields_reach_the_use_case_empty() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            postJson(client, FETCH_USERS, "{\"count\": 7}");

            assertThat(api.fetchUsers.onlyCommand()).isEqualTo(new FetchUsersCommand(7, List.of(), null, null, null));
        });
    }

    @Test
    void given_explicit_nulls_for_the_optional_fields_when_posting_then_they_count_as_absent() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = postJson(
                    client, FETCH_USERS, "{\"count\": 7, \"nationalities\": null, \"gender\": null, \"seed\": null}");

            assertThat(reply.status()).isEqualTo(202);
            assertThat(api.fetchUsers.onlyCommand()).isEqualTo(new FetchUsersCommand(7, List.of(), null, null, null));
        });
    }

    static Stream<Arguments> bodies_that_break_a_rule() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"count\": ", null, "body is not valid JSON: "),
                Arguments.of("a duplicate key", "{\"count\": 1, \"count\": 2}", null, "body is not valid JSON: "),
                Arguments.of("trailing content", "{\"count\": 1} {}", null, "body is not valid JSON: "),
                Arguments.of("an empty body", "", null, "body is required"),
                Arguments.of("an array instead of an object", "[1]", null, "body must be a JSON object"),
                Arguments.of("no count", "{}", "count", "count is required"),
                Arguments.of("a null count", "{\"count\": null}", "count", "count is required"),
                Arguments.of(
                        "a count that is a string",
                        aFetchUsersBody().with("count", "10").json(),
                        "count",
                        "count must be an integer"),
                Arguments.of(
                        "a count with a fraction",
                        aFetchUsersBody().with("count", 5.5).json(),
                        "count",
                        "count must be an integer"),
                Arguments.of("a count beyond int", "{\"count\": 99999999999}", "count", "count must be between 1 and"),
                Arguments.of(
                        "a zero count",
                        aFetchUsersBody().with("count", 0).json(),
                        "count",
                        "count: must be between 1 and"),
                Arguments.of(
                        "an unknown field",
                        aFetchUsersBody().with("colour", "red").json(),
                        "colour",
                        "unknown field \"colour\""),
                Arguments.of(
                        "two unknown fields",
                        aFetchUsersBody().with("colour", "red").with("size", 3).json(),
                        "colour",
                        "unknown fields \"colour\", \"size\""),
                Arguments.of(
                        "nationalities as a string",
                        aFetchUsersBody().with("nationalities", "GB").json(),
                        "nationalities",
                        "nationalities must be an array of strings"),
                Arguments.of(
                        "a nationality that is a number",
                        aFetchUsersBody().with("nationalities", List.of(1)).json(),
                        "nationalities",
                        "nationalities must be an array of strings"),
                Arguments.of(
                        "a gender that is a number",
                        aFetchUsersBody().with("gender", 1).json(),
                        "gender",
                        "gender must be a string"),
                Arguments.of(
                        "an unknown gender",
                        aFetchUsersBody().with("gender", "other").json(),
                        "gender",
                        "gender: must be"),
                Arguments.of(
                        "a seed that is a number",
                        aFetchUsersBody().with("seed", 42).json(),
                        "seed",
                        "seed must be a string"),
                Arguments.of(
                        "a seed with spaces",
                        aFetchUsersBody().with("seed", "not a seed").json(),
                        "seed",
                        "seed: must be"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies_that_break_a_rule")
    void given_a_body_that_breaks_a_rule_when_posting_then_400_names_the_field_and_the_rule(
            String description, String body, String field, String message) {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, body);

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.error()).startsWith(message);
            assertThat(reply.field()).isEqualTo(field);
            assertThat(api.fetchUsers.received()).isEmpty();
        });
    }

    @Test
    void given_an_idempotency_key_that_is_too_long_when_posting_then_400_names_the_header() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = postJson(
                    client,
                    FETCH_USERS,
                    aFetchUsersBody().json(),
                    request -> request.header("Idempotency-Key", "k".repeat(201)));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("Idempotency-Key");
            assertThat(reply.error()).contains("1-200 characters");
        });
    }

    @Test
    void given_the_domain_refuses_the_request_when_posting_then_400_carries_its_message() {
        ApiFixture api = anApi();
        api.fetchUsers.failingWith(new RunRuleViolation("unknown nationality code \"XX\"; known: AU, BR, CA"));

        api.test((server, client) -> {
            Reply reply = postJson(
                    client,
                    FETCH_USERS,
                    aFetchUsersBody().with("nationalities", List.of("XX")).json());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().size()).isEqualTo(1);
            assertThat(reply.error()).isEqualTo("unknown nationality code \"XX\"; known: AU, BR, CA");
        });
    }

    @Test
    void given_a_body_over_the_limit_with_a_content_length_when_posting_then_413_says_the_limit() {
        ApiFixture api = anApi().with(settings -> settings.withMaxRequestBodyBytes(100));

        api.test((server, client) -> {
            Reply reply = postJson(
                    client,
                    FETCH_USERS,
                    aFetchUsersBody().with("seed", "s".repeat(200)).json());

            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.error()).isEqualTo("request body is larger than the limit of 100 bytes");
            assertThat(api.fetchUsers.received()).isEmpty();
        });
    }

    @Test
    void given_a_chunked_body_over_the_limit_when_posting_then_413_too() {
        ApiFixture api = anApi().with(settings -> settings.withMaxRequestBodyBytes(100));
        byte[] body = aFetchUsersBody().with("seed", "s".repeat(200)).json().getBytes(StandardCharsets.UTF_8);

        api.test((server, client) -> {
            Reply reply = send(client, FETCH_USERS, request -> request.post(chunked(body)));

            assertThat(reply.status()).isEqualTo(413);
            assertThat(api.fetchUsers.received()).isEmpty();
        });
    }

    @Test
    void given_a_body_exactly_at_the_limit_when_posting_then_it_is_accepted() {
        String body = "{\"count\": 7}";
        ApiFixture api = anApi().with(settings -> settings.withMaxRequestBodyBytes(body.length()));

        api.test((server, client) ->
                assertThat(postJson(client, FETCH_USERS, body).status()).isEqualTo(202));
    }

    static Stream<Arguments> content_types_other_than_json() {
        return Stream.of(
                Arguments.of("text/plain", "Content-Type must be application/json, was text/plain"),
                Arguments.of("application/x-www-form-urlencoded", "Content-Type must be application/json"),
                Arguments.of("application/json; charset=iso-8859-1", "JSON bodies must be UTF-8"),
                Arguments.of(null, "Content-Type must be application/json, was missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("content_types_other_than_json")
    void given_a_content_type_other_than_json_when_posting_then_415(String contentType, String message) {
        ApiFixture api = anApi();
        MediaType mediaType = contentType == null ? null : MediaType.get(contentType);

        api.test((server, client) -> {
            Reply reply = send(
                    client,
                    FETCH_USERS,
                    request -> request.post(
                            RequestBody.create(aFetchUsersBody().json().getBytes(StandardCharsets.UTF_8), mediaType)));

            assertThat(reply.status()).isEqualTo(415);
            assertThat(reply.error()).startsWith(message);
            assertThat(api.fetchUsers.received()).isEmpty();
        });
    }

    @Test
    void given_json_without_a_charset_or_with_utf8_in_capitals_when_posting_then_it_is_accepted() {
        ApiFixture api = anApi();
        byte[] body = aFetchUsersBody().json().getBytes(StandardCharsets.UTF_8);

        api.test((server, client) -> {
            Reply plain = send(
                    client,
                    FETCH_USERS,
                    request -> request.post(RequestBody.create(body, null)).header("Content-Type", "application/json"));
            Reply capitals = send(
                    client,
                    FETCH_USERS,
                    request -> request.post(RequestBody.create(body, null))
                            .header("Content-Type", "Application/JSON; charset=\"UTF-8\""));

            assertThat(plain.status()).isEqualTo(202);
            assertThat(capitals.status()).isEqualTo(202);
        });
    }

    /** No Content-Length: the server only learns the size by reading. */
    private static RequestBody chunked(byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return ApiFixture.JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(bytes);
            }
        };
    }
}
