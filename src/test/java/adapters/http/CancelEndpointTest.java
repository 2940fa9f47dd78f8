package adapters.http;

import static adapters.http.ApiFixture.FETCH_USERS;
import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.postJson;
import static adapters.http.ApiFixture.send;
import static adapters.http.RunViewBuilder.RUN_ID;
import static adapters.http.RunViewBuilder.aRunView;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import adapters.http.ApiFixture.Reply;
import application.port.in.IdempotencyConflictException;
import application.port.in.RunConflictException;
import application.port.in.TooManyRunsException;
import io.javalin.testtools.HttpClient;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** {@code POST /api/runs/{runId}/cancel}, and the fetch-users command's refusals a caller managing runs meets. */
class CancelEndpointTest {

    private static final String CANCEL = "/api/runs/" + RUN_ID + "/cancel";
    private static final String TOKEN = "cancel-T0ken-0123456789abcdef0123456789";

    @Test
    void given_a_run_when_posting_cancel_then_200_with_the_cancelled_run_and_again_the_same() {
        ApiFixture api = anApi();
        api.cancel.with(aRunView().withStatus("CANCELLED").build());

        api.test((server, client) -> {
            Reply first = postCancel(client, CANCEL, null);
            Reply again = postCancel(client, CANCEL, null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("runId").asText()).isEqualTo(RUN_ID);
            assertThat(first.json().path("status").asText()).isEqualTo("CANCELLED");
            assertThat(again.status()).isEqualTo(200);
            assertThat(api.cancel.requested()).containsExactly(RUN_ID, RUN_ID);
        });
    }

    @Test
    void given_no_such_run_or_a_finished_one_when_posting_cancel_then_404_or_409_with_the_reason() {
        ApiFixture api = anApi();
        api.cancel.refusing(RUN_ID, new RunConflictException("run " + RUN_ID + " is COMPLETED"));

        api.test((server, client) -> {
            Reply unknown = postCancel(client, "/api/runs/not-a-run/cancel", null);
            Reply finished = postCancel(client, CANCEL, null);

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error()).isEqualTo("no run not-a-run");
            assertThat(finished.status()).isEqualTo(409);
            assertThat(finished.error()).isEqualTo("run " + RUN_ID + " is COMPLETED");
        });
    }

    @Test
    void given_a_token_is_configured_when_cancel_comes_without_it_then_401_and_the_use_case_is_not_asked() {
        ApiFixture api = anApi().with(settings -> settings.withBearerToken(TOKEN));
        api.cancel.with(aRunView().withStatus("CANCELLED").build());

        api.test((server, client) -> {
            assertThat(postCancel(client, CANCEL, null).status()).isEqualTo(401);
            assertThat(api.cancel.requested()).isEmpty();
            assertThat(postCancel(client, CANCEL, "Bearer " + TOKEN).status()).isEqualTo(200);
        });
    }

    @Test
    void given_too_many_runs_fetching_when_fetch_users_is_posted_then_429_with_retry_after_and_the_cap() {
        ApiFixture api = anApi();
        api.fetchUsers.failingWith(new TooManyRunsException(8, Duration.ofSeconds(30)));

        api.test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, "{\"count\": 10}");

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("30");
            assertThat(reply.error()).startsWith("8 runs are fetching already").contains("maxActiveRuns");
        });
    }

    @Test
    void given_a_key_reused_with_another_body_when_fetch_users_is_posted_then_422_naming_the_key() {
        ApiFixture api = anApi();
        api.fetchUsers.failingWith(new IdempotencyConflictException("Idempotency-Key already names run " + RUN_ID
                + ", asked for with other parameters: count 10 (now 20)"));

        api.test((server, client) -> {
            Reply reply = postJson(
                    client, FETCH_USERS, "{\"count\": 20}", request -> request.header("Idempotency-Key", "k-1"));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field()).isEqualTo("Idempotency-Key");
            assertThat(reply.error()).contains("count 10 (now 20)");
        });
    }

    private static Reply postCancel(HttpClient client, String path, String authorization) {
        return send(client, path, request -> {
            request.post(RequestBody.create(new byte[0], (MediaType) null));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
        });
    }
}
