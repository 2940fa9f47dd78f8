package adapters.http;

import java.util.List;

import application.port.in.RunView;
import application.port.in.ViewRunsQuery;
import domain.run.RequestLimits;
import io.javalin.http.Context;

/** {@code /api/runs}: what the admin and Airflow's sensor read. RunView is served as is: it is the contract. */
final class RunHandlers {

    static final int DEFAULT_LIMIT = 20;

    record RunList(List<RunView> runs) {}

    private final ViewRunsQuery runs;

    RunHandlers(ViewRunsQuery runs) {
        this.runs = runs;
    }

    static String runPath(String runId) {
        return "/api/runs/" + runId;
    }

    void list(Context ctx) {
        int limit = QueryParams.optionalIntUpTo(ctx, "limit", RequestLimits.MAX_RUNS_LISTED, DEFAULT_LIMIT);
        ctx.json(new RunList(runs.listRuns(limit)));
    }

    void show(Context ctx) {
        String runId = ctx.pathParam("runId");
        ctx.json(runs.findRun(runId).orElseThrow(() -> HttpProblem.notFound("no run " + Excerpt.of(runId))));
    }
}
