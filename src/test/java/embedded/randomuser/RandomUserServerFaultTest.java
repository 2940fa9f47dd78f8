package embedded.randomuser;

import static embedded.randomuser.Fault.disconnect;
import static embedded.randomuser.Fault.errorBody;
import static embedded.randomuser.Fault.garbage;
import static embedded.randomuser.Fault.slow;
import static embedded.randomuser.Fault.status;
import static embedded.randomuser.Fault.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserServerFaultTest {

    private static final String QUERY = "?results=10&seed=faults";

    private static RandomUserServer server;
    private static LoopbackHttp http;

    @BeforeAll
    static void startServer() {
        server = RandomUserServer.start(0);
        http = new LoopbackHttp(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void cleanSlate() {
        server.faults().clear();
        server.stats().reset();
    }

    private static boolean isJson(String body) {
        try {
            LoopbackHttp.JSON.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int nextStatus() {
        return http.get(QUERY).statusCode();
    }

    // ------------------------------------------------------------------------ each kind

    @Test
    void given_a_queued_429_when_requesting_then_429_with_retry_after_1_and_a_json_error_then_normal_again() {
        server.faults().enqueue(status(429));

        HttpResponse<String> limited = http.get(QUERY);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(LoopbackHttp.parse(limited.body()).get("error").asText()).isEqualTo("Too Many Requests");
        assertThat(http.json(QUERY).get("results")).hasSize(10);
    }

    @Test
    void given_a_429_with_a_configured_retry_after_when_requesting_then_that_header_is_sent() {
        server.faults().enqueue(status(429).retryAfter(7));

        assertThat(http.get(QUERY).headers().firstValue("Retry-After")).contains("7");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void given_a_queued_5xx_when_requesting_then_that_status_with_a_json_error_body(int code) {
        server.faults().enqueue(status(code));

        HttpResponse<String> response = http.get(QUERY);

        assertThat(response.statusCode()).isEqualTo(code);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(LoopbackHttp.parse(response.body()).get("error").asText()).isNotBlank();
    }

    @Test
    void given_a_slow_fault_when_requesting_then_the_normal_answer_arrives_after_the_delay() {
        server.faults().enqueue(slow(Duration.ofMillis(400)));
        long start = System.nanoTime();

        HttpResponse<String> response = http.get(QUERY);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(http.get(QUERY).body());
    }

    @Test
    void given_a_slow_request_pending_when_others_arrive_then_they_are_answered_meanwhile() {
        CompletableFuture<HttpResponse<String>> slowOne =
                http.client.sendAsync(http.request(QUERY + "&fault=slow:1500ms"), HttpResponse.BodyHandlers.ofString());

        for (int i = 0; i < 2 * RandomUserServer.WORKER_THREADS; i++) {
            assertThat(nextStatus()).isEqualTo(200);
        }
        assertThat(slowOne).isNotDone();
        await().atMost(Duration.ofSeconds(10)).until(slowOne::isDone);
        assertThat(slowOne.join().statusCode()).isEqualTo(200);
    }

    @Test
    void
            given_a_slow_fault_longer_than_the_client_timeout_when_requesting_then_the_client_times_out_and_the_server_survives() {
        server.faults().enqueue(slow(Duration.ofMillis(800)));

        CompletableFuture<HttpResponse<String>> timedOut = http.client.sendAsync(
                java.net.http.HttpRequest.newBuilder(http.uri(QUERY))
                        .timeout(Duration.ofMillis(200))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(5)).until(timedOut::isDone);
        assertThat(timedOut).isCompletedExceptionally();
        assertThat(nextStatus()).isEqualTo(200);
    }

    @Test
    void given_a_garbage_fault_when_requesting_then_200_with_a_body_that_is_not_json() {
        server.faults().enqueue(garbage());

        HttpResponse<String> response = http.get(QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotBlank();
        assertThat(isJson(response.body())).isFalse();
    }

    @Test
    void given_a_truncated_fault_when_requesting_then_200_with_the_first_half_of_the_valid_body() {
        server.faults().enqueue(truncated());

        HttpResponse<byte[]> cut = http.getBytes(QUERY);
        HttpResponse<byte[]> whole = http.getBytes(QUERY);

        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body().length).isEqualTo(whole.body().length / 2);
        assertThat(cut.body()).isEqualTo(Arrays.copyOf(whole.body(), cut.body().length));
        assertThat(isJson(new String(cut.body(), StandardCharsets.UTF_8))).isFalse();
        assertThat(cut.headers().firstValueAsLong("Content-Length")).hasValue(cut.body().length);
    }

    @Test
    void given_an_error_body_fault_when_requesting_then_http_200_with_the_error_object() {
        server.faults().enqueue(errorBody("Uh oh, something has gone wrong."));

        HttpResponse<String> response = http.get(QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = LoopbackHttp.parse(response.body());
        assertThat(body.get("error").asText()).isEqualTo("Uh oh, something has gone wrong.");
        assertThat(body.has("results")).isFalse();
    }

    @Test
    void given_a_queued_disconnect_when_a_raw_request_arrives_then_the_connection_closes_without_any_response()
            throws IOException {
        server.faults().enqueue(disconnect());

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET /api/1.4/" + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.stats().faults()).containsEntry("disconnect", 1L);
        assertThat(nextStatus()).isEqualTo(200);
    }

    @Test
    void given_a_disconnect_fault_parameter_when_requesting_with_http_client_then_it_fails_with_an_io_error() {
        // java.net.http retries an idempotent GET whose connection closed before any response,
        // so a single queued disconnect can be invisible to it; the parameter faults every attempt
        assertThatThrownBy(() -> http.client.send(
                        http.request(QUERY + "&fault=disconnect"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(server.stats().faults().get("disconnect")).isPositive();
    }

    // ------------------------------------------------------------------------ plan

    @Test
    void given_several_queued_faults_with_repeats_when_requesting_then_they_are_consumed_in_order() {
        server.faults()
                .enqueue(
                        status(429).times(2),
                        status(503),
                        garbage(),
                        errorBody("x"),
                        status(502).times(2));

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = http.get(QUERY);
            seen.add(r.statusCode()
                    + (r.statusCode() == 200
                            ? (isJson(r.body()) ? (r.body().contains("\"error\"") ? "E" : "") : "G")
                            : ""));
        }

        assertThat(seen).containsExactly("429", "429", "503", "200G", "200E", "502", "502", "200");
        assertThat(server.faults().pending()).isEmpty();
    }

    @Test
    void given_every_5th_request_faulted_when_making_15_requests_then_requests_5_10_15_fail() {
        server.faults().everyNth(5, status(503));

        List<Integer> failed = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            if (nextStatus() == 503) {
                failed.add(i);
            }
        }

        assertThat(failed).containsExactly(5, 10, 15);
    }

    @Test
    void given_queued_and_periodic_faults_when_both_apply_then_the_queued_fault_wins() {
        server.faults().everyNth(2, status(503)).enqueue(status(429).times(2));

        assertThat(List.of(nextStatus(), nextStatus(), nextStatus(), nextStatus()))
                .containsExactly(429, 429, 200, 503);
    }

    @Test
    void given_a_plan_when_cleared_then_requests_are_answered_normally() {
        server.faults().enqueue(status(500).times(5)).everyNth(1, garbage());

        server.faults().clear();

        assertThat(List.of(nextStatus(), nextStatus())).containsExactly(200, 200);
        assertThat(server.faults().pending()).isEmpty();
        assertThat(server.faults().periodic()).isEmpty();
    }

    @Test
    void given_a_queued_fault_when_hitting_control_or_unknown_paths_then_it_is_not_consumed() {
        server.faults().enqueue(status(503));

        assertThat(http.get("/_control/stats").statusCode()).isEqualTo(200);
        assertThat(http.get("/elsewhere").statusCode()).isEqualTo(404);
        assertThat(nextStatus()).isEqualTo(503);
    }

    // ------------------------------------------------------------------------ over HTTP

    @Test
    void given_a_fault_spec_posted_to_control_when_requesting_then_the_faults_apply_in_order() {
        HttpResponse<String> posted =
                http.send("POST", "/_control/faults", "429x3,503,garbage,truncated,slow=300ms,error=Uh oh");

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(LoopbackHttp.parse(posted.body()).get("queued")).hasSize(6);
        List<Integer> statuses = List.of(nextStatus(), nextStatus(), nextStatus(), nextStatus());
        assertThat(statuses).containsExactly(429, 429, 429, 503);
        assertThat(isJson(http.get(QUERY).body())).isFalse(); // garbage
        assertThat(isJson(http.get(QUERY).body())).isFalse(); // truncated
        long start = System.nanoTime();
        assertThat(isJson(http.get(QUERY).body())).isTrue(); // slow
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(LoopbackHttp.parse(http.get(QUERY).body()).get("error").asText())
                .isEqualTo("Uh oh");
        assertThat(http.json(QUERY).get("results")).hasSize(10);
    }

    @Test
    void given_a_newline_separated_spec_when_posted_then_error_messages_may_contain_commas() {
        http.send("POST", "/_control/faults", "error=Sorry, try again\nevery=3:502");

        assertThat(LoopbackHttp.parse(http.get(QUERY).body()).get("error").asText())
                .isEqualTo("Sorry, try again");
        // the periodic count includes the request that got the queued error: requests 3 and 6 get 502
        assertThat(List.of(nextStatus(), nextStatus(), nextStatus(), nextStatus(), nextStatus()))
                .containsExactly(200, 502, 200, 200, 502);
    }

    @Test
    void given_a_plan_over_http_when_getting_and_deleting_it_then_it_is_shown_and_cleared() {
        http.send("POST", "/_control/faults", "429x2, every=5:503");

        JsonNode plan = LoopbackHttp.parse(http.get("/_control/faults").body());
        assertThat(plan.get("queued").get(0).asText()).isEqualTo("429=1x2");
        assertThat(plan.get("periodic").get(0).asText()).isEqualTo("every=5:503");

        HttpResponse<String> deleted = http.send("DELETE", "/_control/faults", null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(server.faults().pending()).isEmpty();
        assertThat(nextStatus()).isEqualTo(200);
    }

    @Test
    void given_a_bad_spec_when_posted_then_400_with_a_reason_and_nothing_is_queued() {
        HttpResponse<String> response = http.send("POST", "/_control/faults", "429,teapot");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(LoopbackHttp.parse(response.body()).get("error").asText()).contains("teapot");
        assertThat(server.faults().pending()).isEmpty();
    }

    @Test
    void given_a_fault_query_parameter_when_requesting_then_only_that_request_is_faulted_and_the_plan_is_untouched() {
        server.faults().enqueue(status(503));

        HttpResponse<String> limited = http.get(QUERY + "&fault=429");
        HttpResponse<String> junk = http.get(QUERY + "&fault=garbage");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(junk.statusCode()).isEqualTo(200);
        assertThat(isJson(junk.body())).isFalse();
        assertThat(http.get(QUERY + "&fault=bogus").statusCode()).isEqualTo(400);
        assertThat(nextStatus()).isEqualTo(503);
    }

    // ------------------------------------------------------------------------ stats

    @Test
    void given_faulted_and_normal_requests_when_reading_stats_then_requests_users_and_faults_by_kind_are_counted() {
        server.faults().enqueue(status(429).times(2), status(503), garbage(), truncated(), errorBody("e"));
        for (int i = 0; i < 8; i++) {
            http.get(QUERY);
        }
        http.get(QUERY + "&fault=slow:10ms");

        Stats stats = server.stats();
        assertThat(stats.requests()).isEqualTo(9);
        assertThat(stats.users()).isEqualTo(30); // two normal + the slow one, 10 users each
        assertThat(stats.faults())
                .isEqualTo(Map.of("429", 2L, "503", 1L, "garbage", 1L, "truncated", 1L, "error", 1L, "slow", 1L));
        assertThat(stats.faultsTotal()).isEqualTo(7);

        JsonNode json = LoopbackHttp.parse(http.get("/_control/stats").body());
        assertThat(json.get("requests").asLong()).isEqualTo(9);
        assertThat(json.get("users").asLong()).isEqualTo(30);
        assertThat(json.get("faults").get("429").asLong()).isEqualTo(2);
        assertThat(json.get("faultsTotal").asLong()).isEqualTo(7);

        assertThat(http.send("DELETE", "/_control/stats", null).statusCode()).isEqualTo(200);
        assertThat(server.stats().requests()).isZero();
        assertThat(server.stats().faults()).isEmpty();
    }
}
