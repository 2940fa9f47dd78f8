package adapters.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.in.RunView;
import application.port.in.ViewRunsQuery;

/** Runs in memory, most recently added first; remembers the limits it was asked for. */
final class FakeRuns implements ViewRunsQuery {

    private final Map<String, RunView> runs = new LinkedHashMap<>();
    private final List<Integer> limitsAsked = new ArrayList<>();

    synchronized FakeRuns with(RunView run) {
        runs.put(run.runId(), run);
        return this;
    }

    @Override
    public synchronized Optional<RunView> findRun(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<RunView> listRuns(int limit) {
        limitsAsked.add(limit);
        List<RunView> newestFirst = new ArrayList<>(runs.values());
        Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    synchronized List<Integer> limitsAsked() {
        return List.copyOf(limitsAsked);
    }
}
