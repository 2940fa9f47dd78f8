package adapters.http;

import java.io.IOException;

import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunView;
import io.javalin.http.Context;
import io.javalin.http.Header;

/** {@code /api/commands/*}: requests that start work. They answer 202 with where to watch it. */
final class CommandHandlers {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The accepted run and the routes that follow it. */
    record RunAccepted(String runId, String status, Links links) {
    }

    record Links(String self, String users) {
    }

    private final RequestUserFetchUseCase fetchUsers;
    private final JsonBodies bodies;

    CommandHandlers(RequestUserFetchUseCase fetchUsers, JsonBodies bodies) {
        this.fetchUsers = fetchUsers;
        this.bodies = bodies;
    }

    void fetchUsers(Context ctx) throws IOException {
        FetchUsersRequest request = FetchUsersRequest.from(bodies.readObject(ctx));
        RunView run = fetchUsers.requestFetch(request.toCommand(ctx.header(IDEMPOTENCY_KEY)));
        String self = RunHandlers.runPath(run.runId());
        ctx.status(202)
                .header(Header.LOCATION, self)
                .json(new RunAccepted(run.runId(), run.status(), new Links(self, self + "/users")));
    }
}
