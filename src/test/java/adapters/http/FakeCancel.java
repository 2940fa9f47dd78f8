package adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import application.port.in.CancelRunUseCase;
import application.port.in.RunView;

/** The cancel use case as the adapter sees it: knows some runs, refuses some, records every request. */
final class FakeCancel implements CancelRunUseCase {

    private final Map<String, RunView> runs = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> refusals = new ConcurrentHashMap<>();
    private final List<String> requested = new ArrayList<>();

    FakeCancel with(RunView run) {
        runs.put(run.runId(), run);
        return this;
    }

    FakeCancel refusing(String runId, RuntimeException refusal) {
        refusals.put(runId, refusal);
        return this;
    }

    @Override
    public synchronized Optional<RunView> cancel(String runId) {
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
