package adapters.http;

import application.port.in.ViewUsersQuery;
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
        ctx.json(users.findUser(id).orElseThrow(() -> HttpProblem.notFound("no persisted user " + id)));
    }

    void listOfRun(Context ctx) {
        ctx.json(users.listRunUsers(ctx.pathParam("runId"), pageSize(ctx.queryParam("pageSize")),
                ctx.queryParam("pageToken")));
    }

    private static int pageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        String rule = "pageSize must be an integer between 1 and " + ViewUsersQuery.MAX_PAGE_SIZE;
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("pageSize", rule);
        }
        if (size < 1 || size > ViewUsersQuery.MAX_PAGE_SIZE) {
            throw HttpProblem.badRequest("pageSize", rule);
        }
        return size;
    }
}
