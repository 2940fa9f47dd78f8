package application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import application.port.out.AppendRunEventsPort;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.LoadStoredUsersPort;
import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordReplayProgressPort;
import application.port.out.StoredUsers;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCancelled;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;

/** The event store's ports in memory, with the same version check and atomic appends. */
final class InMemoryRunStore
        implements AppendRunEventsPort,
                LoadRunHistoryPort,
                FindRunsPort,
                RecordPersistedIdsPort,
                LoadStoredUsersPort,
                RecordReplayProgressPort {

    private final Map<RunId, List<RunEvent>> runs = new LinkedHashMap<>();
    private final List<UserEvent> users = new ArrayList<>();
    private final Map<String, RunId> keys = new ConcurrentHashMap<>();
    private final Map<RunId, Set<UserId>> persistedIds = new LinkedHashMap<>();
    private final Map<RunId, Map<UserId, Integer>> replayOfId = new HashMap<>();
    private final Map<RunId, Long> replayPublished = new HashMap<>();
    private final Map<RunId, Long> ignoredIds = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public synchronized void append(
            RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        List<RunEvent> stream = runs.computeIfAbsent(runId, id -> new ArrayList<>());
        if (stream.size() != expectedVersion) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
        runEvents.stream()
                .filter(RunRequested.class::isInstance)
                .map(RunRequested.class::cast)
                .filter(requested -> requested.idempotencyKey() != null)
                .forEach(requested -> keys.put(requested.idempotencyKey(), runId));
        stream.addAll(runEvents);
        users.addAll(userEvents);
    }

    @Override
    public synchronized NewIds recordPersisted(
            RunId runId,
            int expectedVersion,
            int replay,
            Collection<UserId> userIds,
            Function<NewIds, List<RunEvent>> decide) {
        if (runs.getOrDefault(runId, List.of()).size() != expectedVersion) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
        Set<UserId> fetched = users.stream()
                .filter(UserFetched.class::isInstance)
                .map(UserFetched.class::cast)
                .filter(user -> user.runId().equals(runId))
                .map(user -> user.user().id())
                .collect(java.util.stream.Collectors.toSet());
        Set<UserId> reported = new java.util.LinkedHashSet<>(userIds);
        int notFetched =
                (int) reported.stream().filter(id -> !fetched.contains(id)).count();
        reported.retainAll(fetched);
        Set<UserId> known = persistedIds.computeIfAbsent(runId, id -> new HashSet<>());
        Map<UserId, Integer> counted = replayOfId.computeIfAbsent(runId, id -> new HashMap<>());
        List<UserId> fresh = reported.stream().filter(id -> !known.contains(id)).toList();
        List<UserId> replayed = replay == 0
                ? List.of()
                : reported.stream()
                        .filter(id -> counted.getOrDefault(id, 0) < replay)
                        .distinct()
                        .toList();
        NewIds newIds = new NewIds(fresh.size(), replayed.size(), notFetched);
        List<RunEvent> events = decide.apply(newIds);
        if (!events.isEmpty()) {
            append(runId, expectedVersion, events, List.of());
        }
        ignoredIds.merge(runId, (long) notFetched, Long::sum);
        known.addAll(fresh);
        replayed.forEach(id -> counted.put(id, replay));
        return newIds;
    }

    /** The users a run stored, its UserFetched events in order, {@code limit} events of any run at a time. */
    @Override
    public synchronized StoredUsers loadFetchedUsers(RunId runId, long after, int limit) {
        reads.incrementAndGet();
        if (!runs.containsKey(runId)) {
            return new StoredUsers(List.of(), StoredUsers.FIRST, true);
        }
        List<UserFetched> found = new ArrayList<>();
        int position = (int) after;
        int end = Math.min(users.size(), position + limit);
        for (; position < end; position++) {
            if (users.get(position) instanceof UserFetched user && user.runId().equals(runId)) {
                found.add(user);
            }
        }
        return new StoredUsers(found, position, position == users.size());
    }

    @Override
    public synchronized boolean recordReplayPublished(RunId runId, int replay, long published) {
        if (latestReplay(runId) != replay) {
            return false;
        }
        replayPublished.merge(runId, published, Math::max);
        return true;
    }

    @Override
    public synchronized long replayPublishedCount(RunId runId) {
        return replayPublished.getOrDefault(runId, 0L);
    }

    @Override
    public synchronized long ignoredIdsCount(RunId runId) {
        return ignoredIds.getOrDefault(runId, 0L);
    }

    @Override
    public synchronized List<RunId> listReplaying() {
        return runs.entrySet().stream()
                .filter(entry -> {
                    List<RunEvent> events = entry.getValue();
                    RunEvent last = events.stream()
                            .filter(e -> e instanceof ReplayRequested || e instanceof ReplayPublished)
                            .reduce((a, b) -> b)
                            .orElse(null);
                    return last instanceof ReplayRequested;
                })
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Stores users beside the runs' streams, as their stored page would (without its PageStored). */
    synchronized void storeUsers(List<? extends UserEvent> userEvents) {
        users.addAll(userEvents);
    }

    /** How many stored-user pages were read, by any caller. */
    int storedUserReads() {
        return reads.get();
    }

    private int latestReplay(RunId runId) {
        return runs.getOrDefault(runId, List.of()).stream()
                .filter(ReplayRequested.class::isInstance)
                .mapToInt(e -> ((ReplayRequested) e).replay())
                .max()
                .orElse(0);
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
                .filter(entry -> entry.getValue().stream()
                        .noneMatch(e -> e instanceof RunFetched || e instanceof RunFailed || e instanceof RunCancelled))
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
