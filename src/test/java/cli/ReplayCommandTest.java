package cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pipeline replay} against a scripted app API on loopback: which runs it asks to replay, what
 * it prints, and its exit code. The real app and stack are in {@link ReplayCommandIT}.
 */
class ReplayCommandTest {

    private static final String DONE = "11111111-1111-1111-1111-111111111111";
    private static final String FETCHING = "22222222-2222-2222-2222-222222222222";
    private static final String BUSY = "33333333-3333-3333-3333-333333333333";
    private static final String TOKEN = "t0ken";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer api;

    @BeforeEach
    void startTheScriptedApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", this::answer);
        api.start();
    }

    @AfterEach
    void stopIt() {
        api.stop(0);
    }

    @Test
    void given_all_when_some_runs_cannot_be_replayed_then_those_are_skipped_with_the_reason_and_the_rest_followed() {
        StringWriter output = new StringWriter();

        int exitCode = pipeline(output, "replay", "--all", "--api-url", baseUrl(), "--api-token", TOKEN);

        assertThat(exitCode).as(output.toString()).isZero();
        assertThat(requests)
                .contains("POST /api/runs/" + DONE + "/replay Bearer " + TOKEN)
                .contains("POST /api/runs/" + BUSY + "/replay Bearer " + TOKEN)
                .doesNotContain("POST /api/runs/" + FETCHING + "/replay Bearer " + TOKEN);
        assertThat(output.toString())
                .contains(FETCHING + " skipped: FETCHING")
                .contains(BUSY + " skipped: replay 1 of run " + BUSY + " is still publishing")
                .contains(DONE + " COMPLETED again")
                .contains("1 of 1 run(s) replayed | published again 5 of 5 | persisted again 5 of 5");
    }

    @Test
    void given_a_run_the_app_refuses_when_replaying_it_then_the_reason_and_exit_code_1() {
        StringWriter output = new StringWriter();

        int exitCode = pipeline(output, "replay", "--run", BUSY, "--api-url", baseUrl());

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.toString()).contains("error: replay 1 of run " + BUSY + " is still publishing");
    }

    @Test
    void given_a_run_id_that_is_not_a_uuid_when_replaying_then_a_usage_error_and_no_request() {
        StringWriter output = new StringWriter();

        int exitCode = pipeline(output, "replay", "--run", "../commands/fetch-users", "--api-url", baseUrl());

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.toString()).contains("--run: not a run id");
        assertThat(requests).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestMethod() + " " + path + (authorization == null ? "" : " " + authorization));
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/runs/" + BUSY + "/replay")) {
            reply(exchange, 409, "{\"error\":\"replay 1 of run " + BUSY + " is still publishing; ask again later\"}");
        } else if (exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 202, "{\"runId\":\"" + DONE + "\",\"status\":\"FETCHED\"}");
        } else if (path.equals("/api/runs")) {
            reply(
                    exchange,
                    200,
                    "{\"runs\":[" + run(DONE, "COMPLETED", null) + "," + run(FETCHING, "FETCHING", null) + ","
                            + run(BUSY, "FETCHED", "PUBLISHING") + "]}");
        } else {
            reply(exchange, 200, run(DONE, "COMPLETED", "COMPLETED"));
        }
    }

    private static String run(String runId, String status, String replayState) {
        return "{\"runId\":\"" + runId + "\",\"status\":\"" + status + "\",\"fetched\":5,\"persisted\":5,"
                + "\"replays\":1,\"replayState\":" + (replayState == null ? "null" : "\"" + replayState + "\"")
                + ",\"replayPublished\":5,\"replayPersisted\":5}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort() + "/";
    }

    private static int pipeline(StringWriter output, String... args) {
        var commandLine = Pipeline.commandLine();
        PrintWriter writer = new PrintWriter(output, true);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        return commandLine.execute(args);
    }
}
