package application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import application.port.in.PublishFetchedUsersUseCase;
import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.LoadRunHistoryPort;
import application.port.out.PublishUsersPort;
import application.port.out.PublishUsersPort.Refused;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserParked;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's use case: stored users go to Kafka; the caller advances its position only if this
 * returns. A user Kafka refuses for good is parked, not retried: a {@link UserParked} with the
 * reason, and a {@code UsersParked} in its run's stream that counts it (and completes the run when it
 * was the last one missing), so one bad user never stops the outbox nor leaves its run waiting.
 */
public final class PublishFetchedUsers implements PublishFetchedUsersUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PublishFetchedUsers.class);
    private static final int MAX_ATTEMPTS = 10;
    /** A run's last error is shown to people: a reason longer than this is cut. */
    static final int MAX_REASON_CHARS = 500;

    private final PublishUsersPort publisher;
    private final AppendRunEventsPort store;
    private final LoadRunHistoryPort history;
    private final Clock clock;
    private final Consumer<RunId> madeRoom;

    /**
     * @param store    where parked users are recorded: the caller's transaction when it has one, so
     *                 they are stored exactly when its position advances
     * @param madeRoom told of each run with parked users once the caller committed: the page fetcher
     *                 resumes the pages it held back ({@link FetchRunPages.Settings#maxUsersInFlight})
     */
    public PublishFetchedUsers(
            PublishUsersPort publisher,
            AppendRunEventsPort store,
            LoadRunHistoryPort history,
            Clock clock,
            Consumer<RunId> madeRoom) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = Objects.requireNonNull(store, "store");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.madeRoom = Objects.requireNonNull(madeRoom, "madeRoom");
    }

    @Override
    public Outcome publishFetched(List<UserFetched> batch) {
        if (batch.isEmpty()) {
            return Outcome.NONE;
        }
        List<Refused> refused = publisher.publish(batch);
        if (refused.isEmpty()) {
            return new Outcome(batch, List.of());
        }
        Set<UserFetched> refusedUsers = new HashSet<>();
        refused.forEach(r -> refusedUsers.add(r.user()));
        List<UserFetched> published =
                batch.stream().filter(u -> !refusedUsers.contains(u)).toList();
        return new Outcome(published, park(refused));
    }

    @Override
    public void committed(Outcome outcome) {
        Set<RunId> runs = new LinkedHashSet<>();
        outcome.parked().forEach(parked -> runs.add(parked.runId()));
        for (RunId runId : runs) {
            try {
                madeRoom.accept(runId);
            } catch (RuntimeException e) {
                // the parking is stored whatever happens here: a held-back page resumes with the next report
                LOG.warn("run {}: could not resume its held-back pages", runId, e);
            }
        }
    }

    private List<UserParked> park(List<Refused> refused) {
        Instant now = clock.instant();
        Map<RunId, List<UserParked>> byRun = new LinkedHashMap<>();
        for (Refused r : refused) {
            UserFetched user = r.user();
            UserParked parked =
                    new UserParked(user.runId(), user.page(), user.user().id(), shorten(r.reason()), now);
            byRun.computeIfAbsent(user.runId(), id -> new ArrayList<>()).add(parked);
            LOG.warn(
                    "run {}: user {} parked, Kafka refused it for good: {}",
                    user.runId(),
                    user.user().id(),
                    parked.reason());
        }
        List<UserParked> all = new ArrayList<>(refused.size());
        byRun.forEach((runId, users) -> {
            record(runId, users, now);
            all.addAll(users);
        });
        return List.copyOf(all);
    }

    /** Appends the run's {@code UsersParked} (and {@code RunCompleted} when due) with its users' events. */
    private void record(RunId runId, List<UserParked> users, Instant now) {
        UserParked first = users.get(0);
        String reason = "user " + first.userId() + " parked: " + first.reason()
                + (users.size() > 1 ? " (and " + (users.size() - 1) + " more users of this run)" : "");
        for (int attempt = 1; ; attempt++) {
            List<RunEvent> events = history.loadHistory(runId);
            if (events.isEmpty()) {
                throw new IllegalStateException("users of run " + runId + " were refused, but the run is unknown");
            }
            IngestionRun run = IngestionRun.replay(events);
            try {
                store.append(
                        runId,
                        events.size(),
                        RunDecisions.usersParked(run, users.size(), reason, now),
                        List.<UserEvent>copyOf(users));
                return;
            } catch (ConcurrentRunUpdateException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private static String shorten(String reason) {
        String oneLine = reason.replace('\r', ' ').replace('\n', ' ').strip();
        return oneLine.length() <= MAX_REASON_CHARS ? oneLine : oneLine.substring(0, MAX_REASON_CHARS - 3) + "...";
    }
}
