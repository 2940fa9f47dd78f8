package adapters.http;

import java.util.List;

import application.port.in.RunView;
import application.port.in.ViewRunsQuery;
import io.javalin.http.Context;

/** {@code /api/runs}: what the admin and Airflow's sensor read. RunView is served as is: it is the contract. */
final class RunHandlers {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    record RunList(List<RunView> runs) {
    }

    private final ViewRunsQuery runs;

    RunHandlers(ViewRunsQuery runs) {
        this.runs = runs;
    }

    static String runPath(String runId) {
        return "/api/runs/" + runId;
    }

    void list(Context ctx) {
        ctx.json(new RunList(runs.listRuns(limit(ctx.queryParam("limit")))));
    }

    void show(Context ctx) {
        String runId = ctx.pathParam("runId");
        ctx.json(runs.findRun(runId).orElseThrow(() -> HttpProblem.notFound("no run " + runId)));
    }

    /** Out of range is refused rather than clamped: a client asking for 1000 should learn it gets at most 200. */
    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        String rule = "limit must be an integer between 1 and " + MAX_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("limit", rule);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw HttpProblem.badRequest("limit", rule);
        }
        return limit;
    }
}
