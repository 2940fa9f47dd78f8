package application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import application.port.in.RecordPersistedUsersUseCase;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.LoadRunHistoryPort;
import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.RunEvent;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the sidecar's reports into run events: counts only ids the run fetched (others, from a forged
 * or stray message, are counted as ignored and never complete a run), de-duplicates ids per run in the event store (a
 * replayed batch adds nothing), appends {@code UsersPersisted} with the count of new ids, while a
 * replay of the run is under way {@code ReplayPersisted} with the count of ids new to that replay,
 * and {@code RunCompleted} when every fetched user is persisted. Races with the page fetcher are
 * resolved by deciding again on the newer state.
 */
public final class RecordPersistedUsers implements RecordPersistedUsersUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPersistedUsers.class);
    private static final int MAX_ATTEMPTS = 10;
    /** Unknown run ids remembered for warning once: about 1 MB at most. */
    static final int MAX_UNKNOWN_RUNS_REMEMBERED = 10_000;

    private final LoadRunHistoryPort history;
    private final RecordPersistedIdsPort store;
    private final Clock clock;
    private final Consumer<RunId> madeRoom;
    /**
     * Unknown runs already warned about, so a stray producer's repeats log once; bounded (least
     * recently reported first out), since anyone who can write to the topic chooses the run ids.
     */
    private final RecentRuns warnedUnknown = new RecentRuns(MAX_UNKNOWN_RUNS_REMEMBERED);

    public RecordPersistedUsers(LoadRunHistoryPort history, RecordPersistedIdsPort store, Clock clock) {
        this(history, store, clock, runId -> {});
    }

    /**
     * @param madeRoom told of each run that has fewer users in flight after a report: the page fetcher
     *                 resumes the pages it held back ({@link FetchRunPages.Settings#maxUsersInFlight})
     */
    public RecordPersistedUsers(
            LoadRunHistoryPort history, RecordPersistedIdsPort store, Clock clock, Consumer<RunId> madeRoom) {
        this.history = Objects.requireNonNull(history, "history");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.madeRoom = Objects.requireNonNull(madeRoom, "madeRoom");
    }

    /** How many unknown run ids are remembered (for warning once each): bounded. */
    int unknownRunsRemembered() {
        return warnedUnknown.size();
    }

    /** The report is recorded whatever happens here: a page still held back resumes with the next report. */
    private void resumeHeldPages(RunId runId) {
        try {
            madeRoom.accept(runId);
        } catch (RuntimeException e) {
            LOG.warn("run {}: could not resume its held-back pages", runId, e);
        }
    }

    @Override
    public int recordPersisted(RunId runId, List<UserId> userIds, String batchId, Instant persistedAt) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(persistedAt, "persistedAt");
        Set<UserId> ids = new LinkedHashSet<>(userIds);
        for (int attempt = 1; ; attempt++) {
            List<RunEvent> events = history.loadHistory(runId);
            if (events.isEmpty()) {
                if (warnedUnknown.add(runId)) {
                    LOG.warn("users_persisted for unknown run {} (batch {}): skipped", runId, LogSafe.text(batchId));
                }
                return 0;
            }
            IngestionRun run = IngestionRun.replay(events);
            Instant now = clock.instant();
            // ids reported while a replay is under way count toward it once each (docs/adr/0010)
            int replay = run.replay().isUnderWay() ? run.replay().number() : 0;
            try {
                NewIds newIds = store.recordPersisted(
                        runId,
                        events.size(),
                        replay,
                        ids,
                        added -> RunDecisions.usersPersisted(
                                run, batchId, added.persisted(), added.replayed(), persistedAt, now));
                if (newIds.notFetched() > 0) {
                    // once per message, not per id: a forged batch of 10,000 ids is one line
                    LOG.warn(
                            "run {}: {} of {} ids reported persisted (batch {}) were never fetched by the run: ignored",
                            runId,
                            newIds.notFetched(),
                            ids.size(),
                            LogSafe.text(batchId));
                }
                if (newIds.persisted() > 0) {
                    resumeHeldPages(runId);
                }
                return newIds.persisted();
            } catch (ConcurrentRunUpdateException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
