package application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import application.port.in.FetchUsersCommand;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunView;
import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.event.RunEvent;
import domain.run.RunDecisions;
import domain.run.RunId;

/**
 * Records a new run (with its seed) and hands it to the fetcher. The same idempotency key always
 * answers with the first run: Airflow retries a task with the same key and must not start a second run.
 */
public final class RequestUserFetch implements RequestUserFetchUseCase {

    private final AppendRunEventsPort store;
    private final FindRunsPort runs;
    private final RunViews views;
    private final FetchRunPages fetcher;
    private final Clock clock;
    private final RandomGenerator random;
    private final int maxPageSize;

    public RequestUserFetch(
            AppendRunEventsPort store,
            LoadRunHistoryPort history,
            FindRunsPort runs,
            FetchRunPages fetcher,
            Clock clock,
            RandomGenerator random,
            int maxPageSize) {
        this.store = store;
        this.runs = runs;
        this.views = new RunViews(history, runs, WatchDependencies.NONE);
        this.fetcher = fetcher;
        this.clock = clock;
        this.random = random;
        this.maxPageSize = maxPageSize;
    }

    /** Synchronized so two requests with one key in this process cannot both create a run; the store's unique key guards across processes. */
    @Override
    public synchronized RunView requestFetch(FetchUsersCommand command) {
        Optional<RunView> existing = existingRun(command.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        RunId runId = RunId.random();
        String seed = command.seed() != null ? command.seed() : RunDecisions.newSeed(random);
        List<RunEvent> requested = RunDecisions.request(
                runId,
                command.count(),
                Math.min(maxPageSize, command.count()),
                seed,
                command.nationalities(),
                command.gender(),
                command.idempotencyKey(),
                clock.instant());
        try {
            store.append(runId, 0, requested, List.of());
        } catch (ConcurrentRunUpdateException raced) {
            // another instance stored a run under the same key first: answer with that one
            return existingRun(command.idempotencyKey()).orElseThrow(() -> raced);
        }
        // the view is taken before fetching starts, so the answer always says what was accepted
        RunView accepted = views.view(runId).orElseThrow();
        fetcher.start(runId);
        return accepted;
    }

    private Optional<RunView> existingRun(String idempotencyKey) {
        return Optional.ofNullable(idempotencyKey)
                .flatMap(runs::findByIdempotencyKey)
                .flatMap(views::view);
    }
}
