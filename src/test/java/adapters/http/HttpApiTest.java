package adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The entry point the composition root uses, on a real socket. */
class HttpApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static HttpApi startOn(int port) {
        return start(HttpSettings.defaults().withPort(port));
    }

    private static HttpApi start(HttpSettings settings) {
        return HttpApi.start(
                settings,
                new FakeFetchUsers(),
                new FakeRunCommand(),
                new FakeRunCommand(),
                new FakeRuns(),
                new FakeUsers(),
                new FakeHealth(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @Test
    void given_port_0_when_starting_then_it_serves_on_the_chosen_port_at_its_base_uri_until_closed() throws Exception {
        URI health;
        try (HttpApi api = startOn(0)) {
            assertThat(api.port()).isPositive();
            assertThat(api.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + api.port() + "/"));
            health = api.baseUri().resolve("health");

            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThatThrownBy(
                        () -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void given_a_port_already_taken_when_starting_then_it_fails_with_the_address() {
        try (HttpApi first = startOn(0)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> startOn(first.port()))
                    .withMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void given_a_wildcard_bind_without_a_token_when_starting_directly_then_it_refuses_before_binding() {
        assertThatIllegalStateException()
                .isThrownBy(
                        () -> start(HttpSettings.defaults().withHost("0.0.0.0").withPort(0)))
                .withMessageContaining("without a bearer token");
    }

    @Test
    void given_the_trusted_network_opt_out_when_starting_on_a_wildcard_then_a_warning_is_logged_at_each_start() {
        Logger log = (Logger) LoggerFactory.getLogger(HttpApi.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (HttpApi api =
                start(HttpSettings.defaults().withHost("0.0.0.0").withPort(0).withOpenOnTrustedNetwork(true))) {
            assertThat(logged.list)
                    .anySatisfy(event -> {
                        assertThat(event.getLevel()).isEqualTo(Level.WARN);
                        assertThat(event.getFormattedMessage())
                                .contains("WITHOUT AUTHENTICATION", "0.0.0.0:" + api.port());
                    })
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains("HTTP API listening on 0.0.0.0:" + api.port()));
        } finally {
            log.detachAppender(logged);
        }
    }
}
