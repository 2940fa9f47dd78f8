package application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import application.port.in.ReplayRunUseCase;
import application.port.in.RunConflictException;
import application.port.in.RunView;
import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.LoadStoredUsersPort;
import application.port.out.PublishUsersPort;
import application.port.out.RecordReplayProgressPort;
import application.port.out.StoredUsers;
import domain.event.ReplayRequested;
import domain.event.RunEvent;
import domain.run.IngestionRun;
import domain.run.Replay;
import domain.run.ReplayDecisions;
import domain.run.RunId;
import domain.run.RunRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds what Kafka and Cassandra hold of a run from the event store, the system of record
 * (docs/adr/0010): records {@code ReplayRequested}, then, in the background, reads the run's stored
 * {@code UserFetched} events page by page and publishes them to {@code users_created} again, the same
 * way the outbox did, and records {@code ReplayPublished}. The sidecar upserts them by id, so a replay
 * changes nothing that was still there; {@link RecordPersistedUsers} counts each user once toward the
 * replay and completes the run again when every user is persisted again.
 *
 * <p>A failing read or publish is retried with growing delays (the replay waits for Kafka like the
 * outbox does); after a restart, {@link #resume()} starts every replay still publishing over from the
 * first user, which is harmless for the same reason.
 */
public final class ReplayRun implements ReplayRunUseCase, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);
    private static final int MAX_APPEND_ATTEMPTS = 10;
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

    /**
     * @param batchSize  stored events read, and users published, at a time
     * @param retryDelay delay before the first retry of a failed read or publish; doubles each time, capped at a minute
     */
    public record Settings(int batchSize, Duration retryDelay) {

        public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

        public Settings {
            if (batchSize < 1 || retryDelay.isNegative()) {
                throw new IllegalArgumentException(
                        "batchSize must be >= 1 and retryDelay >= 0, were " + batchSize + " and " + retryDelay);
            }
        }
    }

    private final LoadRunHistoryPort history;
    private final AppendRunEventsPort store;
    private final FindRunsPort runs;
    private final LoadStoredUsersPort storedUsers;
    private final RecordReplayProgressPort progress;
    private final PublishUsersPort publisher;
    private final Clock clock;
    private final Settings settings;
    private final RunViews views;
    private final ExecutorService worker;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    public ReplayRun(
            LoadRunHistoryPort history,
            AppendRunEventsPort store,
            FindRunsPort runs,
            LoadStoredUsersPort storedUsers,
            RecordReplayProgressPort progress,
            PublishUsersPort publisher,
            Clock clock,
            Settings settings) {
        this.history = history;
        this.store = store;
        this.runs = runs;
        this.storedUsers = storedUsers;
        this.progress = progress;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.views = new RunViews(history, runs, WatchDependencies.NONE);
        // one replay at a time: each one already keeps Kafka as busy as the outbox does
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "replay-runs");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Optional<RunView> requestReplay(String runId) {
        RunId id;
        try {
            id = RunId.of(runId);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        if (history.loadHistory(id).isEmpty()) {
            return Optional.empty();
        }
        List<RunEvent> requested;
        try {
            requested = appendDecision(id, run -> ReplayDecisions.request(run, clock.instant()));
        } catch (RunRuleViolation refused) {
            throw new RunConflictException(refused.getMessage());
        }
        int replay = ((ReplayRequested) requested.get(0)).replay();
        LOG.info("run {}: replay {} requested", id, replay);
        // the view is taken before publishing starts, so the answer always says what was accepted
        Optional<RunView> accepted = views.view(id);
        schedule(id, replay);
        return accepted;
    }

    /** After a restart: every replay that was still publishing starts over. @return those runs */
    public List<RunId> resume() {
        List<RunId> resumed = new ArrayList<>();
        for (RunId runId : runs.listReplaying()) {
            List<RunEvent> events = history.loadHistory(runId);
            if (events.isEmpty()) {
                continue;
            }
            Replay replay = IngestionRun.replay(events).replay();
            if (replay.state() == Replay.State.PUBLISHING) {
                schedule(runId, replay.number());
                resumed.add(runId);
            }
        }
        return List.copyOf(resumed);
    }

    private void schedule(RunId runId, int replay) {
        String key = runId + "/" + replay;
        if (scheduled.add(key)) {
            worker.execute(() -> {
                try {
                    publish(runId, replay);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    LOG.info("run {}: replay {} stopped with the app; it resumes on the next start", runId, replay);
                } catch (RuntimeException unexpected) {
                    LOG.error("run {}: replay {} stopped; it resumes on the next start", runId, replay, unexpected);
                } finally {
                    scheduled.remove(key);
                }
            });
        }
    }

    private void publish(RunId runId, int replay) throws InterruptedException {
        IngestionRun run =
                IngestionRun.replay(retrying(runId, replay, "load the run", () -> history.loadHistory(runId)));
        long after = StoredUsers.FIRST;
        long published = 0;
        while (published < run.fetched()) {
            long from = after;
            StoredUsers page = retrying(
                    runId,
                    replay,
                    "read its stored users",
                    () -> storedUsers.loadFetchedUsers(runId, from, settings.batchSize()));
            if (!page.users().isEmpty()) {
                List<PublishUsersPort.Refused> refused = retrying(
                        runId,
                        replay,
                        "publish " + page.users().size() + " users",
                        () -> publisher.publish(page.users()));
                if (!refused.isEmpty()) {
                    // the outbox parked these when they were first published (the run counts them in
                    // `parked`, which the replay's completion allows for); a replay parks nothing twice
                    LOG.warn(
                            "run {}: replay {}: Kafka refused {} stored user(s) for good, e.g. {}: {}",
                            runId,
                            replay,
                            refused.size(),
                            refused.get(0).user().user().id(),
                            refused.get(0).reason());
                }
                published += page.users().size();
                long total = published;
                if (!retrying(
                        runId,
                        replay,
                        "record its progress",
                        () -> progress.recordReplayPublished(runId, replay, total))) {
                    LOG.info("run {}: replay {} was superseded by a newer replay after {} users", runId, replay, total);
                    return;
                }
            }
            if (page.end()) {
                break;
            }
            after = page.next();
        }
        if (published != run.fetched()) {
            LOG.error(
                    "run {}: replay {} found {} stored users, but the run fetched {}: the event store lacks some",
                    runId,
                    replay,
                    published,
                    run.fetched());
        }
        long total = published;
        retrying(
                runId,
                replay,
                "record that it published everything",
                () -> appendDecision(
                        runId, latest -> ReplayDecisions.published(latest, replay, total, clock.instant())));
        LOG.info("run {}: replay {} published {} users", runId, replay, total);
    }

    /** Decides on the latest state and appends; if another writer appended meanwhile, decides again. */
    private List<RunEvent> appendDecision(RunId runId, Function<IngestionRun, List<RunEvent>> decision) {
        for (int attempt = 1; ; attempt++) {
            List<RunEvent> events = history.loadHistory(runId);
            List<RunEvent> decided = decision.apply(IngestionRun.replay(events));
            if (decided.isEmpty()) {
                return decided;
            }
            try {
                store.append(runId, events.size(), decided, List.of());
                return decided;
            } catch (ConcurrentRunUpdateException raced) {
                if (attempt == MAX_APPEND_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** Runs {@code work} until it succeeds, waiting longer after each failure; only closing the app stops it. */
    private <T> T retrying(RunId runId, int replay, String what, Supplier<T> work) throws InterruptedException {
        long delayMillis = settings.retryDelay().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (attempt == 1) {
                    LOG.warn(
                            "run {}: replay {} could not {}, retrying in {} ms",
                            runId,
                            replay,
                            what,
                            delayMillis,
                            failure);
                } else {
                    LOG.warn(
                            "run {}: replay {} could not {} (attempt {}): {}; retrying in {} ms",
                            runId,
                            replay,
                            what,
                            attempt,
                            failure.getMessage(),
                            delayMillis);
                }
                Thread.sleep(delayMillis);
                delayMillis = Math.min(MAX_RETRY_DELAY.toMillis(), Math.max(1, delayMillis * 2));
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
