package application;

import java.util.List;
import java.util.Optional;

import application.port.in.RunView;
import application.port.in.ViewRunsQuery;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.run.RequestLimits;
import domain.run.RunId;

/** Answers "how is run X doing?" and "which runs are there?". */
public final class ViewRuns implements ViewRunsQuery {

    private final FindRunsPort runs;
    private final RunViews views;

    public ViewRuns(LoadRunHistoryPort history, FindRunsPort runs) {
        this(history, runs, WatchDependencies.NONE);
    }

    /** @param dependencies whose outages an unfinished run's view reports as what it waits for */
    public ViewRuns(LoadRunHistoryPort history, FindRunsPort runs, WatchDependencies dependencies) {
        this.runs = runs;
        this.views = new RunViews(history, runs, dependencies);
    }

    @Override
    public Optional<RunView> findRun(String runId) {
        try {
            return views.view(RunId.of(runId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public List<RunView> listRuns(int limit) {
        return runs.listRecent(Math.max(1, Math.min(limit, RequestLimits.MAX_RUNS_LISTED))).stream()
                .map(views::view)
                .flatMap(Optional::stream)
                .toList();
    }
}
