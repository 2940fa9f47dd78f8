package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static adapters.http.ApiFixture.send;
import static adapters.http.RunViewBuilder.RUN_ID;
import static adapters.http.RunViewBuilder.aRunView;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.http.ApiFixture.Reply;
import application.port.in.RunConflictException;
import io.javalin.testtools.HttpClient;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** {@code POST /api/runs/{runId}/replay}: a command on one run, guarded like the other commands. */
class ReplayEndpointTest {

    private static final String REPLAY = "/api/runs/" + RUN_ID + "/replay";
    private static final String TOKEN = "replay-T0ken-0123456789abcdef0123456789";

    @Test
    void given_a_known_run_when_posting_replay_then_202_with_the_run_its_links_and_location() {
        ApiFixture api = anApi();
        api.replay.with(aRunView().withStatus("FETCHED").replaying(0).build());

        api.test((server, client) -> {
            Reply reply = postReplay(client, REPLAY, null);

            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.header("Location")).isEqualTo("/api/runs/" + RUN_ID);
            assertThat(reply.json().path("runId").asText()).isEqualTo(RUN_ID);
            assertThat(reply.json().path("status").asText()).isEqualTo("FETCHED");
            assertThat(reply.json().path("links").path("self").asText()).isEqualTo("/api/runs/" + RUN_ID);
            assertThat(reply.json().path("links").path("users").asText()).isEqualTo("/api/runs/" + RUN_ID + "/users");
            assertThat(api.replay.requested()).containsExactly(RUN_ID);
        });
    }

    @Test
    void given_no_such_run_when_posting_replay_then_404_naming_the_run() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = postReplay(client, "/api/runs/not-a-run/replay", null);

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.error()).isEqualTo("no run not-a-run");
        });
    }

    @Test
    void given_a_run_that_cannot_be_replayed_now_when_posting_replay_then_409_with_the_reason() {
        ApiFixture api = anApi();
        api.replay.refusing(RUN_ID, new RunConflictException("run " + RUN_ID + " is still fetching (FETCHING)"));

        api.test((server, client) -> {
            Reply reply = postReplay(client, REPLAY, null);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.error()).isEqualTo("run " + RUN_ID + " is still fetching (FETCHING)");
            assertThat(reply.json().has("field")).isFalse();
        });
    }

    @Test
    void given_a_token_is_configured_when_replay_comes_without_it_then_401_and_the_use_case_is_not_asked() {
        ApiFixture api = anApi().with(settings -> settings.withBearerToken(TOKEN));
        api.replay.with(aRunView().build());

        api.test((server, client) -> {
            Reply without = postReplay(client, REPLAY, null);
            Reply wrong = postReplay(client, REPLAY, "Bearer nope");

            assertThat(without.status()).isEqualTo(401);
            assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(api.replay.requested()).isEmpty();
        });
    }

    @Test
    void given_a_token_is_configured_when_replay_carries_it_then_202_and_reading_the_run_needs_it_too() {
        ApiFixture api = anApi().with(settings -> settings.withBearerToken(TOKEN));
        api.replay.with(aRunView().build());
        api.runs.with(aRunView().build());

        api.test((server, client) -> {
            assertThat(postReplay(client, REPLAY, "Bearer " + TOKEN).status()).isEqualTo(202);
            assertThat(get(client, "/api/runs/" + RUN_ID).status()).isEqualTo(401);
        });
    }

    @Test
    void given_the_replay_route_when_read_with_get_then_405_allowing_post() {
        anApi().test((server, client) -> {
            Reply reply = get(client, REPLAY);

            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.header("Allow")).contains("POST");
        });
    }

    private static Reply postReplay(HttpClient client, String path, String authorization) {
        return send(client, path, request -> {
            request.post(RequestBody.create(new byte[0], (MediaType) null));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
        });
    }
}
