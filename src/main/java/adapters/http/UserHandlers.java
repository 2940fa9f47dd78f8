package adapters.http;

import application.port.in.ViewUsersQuery;
import domain.run.RequestLimits;
import io.javalin.http.Context;

/** {@code /api/users/{id}} and {@code /api/runs/{runId}/users}: the users the pipeline persisted. */
final class UserHandlers {

    static final int DEFAULT_PAGE_SIZE = 100;

    private final ViewUsersQuery users;

    UserHandlers(ViewUsersQuery users) {
        this.users = users;
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(users.findUser(id).orElseThrow(() -> HttpProblem.notFound("no persisted user " + Excerpt.of(id))));
    }

    void listOfRun(Context ctx) {
        int pageSize =
                QueryParams.optionalIntUpTo(ctx, "pageSize", RequestLimits.MAX_USERS_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        ctx.json(users.listRunUsers(ctx.pathParam("runId"), pageSize, QueryParams.optional(ctx, "pageToken")));
    }
}
