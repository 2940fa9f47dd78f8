package adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import application.port.in.CancelRunUseCase;
import application.port.in.ReplayRunUseCase;
import application.port.in.RunView;

/**
 * A command on one run (replay or cancel) as the adapter sees it: knows some runs, refuses some,
 * records every request. Both use cases answer the same way, so one fake serves both; a test takes
 * one instance per use case.
 */
final class FakeRunCommand implements ReplayRunUseCase, CancelRunUseCase {

    private final Map<String, RunView> runs = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> refusals = new ConcurrentHashMap<>();
    private final List<String> requested = new ArrayList<>();

    FakeRunCommand with(RunView run) {
        runs.put(run.runId(), run);
        return this;
    }

    FakeRunCommand refusing(String runId, RuntimeException refusal) {
        refusals.put(runId, refusal);
        return this;
    }

    @Override
    public Optional<RunView> requestReplay(String runId) {
        return answer(runId);
    }

    @Override
    public Optional<RunView> cancel(String runId) {
        return answer(runId);
    }

    private synchronized Optional<RunView> answer(String runId) {
        requested.add(runId);
        RuntimeException refusal = refusals.get(runId);
        if (refusal != null) {
            throw refusal;
        }
        return Optional.ofNullable(runs.get(runId));
    }

    synchronized List<String> requested() {
        return List.copyOf(requested);
    }
}
