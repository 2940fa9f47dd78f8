package domain.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import domain.event.PageFetchFailed;
import domain.event.PageStored;
import domain.event.ReplayPersisted;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCancelled;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UsersParked;
import domain.event.UsersPersisted;

/**
 * The state of one ingestion run, folded from its {@link RunEvent}s ({@link #replay}, {@link #apply}).
 * Immutable: {@code apply} returns a new state. Events are facts, so {@code apply} does not judge
 * them; it only ignores a second {@link PageStored} for the same page (a page re-fetched after a
 * crash is stored once). The rules live in {@link RunDecisions}.
 *
 * <p>Pages are 1-based, like RandomUser's {@code page} parameter.
 *
 * @param gender         "female", "male" or null for any
 * @param idempotencyKey the client's key, or null
 * @param storedPages    pages whose users are all in the event store
 * @param fetched        accepted users of the stored pages (they go on to Kafka)
 * @param rejected       rejected profiles of the stored pages
 * @param persisted      accepted users the sidecar reported persisted: the sum of the
 *                       {@link UsersPersisted} events (each counts distinct ids not reported before);
 *                       {@link RunCompleted} records the final figure.
 * @param parked         accepted users Kafka refused for good and the outbox parked ({@link UsersParked}):
 *                       they never reach Cassandra, so the run is done when {@code persisted + parked}
 *                       reaches {@code fetched}
 * @param pageFailures   failed attempts per page (pages that never failed are absent)
 * @param lastError      the last page error or the run's failure reason; null if none. It stays
 *                       after a page recovers: it is the last error seen, not a current one.
 * @param replay         the run's latest replay ({@link Replay#NONE} when never replayed): a
 *                       {@link ReplayRequested} takes a COMPLETED run back to FETCHED, and the
 *                       {@link RunCompleted} that ends the replay completes it again (docs/adr/0010)
 * @param usersWithFieldProblems accepted users of the stored pages kept with at least one field
 *                       problem (a field read leniently or stored as null; see domain.user.FieldProblem)
 * @param usersWithFieldsNulled  of those, users with at least one field stored as null
 */
