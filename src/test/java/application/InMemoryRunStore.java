package application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import application.port.out.AppendRunEventsPort;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.RecordPersistedIdsPort;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.run.RunId;
import domain.user.UserId;

/** The event store's ports in memory, with the same version check and atomic appends. */
final class InMemoryRunStore implements AppendRunEventsPort, LoadRunHistoryPort, FindRunsPort, RecordPersistedIdsPort {

    private final Map<RunId, List<RunEvent>> runs = new LinkedHashMap<>();
    private final List<UserEvent> users = new ArrayList<>();
    private final Map<String, RunId> keys = new ConcurrentHashMap<>();
    private final Map<RunId, Set<UserId>> persistedIds = new LinkedHashMap<>();

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
    public synchronized int recordPersisted(RunId runId, int expectedVersion, Collection<UserId> userIds,
                                            IntFunction<List<RunEvent>> decide) {
        if (runs.getOrDefault(runId, List.of()).size() != expectedVersion) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
        Set<UserId> known = persistedIds.computeIfAbsent(runId, id -> new HashSet<>());
        List<UserId> fresh = userIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        List<RunEvent> events = decide.apply(fresh.size());
        if (!events.isEmpty()) {
            append(runId, expectedVersion, events, List.of());
        }
        known.addAll(fresh);
        return fresh.size();
    }

    synchronized Set<UserId> persistedIds(RunId runId) {
        return Set.copyOf(persistedIds.getOrDefault(runId, Set.of()));
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
