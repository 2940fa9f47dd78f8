package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import adapters.http.ApiFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostAllowListTest {

    private static Reply getWithHost(io.javalin.testtools.HttpClient client, String path, String host) {
        return send(client, path, request -> request.get().header("Host", host));
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(
            strings = {"evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil", "10.0.0.5"})
    void given_a_loopback_bind_when_a_request_names_another_host_then_421_json_without_echoing_it(String host) {
        anApi().test((server, client) -> {
            Reply reply = getWithHost(client, "/api/runs", host);

            assertThat(reply.status()).isEqualTo(421);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.error())
                    .startsWith("this server answers only for Host ")
                    .doesNotContain("evil");
        });
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:1", "127.0.0.1:9", "127.0.0.1", "[::1]:8080"})
    void given_a_loopback_bind_when_a_request_names_a_loopback_host_on_any_port_then_it_is_served(String host) {
        anApi().test((server, client) ->
                assertThat(getWithHost(client, "/health", host).status()).isEqualTo(200));
    }

    @Test
    void given_a_loopback_bind_when_probing_health_from_a_foreign_host_then_it_is_refused_too() {
        anApi().test((server, client) -> assertThat(
                        getWithHost(client, "/health", "evil.example").status())
                .isEqualTo(421));
    }

    @Test
    void given_a_wildcard_bind_without_a_list_when_any_host_asks_then_it_is_served() {
        ApiFixture api = anApi().with(settings -> settings.withHost("0.0.0.0").withBearerToken(BearerAuthTest.TOKEN));

        api.test((server, client) ->
                assertThat(getWithHost(client, "/health", "app:8080").status()).isEqualTo(200));
    }

    @Test
    void given_a_configured_list_when_hosts_ask_then_only_listed_names_are_served() {
        ApiFixture api = anApi().with(settings -> settings.withHost("0.0.0.0")
                .withBearerToken(BearerAuthTest.TOKEN)
                .withAllowedHosts(List.of("api.example.org", "app")));

        api.test((server, client) -> {
            assertThat(getWithHost(client, "/health", "app:8080").status()).isEqualTo(200);
            assertThat(getWithHost(client, "/health", "API.example.org").status())
                    .isEqualTo(200);
            assertThat(getWithHost(client, "/health", "localhost").status()).isEqualTo(421);
        });
    }
}
