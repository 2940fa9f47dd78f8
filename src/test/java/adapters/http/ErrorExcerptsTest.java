package adapters.http;

import static adapters.http.ApiFixture.FETCH_USERS;
import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static adapters.http.ApiFixture.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.http.ApiFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 400 and 404 bodies say what is wrong without Jackson's words or more than a short excerpt of the input. */
class ErrorExcerptsTest {

    private static final String LONG = "A".repeat(500);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "trailing content | {\"count\": 1} {} | more content after the JSON value",
                "NaN | {\"count\": NaN} | malformed JSON",
                "a single-quoted key | {'count': 1} | malformed JSON",
                "a cut body | {\"count\": | it ends before the value is complete",
                "a duplicate key | {\"count\": 1, \"count\": 2} | duplicate key 'count'"
            })
    void given_a_body_jackson_refuses_when_posting_then_400_says_why_in_the_clients_terms(
            String what, String body, String expected) {
        anApi().test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error()).startsWith("body is not valid JSON: " + expected);
            assertThat(reply.error())
                    .doesNotContain("Feature", "`", "com.fasterxml", "JsonNode", "code ", "token 'null'");
        });
    }

    @Test
    void given_an_unknown_field_with_a_long_name_and_control_characters_when_posting_then_only_an_excerpt_comes_back() {
        anApi().test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, "{\"count\": 1, \"\\u001b[31m" + LONG + "\": 1}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).doesNotContain("\\u001b", "A".repeat(Excerpt.MAX_ECHO + 1));
            assertThat(reply.field()).hasSizeLessThanOrEqualTo(Excerpt.MAX_ECHO + 3);
        });
    }

    @Test
    void given_a_long_gender_when_posting_then_the_domains_message_repeats_only_an_excerpt() {
        anApi().test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, "{\"count\": 1, \"gender\": \"" + LONG + "\"}");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).doesNotContain("A".repeat(Excerpt.MAX_ECHO + 1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/runs/", "/api/users/", "/no/such/"})
    void given_a_long_path_when_it_is_not_found_then_404_repeats_only_an_excerpt(String prefix) {
        anApi().test((server, client) -> {
            Reply reply = get(client, prefix + LONG + "%0A%1B");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.error()).doesNotContain("A".repeat(Excerpt.MAX_ECHO + 1), "\n", "\u001b");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "/api/runs?limit=1&limit=2, limit",
        "/api/runs/" + RunViewBuilder.RUN_ID + "/users?pageToken=a&pageToken=b, pageToken"
    })
    void given_a_repeated_query_parameter_when_reading_then_400_names_it(String path, String parameter) {
        ApiFixture api = anApi();
        api.runs.with(RunViewBuilder.aRunView().build());

        api.test((server, client) -> {
            Reply reply = get(client, path);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo(parameter);
            assertThat(reply.error()).isEqualTo(parameter + " must be given at most once");
        });
    }
}
