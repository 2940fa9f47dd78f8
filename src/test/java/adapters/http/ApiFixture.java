package adapters.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The real app wired to in-memory fakes of its in-ports, run by JavalinTest on a free port. */
final class ApiFixture {

    static final String FETCH_USERS = "/api/commands/fetch-users";
    static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final FakeFetchUsers fetchUsers = new FakeFetchUsers();
    final FakeRunCommand replay = new FakeRunCommand();
    final FakeRunCommand cancel = new FakeRunCommand();
    final FakeRuns runs = new FakeRuns();
    final FakeUsers users = new FakeUsers();
    final FakeHealth health = new FakeHealth();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HttpSettings settings = HttpSettings.defaults().withPort(0);

    static ApiFixture anApi() {
        return new ApiFixture();
    }

    ApiFixture with(UnaryOperator<HttpSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    Javalin app() {
        return HttpApi.create(settings, fetchUsers, replay, cancel, runs, users, health, registry);
    }

    void test(TestCase testCase) {
        JavalinTest.test(app(), testCase);
    }

    /** What a test looks at: read and closed at once, so no test leaks a connection. */
    record Reply(int status, Headers headers, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        /** "error" plus "field" when present, for one-line assertions. */
        String error() {
            return json().path("error").asText(null);
        }

        String field() {
            return json().path("field").asText(null);
        }
    }

    static Reply send(HttpClient client, String path, Consumer<Request.Builder> request) {
        try (Response response = client.request(path, request)) {
            return new Reply(
                    response.code(),
                    response.headers(),
                    response.body() == null ? "" : response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply get(HttpClient client, String path) {
        return send(client, path, request -> request.get());
    }

    static Reply postJson(HttpClient client, String path, String json) {
        return postJson(client, path, json, request -> {});
    }

    static Reply postJson(HttpClient client, String path, String json, Consumer<Request.Builder> headers) {
        return send(client, path, request -> {
            request.post(RequestBody.create(json, JSON));
            headers.accept(request);
        });
    }
}
