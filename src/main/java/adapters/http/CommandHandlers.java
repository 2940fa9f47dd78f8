package adapters.http;

import java.io.IOException;

import application.port.in.CancelRunUseCase;
import application.port.in.ReplayRunUseCase;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunView;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;

/**
 * {@code /api/commands/*} and {@value #REPLAY_ROUTE}: requests that start work. They answer 202 with
 * where to watch it. {@value #CANCEL_ROUTE} stops work and answers 200 with the run.
 */
final class CommandHandlers {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A command on one run: publish its stored users again (docs/adr/0010). It takes no body. */
    static final String REPLAY_ROUTE = "/api/runs/{runId}/replay";
    /** A command on one run: stop fetching its pages. It takes no body. */
    static final String CANCEL_ROUTE = "/api/runs/{runId}/cancel";

    /** The accepted run and the routes that follow it. */
    record RunAccepted(String runId, String status, Links links) {}

    record Links(String self, String users) {}

    private final RequestUserFetchUseCase fetchUsers;
    private final ReplayRunUseCase replay;
    private final CancelRunUseCase cancel;
    private final JsonBodies bodies;

    CommandHandlers(
            RequestUserFetchUseCase fetchUsers, ReplayRunUseCase replay, CancelRunUseCase cancel, JsonBodies bodies) {
        this.fetchUsers = fetchUsers;
        this.replay = replay;
        this.cancel = cancel;
        this.bodies = bodies;
    }

    void fetchUsers(Context ctx) throws IOException {
        FetchUsersRequest request = FetchUsersRequest.from(bodies.readObject(ctx));
        accepted(ctx, fetchUsers.requestFetch(request.toCommand(ctx.header(IDEMPOTENCY_KEY))));
    }

    /** 202 with the run (its replay PUBLISHING); 404 for no such run; 409 when the run cannot be replayed now. */
    void replay(Context ctx) {
        String runId = ctx.pathParam("runId");
        accepted(
                ctx,
                replay.requestReplay(runId).orElseThrow(() -> HttpProblem.notFound("no run " + Excerpt.of(runId))));
    }

    /**
     * 200 with the run, CANCELLED: the cancel is done when this answers (a repeat answers the same);
     * 404 for no such run; 409 when the run has every page stored or has ended.
     */
    void cancel(Context ctx) {
        String runId = ctx.pathParam("runId");
        ctx.json(cancel.cancel(runId).orElseThrow(() -> HttpProblem.notFound("no run " + runId)));
    }

    private static void accepted(Context ctx, RunView run) {
        String self = RunHandlers.runPath(run.runId());
        ctx.status(HttpStatus.ACCEPTED)
                .header(Header.LOCATION, self)
                .json(new RunAccepted(run.runId(), run.status(), new Links(self, self + "/users")));
    }
}
