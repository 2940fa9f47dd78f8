package application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FetchUserPagePort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserRejected;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.run.RunRuleViolation;
import domain.user.MappingResult;
import domain.user.ProfileMapping;
import domain.user.RawProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the pages of runs in the background, a few at a time, and stores each page with its users
 * in one append. A page that fails is recorded (the run's status shows the error) and retried with
 * growing delays until the run gives up. Because a page is stored whole or not at all, a run
 * interrupted at any instant resumes with exactly the pages that are missing.
 */
public final class FetchRunPages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FetchRunPages.class);
    /** When the event store itself fails, wait before trying the page again (not counted as a page attempt). */
    private static final Duration STORE_RETRY = Duration.ofSeconds(5);

    private final FetchUserPagePort source;
    private final AppendRunEventsPort store;
    private final LoadRunHistoryPort history;
    private final Clock clock;
    private final Settings settings;
    private final ScheduledExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<RunId, Object> runLocks = new ConcurrentHashMap<>();
    /** Users of the pages being fetched right now, per run: in flight too, though not stored yet. Under the run's lock. */
    private final Map<RunId, Integer> usersBeingFetched = new HashMap<>();
    /** Runs with a page held back by the limit, resumed when one of their pages is done. */
    private final Set<RunId> heldBack = ConcurrentHashMap.newKeySet();

    /**
     * @param concurrentPages  how many pages are fetched at once (the source adapter may cap it further)
     * @param maxPageAttempts  failures of one page before the run fails
     * @param retryDelay       delay before the first retry of a failed page; doubles each time, capped at a minute
     * @param maxUsersInFlight a run's next page waits while this many of its users are fetched (or being
     *                         fetched) but not yet reported persisted (until {@link #start} is called again),
     *                         so a run exceeds it by less than one page; 0 for no limit. Fetching faster than the rest of the
     *                         pipeline only makes users wait longer in the event store (at 1M users the
     *                         median latency was 124 s with no limit).
     */
    public record Settings(int concurrentPages, int maxPageAttempts, Duration retryDelay, int maxUsersInFlight) {
        public Settings {
            if (concurrentPages < 1 || maxPageAttempts < 1 || retryDelay.isNegative() || maxUsersInFlight < 0) {
                throw new IllegalArgumentException(
                        "concurrentPages and maxPageAttempts must be >= 1, retryDelay and maxUsersInFlight >= 0");
            }
        }
    }

    public FetchRunPages(
            FetchUserPagePort source,
            AppendRunEventsPort store,
            LoadRunHistoryPort history,
            Clock clock,
            Settings settings) {
        this.source = source;
        this.store = store;
        this.history = history;
        this.clock = clock;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.concurrentPages(), task -> {
            Thread thread = new Thread(task, "fetch-pages-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.workers = pool;
    }

    /** Schedules every page the run still misses; pages already scheduled are not scheduled twice. */
    public void start(RunId runId) {
        Loaded loaded = load(runId);
        if (loaded.run().isFinished()) {
            return;
        }
        for (int page : loaded.run().pagesToFetch()) {
            schedule(runId, page, Duration.ZERO);
        }
    }

    private void schedule(RunId runId, int page, Duration delay) {
        String key = runId + "/" + page;
        if (inFlight.add(key)) {
            workers.schedule(
                    () -> {
                        inFlight.remove(key);
                        fetchPage(runId, page);
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void fetchPage(RunId runId, int page) {
        try {
            IngestionRun run = load(runId).run();
            if (run.isFinished() || run.isStored(page)) {
                return;
            }
            int reserved = reserveRoom(runId, page);
            if (reserved < 0) {
                return;
            }
            try {
                fetchAndStore(runId, page, run);
            } finally {
                releaseRoom(runId, reserved);
            }
        } catch (UserSourceException problem) {
            recordFailure(runId, page, problem.getMessage());
        } catch (RunRuleViolation finished) {
            LOG.info("run {}: page {} no longer needed: {}", runId, page, finished.getMessage());
        } catch (RuntimeException storeProblem) {
            LOG.warn(
                    "run {}: page {} could not be stored, retrying in {} s",
                    runId,
                    page,
                    STORE_RETRY.toSeconds(),
                    storeProblem);
            schedule(runId, page, STORE_RETRY);
        }
    }

    private void fetchAndStore(RunId runId, int page, IngestionRun run) {
        // every page is asked for at the run's page size, the last one too: a page's users depend on
        // (seed, page, page size), so a smaller last page would repeat users of the page before it
        UserPage fetched = source.fetchPage(new PageQuery(
                page, run.pageSize(), run.seed(), run.nationalities(), Optional.ofNullable(run.gender())));
        storePage(
                runId,
                page,
                fetched.profiles().subList(0, Math.min(fetched.profiles().size(), run.resultsOnPage(page))));
    }

    /**
     * Counts the page's users as in flight before it is fetched, or holds the page back: -1 when the
     * run's users in flight (stored but not persisted, plus those of its pages being fetched) reached
     * the limit. Checked and counted under the run's lock, so concurrent pages cannot all pass one look
     * at the same count: the run overshoots the limit by less than one page.
     *
     * <p>A held-back page is not polled: the persisted report that makes room calls {@link #start}
     * again, and so does the end of any page of the run (which may have made room by storing no
     * accepted user). A report recorded while this page looked is seen by this load, or its start()
     * schedules the page anew, since the page left inFlight already.
     */
    private int reserveRoom(RunId runId, int page) {
        if (settings.maxUsersInFlight() == 0) {
            return 0;
        }
        synchronized (lockOf(runId)) {
            IngestionRun run = load(runId).run();
            int beingFetched = usersBeingFetched.getOrDefault(runId, 0);
            if (run.usersInFlight() + beingFetched >= settings.maxUsersInFlight()) {
                heldBack.add(runId);
                return -1;
            }
            int users = run.resultsOnPage(page);
            usersBeingFetched.put(runId, beingFetched + users);
            return users;
        }
    }

    /** After the page was stored (its users now count as fetched) or failed. */
    private void releaseRoom(RunId runId, int reserved) {
        if (settings.maxUsersInFlight() == 0) {
            return;
        }
        synchronized (lockOf(runId)) {
            int left = usersBeingFetched.getOrDefault(runId, 0) - reserved;
            if (left > 0) {
                usersBeingFetched.put(runId, left);
            } else {
                usersBeingFetched.remove(runId);
            }
        }
        if (heldBack.remove(runId)) {
            try {
                start(runId);
            } catch (RuntimeException e) {
                LOG.warn("run {}: could not resume its held-back pages", runId, e);
            }
        }
    }

    private Object lockOf(RunId runId) {
        return runLocks.computeIfAbsent(runId, id -> new Object());
    }

    private void storePage(RunId runId, int page, List<RawProfile> profiles) {
        Instant now = clock.instant();
        List<UserEvent> users = new ArrayList<>(profiles.size());
        int accepted = 0;
        int withFieldProblems = 0;
        int withFieldsNulled = 0;
        for (RawProfile profile : profiles) {
            MappingResult result = ProfileMapping.map(profile);
            if (result instanceof MappingResult.Accepted ok) {
                users.add(new UserFetched(runId, page, ok.user(), now));
                accepted++;
                if (!ok.user().fieldProblems().isEmpty()) {
                    withFieldProblems++;
                }
                if (ok.user().hasNulledFields()) {
                    withFieldsNulled++;
                }
            } else if (result instanceof MappingResult.Rejected rejected) {
                users.add(new UserRejected(runId, page, rejected.keptJson(), rejected.reason(), now));
            }
        }
        int acceptedUsers = accepted;
        int problemUsers = withFieldProblems;
        int nulledUsers = withFieldsNulled;
        appendWithRetry(
                runId,
                run -> RunDecisions.pageStored(
                        run, page, acceptedUsers, users.size() - acceptedUsers, problemUsers, nulledUsers, now),
                users);
    }

    private void recordFailure(RunId runId, int page, String error) {
        Instant now = clock.instant();
        appendWithRetry(
                runId, run -> RunDecisions.pageFailed(run, page, error, settings.maxPageAttempts(), now), List.of());
        IngestionRun run = load(runId).run();
        if (run.isFinished()) {
            LOG.warn("run {} failed: {}", runId, run.lastError());
            return;
        }
        int attempts = run.attemptsFor(page);
        long delayMillis = Math.min(60_000, settings.retryDelay().toMillis() << Math.min(attempts - 1, 16));
        LOG.warn(
                "run {}: {} (attempt {} of {}, retrying in {} ms)",
                runId,
                error,
                attempts,
                settings.maxPageAttempts(),
                delayMillis);
        schedule(runId, page, Duration.ofMillis(delayMillis));
    }

    private interface Decision {
        List<RunEvent> decide(IngestionRun run);
    }

    /** Decides on the latest state; if another page was stored meanwhile, decides again on the newer state. */
    private void appendWithRetry(RunId runId, Decision decision, List<UserEvent> users) {
        synchronized (lockOf(runId)) {
            for (int attempt = 1; ; attempt++) {
                Loaded loaded = load(runId);
                List<RunEvent> events = decision.decide(loaded.run());
                if (events.isEmpty()) {
                    return;
                }
                try {
                    store.append(runId, loaded.version(), events, users);
                    return;
                } catch (ConcurrentRunUpdateException raced) {
                    if (attempt == 5) {
                        throw raced;
                    }
                }
            }
        }
    }

    private record Loaded(IngestionRun run, int version) {}

    private Loaded load(RunId runId) {
        List<RunEvent> events = history.loadHistory(runId);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no run " + runId);
        }
        return new Loaded(IngestionRun.replay(events), events.size());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