public record IngestionRun(
        RunId runId,
        int count,
        int pageSize,
        String seed,
        List<String> nationalities,
        String gender,
        String idempotencyKey,
        Instant requestedAt,
        RunStatus status,
        SortedSet<Integer> storedPages,
        int fetched,
        int rejected,
        int persisted,
        int parked,
        SortedMap<Integer, Integer> pageFailures,
        String lastError,
        Replay replay,
        int usersWithFieldProblems,
        int usersWithFieldsNulled) {

    public IngestionRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(replay, "replay");
        if (count < 1 || pageSize < 1) {
            throw new IllegalArgumentException(
                    "count and pageSize must be positive, were " + count + " and " + pageSize);
        }
        nationalities = List.copyOf(nationalities);
        storedPages = Collections.unmodifiableSortedSet(new TreeSet<>(storedPages));
        pageFailures = Collections.unmodifiableSortedMap(new TreeMap<>(pageFailures));
    }

    /** The state of a run whose history this is; the history must start with its {@link RunRequested}. */
    public static IngestionRun replay(List<? extends RunEvent> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("a run's history starts with RunRequested, but it is empty");
        }
        if (!(history.get(0) instanceof RunRequested requested)) {
            throw new IllegalArgumentException("a run's history starts with RunRequested, not " + history.get(0));
        }
        IngestionRun run = requested(requested);
        for (RunEvent event : history.subList(1, history.size())) {
            run = run.apply(event);
        }
        return run;
    }

    /** The state right after the run was requested. */
    public static IngestionRun requested(RunRequested e) {
        return new IngestionRun(
                e.runId(),
                e.count(),
                e.pageSize(),
                e.seed(),
                e.nationalities(),
                e.gender(),
                e.idempotencyKey(),
                e.requestedAt(),
                RunStatus.REQUESTED,
                new TreeSet<>(),
                0,
                0,
                0,
                0,
                new TreeMap<>(),
                null,
                Replay.NONE,
                0,
                0);
    }

    /**
     * This state after the event. A finished run keeps its status whatever follows, but for a replay:
     * {@link ReplayRequested} takes a COMPLETED run back to FETCHED.
     */
    public IngestionRun apply(RunEvent event) {
        if (!runId.equals(event.runId())) {
            throw new IllegalArgumentException("event of run " + event.runId() + " applied to run " + runId);
        }
        if (event instanceof PageStored e) {
            return storedPages.contains(e.page()) ? this : pageStored(e);
        }
        if (event instanceof PageFetchFailed e) {
            return pageFailed(e);
        }
        if (event instanceof RunFetched e) {
            return with(
                    status(RunStatus.FETCHED),
                    storedPages,
                    e.fetched(),
                    e.rejected(),
                    persisted,
                    pageFailures,
                    lastError);
        }
        if (event instanceof RunCancelled) {
            RunStatus cancelled = status.isFinished() ? status : RunStatus.CANCELLED;
            return with(cancelled, storedPages, fetched, rejected, persisted, pageFailures, lastError);
        }
        if (event instanceof RunFailed e) {
            return with(status(RunStatus.FAILED), storedPages, fetched, rejected, persisted, pageFailures, e.reason());
        }
        if (event instanceof RunCompleted e) {
            return with(
                            status(RunStatus.COMPLETED),
                            storedPages,
                            fetched,
                            rejected,
                            Math.max(persisted, e.persisted()),
                            pageFailures,
                            lastError)
                    .withReplay(replay.completed(e.completedAt()));
        }
        if (event instanceof UsersPersisted e) {
            return with(
                    status, storedPages, fetched, rejected, persisted + e.newlyPersisted(), pageFailures, lastError);
        }
        if (event instanceof ReplayRequested e) {
            // the one event that leaves a finished state: Cassandra lost the users, the run waits for them again
            RunStatus reopened = status == RunStatus.COMPLETED ? RunStatus.FETCHED : status;
            return with(reopened, storedPages, fetched, rejected, persisted, pageFailures, lastError)
                    .withReplay(replay.requested(e.replay(), e.requestedAt()));
        }
        if (event instanceof ReplayPublished e) {
            return e.replay() == replay.number() ? withReplay(replay.published()) : this;
        }
        if (event instanceof ReplayPersisted e) {
            return e.replay() == replay.number() ? withReplay(replay.persistedMore(e.newlyPersisted())) : this;
        }
        if (event instanceof UsersParked e) {
            return with(
                    status,
                    storedPages,
                    fetched,
                    rejected,
                    persisted,
                    parked + e.parked(),
                    pageFailures,
                    e.reason(),
                    replay,
                    usersWithFieldProblems,
                    usersWithFieldsNulled);
        }
        if (event instanceof RunRequested) {
            throw new IllegalArgumentException("run " + runId + " was already requested");
        }
        throw new IllegalArgumentException("unknown run event " + event);
    }

    /**
     * This state with the sidecar's total of persisted users of the run (distinct ids: a redelivered
     * batch must not count twice). The caller keeps that total; see {@link RunDecisions#persisted}.
     */
    public IngestionRun withPersisted(int total) {
        if (total < 0) {
            throw new IllegalArgumentException("persisted total must be >= 0, was " + total);
        }
        return with(status, storedPages, fetched, rejected, total, pageFailures, lastError);
    }

    /** Users fetched and neither reported persisted nor parked: on their way through Kafka and the sidecar. */
    public int usersInFlight() {
        return Math.max(0, fetched - persisted - parked);
    }

    /** Accepted users that need nothing more: persisted in Cassandra or parked by the outbox. */
    public int usersDone() {
        return persisted + parked;
    }

    /** ceil(count / pageSize). */
    public int pageCount() {
        return (count + pageSize - 1) / pageSize;
    }

    /** Users asked for on a page: pageSize, except a smaller last page. */
    public int resultsOnPage(int page) {
        if (!hasPage(page)) {
            throw new IllegalArgumentException("page " + page + " is out of range 1.." + pageCount());
        }
        return page < pageCount() ? pageSize : count - (pageCount() - 1) * pageSize;
    }

    /** True when {@code page} is in 1..pageCount(). */
    public boolean hasPage(int page) {
        return page >= 1 && page <= pageCount();
    }

    /** Pages not stored yet, ascending: what a (resumed) run still fetches. */
    public List<Integer> pagesToFetch() {
        List<Integer> pages = new ArrayList<>();
        for (int page = 1; page <= pageCount(); page++) {
            if (!storedPages.contains(page)) {
                pages.add(page);
            }
        }
        return List.copyOf(pages);
    }

    public boolean allPagesStored() {
        return storedPages.size() == pageCount();
    }

    public boolean isStored(int page) {
        return storedPages.contains(page);
    }

    /** Failed attempts so far at a page; 0 if it never failed. */
    public int attemptsFor(int page) {
        return pageFailures.getOrDefault(page, 0);
    }

    public boolean isFinished() {
        return status.isFinished();
    }

    private IngestionRun pageStored(PageStored e) {
        SortedSet<Integer> pages = new TreeSet<>(storedPages);
        pages.add(e.page());
        return with(
                status(RunStatus.FETCHING),
                pages,
                fetched + e.accepted(),
                rejected + e.rejected(),
                persisted,
                parked,
                pageFailures,
                lastError,
                replay,
                usersWithFieldProblems + e.usersWithFieldProblems(),
                usersWithFieldsNulled + e.usersWithFieldsNulled());
    }

    private IngestionRun pageFailed(PageFetchFailed e) {
        SortedMap<Integer, Integer> failures = new TreeMap<>(pageFailures);
        failures.merge(e.page(), e.attempt(), Math::max);
        return with(status(RunStatus.FETCHING), storedPages, fetched, rejected, persisted, failures, e.error());
    }

    /** The status after an event that moves the run to {@code next}: only forwards, never out of a finished state. */
    private RunStatus status(RunStatus next) {
        return status.isFinished() || next.ordinal() < status.ordinal() ? status : next;
    }

    private IngestionRun with(
            RunStatus newStatus,
            SortedSet<Integer> newStoredPages,
            int newFetched,
            int newRejected,
            int newPersisted,
            SortedMap<Integer, Integer> newPageFailures,
            String newLastError) {
        return with(
                newStatus,
                newStoredPages,
                newFetched,
                newRejected,
                newPersisted,
                parked,
                newPageFailures,
                newLastError,
                replay,
                usersWithFieldProblems,
                usersWithFieldsNulled);
    }

    private IngestionRun withReplay(Replay newReplay) {
        return with(
                status,
                storedPages,
                fetched,
                rejected,
                persisted,
                parked,
                pageFailures,
                lastError,
                newReplay,
                usersWithFieldProblems,
                usersWithFieldsNulled);
    }

    /** The one place a changed state is built: the request's own fields never change. */
    private IngestionRun with(
            RunStatus newStatus,
            SortedSet<Integer> newStoredPages,
            int newFetched,
            int newRejected,
            int newPersisted,
            int newParked,
            SortedMap<Integer, Integer> newPageFailures,
            String newLastError,
            Replay newReplay,
            int newUsersWithFieldProblems,
            int newUsersWithFieldsNulled) {
        return new IngestionRun(
                runId,
                count,
                pageSize,
                seed,
                nationalities,
                gender,
                idempotencyKey,
                requestedAt,
                newStatus,
                newStoredPages,
                newFetched,
                newRejected,
                newPersisted,
                newParked,
                newPageFailures,
                newLastError,
                newReplay,
                newUsersWithFieldProblems,
                newUsersWithFieldsNulled);
    }
}
