package application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import application.port.out.AppendRunEventsPort;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.run.RunId;

/** The event store's ports in memory, with the same version check and atomic appends. */
final class InMemoryRunStore implements AppendRunEventsPort, LoadRunHistoryPort, FindRunsPort {

    private final Map<RunId, List<RunEvent>> runs = new LinkedHashMap<>();
    private final List<UserEvent> users = new ArrayList<>();
    private final Map<String, RunId> keys = new ConcurrentHashMap<>();

    @Override
    public synchronized void append(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        List<RunEvent> stream = runs.computeIfAbsent(runId, id -> new ArrayList<>());
        if (stream.size() != expectedVersion) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
        runEvents.stream().filter(RunRequested.class::isInstance).map(RunRequested.class::cast)
                .filter(requested -> requested.idempotencyKey() != null)
                .forEach(requested -> keys.put(requested.idempotencyKey(), runId));
        stream.addAll(runEvents);
        users.addAll(userEvents);
    }

    @Override
    public synchronized List<RunEvent> loadHistory(RunId runId) {
        return List.copyOf(runs.getOrDefault(runId, List.of()));
    }

    @Override
    public Optional<RunId> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(keys.get(idempotencyKey));
    }

    @Override
    public synchronized List<RunId> listRecent(int limit) {
        List<RunId> ids = new ArrayList<>(runs.keySet());
        java.util.Collections.reverse(ids);
        return ids.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<RunId> listUnfinished() {
        return runs.entrySet().stream()
                .filter(entry -> entry.getValue().stream().noneMatch(e -> e instanceof RunFetched || e instanceof RunFailed))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public long publishedCount(RunId runId) {
        return 0;
    }

    synchronized List<UserEvent> users() {
        return List.copyOf(users);
    }
}
