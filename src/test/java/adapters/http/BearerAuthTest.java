package adapters.http;

import static adapters.http.ApiFixture.FETCH_USERS;
import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static adapters.http.ApiFixture.postJson;
import static adapters.http.FetchUsersBodyBuilder.aFetchUsersBody;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.http.ApiFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {

    static final String TOKEN = "s3cr3t-T0ken_for.tests~0123456789abcdef";

    private static ApiFixture anApiWithAToken() {
        return anApi().with(settings -> settings.withBearerToken(TOKEN));
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @NullSource
    @ValueSource(
            strings = {
                "Bearer wrong-token",
                "Bearer " + TOKEN + "x",
                "Bearer",
                "Bearer ",
                "Basic dXNlcjpwYXNz",
                TOKEN,
                "Bearer" + TOKEN
            })
    void given_a_token_is_configured_when_a_command_comes_without_it_then_401_with_www_authenticate(
            String authorization) {
        ApiFixture api = anApiWithAToken();

        api.test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, aFetchUsersBody().json(), request -> {
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
            });

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(reply.error()).isEqualTo("missing or wrong bearer token");
            assertThat(api.fetchUsers.received()).isEmpty();
        });
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer " + TOKEN, "bearer " + TOKEN, "BEARER " + TOKEN, "  Bearer " + TOKEN + "  "})
    void given_a_token_is_configured_when_a_command_carries_it_then_it_is_accepted(String authorization) {
        ApiFixture api = anApiWithAToken();

        api.test((server, client) -> {
            Reply reply = postJson(
                    client,
                    FETCH_USERS,
                    aFetchUsersBody().json(),
                    request -> request.header("Authorization", authorization));

            assertThat(reply.status()).isEqualTo(202);
            assertThat(api.fetchUsers.received()).hasSize(1);
        });
    }

    @Test
    void given_a_token_is_configured_when_an_unauthenticated_command_is_also_malformed_then_401_comes_first() {
        ApiFixture api = anApiWithAToken();

        api.test((server, client) ->
                assertThat(postJson(client, FETCH_USERS, "{not json").status()).isEqualTo(401));
    }

    @Test
    void given_no_token_is_configured_when_a_command_comes_without_authorization_then_it_is_accepted() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            assertThat(postJson(client, FETCH_USERS, aFetchUsersBody().json()).status())
                    .isEqualTo(202);
            assertThat(postJson(
                                    client,
                                    FETCH_USERS,
                                    aFetchUsersBody().json(),
                                    request -> request.header("Authorization", "Bearer anything"))
                            .status())
                    .isEqualTo(202);
        });
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(
            strings = {
                "/api/runs",
                "/api/runs/" + RunViewBuilder.RUN_ID,
                "/api/runs/" + RunViewBuilder.RUN_ID + "/users",
                "/api/users/0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098"
            })
    void given_a_token_is_configured_when_reading_an_api_route_without_it_then_401_json_with_www_authenticate(
            String path) {
        ApiFixture api = anApiWithAToken();
        api.runs.with(RunViewBuilder.aRunView().build());

        api.test((server, client) -> {
            Reply reply = get(client, path);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(reply.error()).isEqualTo("missing or wrong bearer token");
        });
    }

    @Test
    void given_a_token_is_configured_when_reading_with_it_then_the_api_answers() {
        ApiFixture api = anApiWithAToken();
        api.runs.with(RunViewBuilder.aRunView().build());

        api.test((server, client) -> assertThat(ApiFixture.send(
                                client,
                                "/api/runs/" + RunViewBuilder.RUN_ID,
                                request -> request.get().header("Authorization", "Bearer " + TOKEN))
                        .status())
                .isEqualTo(200));
    }

    @Test
    void given_a_token_is_configured_when_probing_without_it_then_health_ready_metrics_and_openapi_stay_open() {
        ApiFixture api = anApiWithAToken();

        api.test((server, client) -> {
            assertThat(get(client, "/health").status()).isEqualTo(200);
            assertThat(get(client, "/ready").status()).isEqualTo(200);
            assertThat(get(client, "/metrics").status()).isEqualTo(200);
            assertThat(get(client, "/openapi.json").status()).isEqualTo(200);
        });
    }

    @Test
    void given_the_token_is_required_on_operations_when_probing_without_it_then_only_health_and_openapi_stay_open() {
        ApiFixture api = anApiWithAToken().with(settings -> settings.withTokenOnOperations(true));

        api.test((server, client) -> {
            assertThat(get(client, "/health").status()).isEqualTo(200);
            assertThat(get(client, "/openapi.json").status()).isEqualTo(200);
            assertThat(get(client, "/ready").status()).isEqualTo(401);
            assertThat(get(client, "/metrics").status()).isEqualTo(401);
            assertThat(ApiFixture.send(
                                    client,
                                    "/metrics",
                                    request -> request.get().header("Authorization", "Bearer " + TOKEN))
                            .status())
                    .isEqualTo(200);
        });
    }
}
