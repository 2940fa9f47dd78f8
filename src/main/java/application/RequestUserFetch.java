package application;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import application.port.in.FetchUsersCommand;
import application.port.in.IdempotencyConflictException;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunView;
import application.port.in.TooManyRunsException;
import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.event.RunEvent;
import domain.run.RunDecisions;
import domain.run.RunId;

/**
 * Records a new run (with its seed) and hands it to the fetcher. The same idempotency key always
 * answers with the first run: Airflow retries a task with the same key and must not start a second run;
 * the same key with other parameters is refused. At most {@code maxActiveRuns} runs fetch at once.
 */
public final class RequestUserFetch implements RequestUserFetchUseCase {

    /**
     * Runs fetching at once by default: each holds pages of the source's rate limit and of the outbox,
     * so more only make every run slower, and a caller looping on the command cannot pile up work.
     */
    public static final int DEFAULT_MAX_ACTIVE_RUNS = 8;
    /** What a refused request is told to wait: about the time a run of a few thousand users takes to fetch. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final AppendRunEventsPort store;
    private final FindRunsPort runs;
    private final RunViews views;
    private final FetchRunPages fetcher;
    private final Clock clock;
    private final RandomGenerator random;
    private final int maxPageSize;
    private final int maxActiveRuns;

    public RequestUserFetch(
            AppendRunEventsPort store,
            LoadRunHistoryPort history,
            FindRunsPort runs,
            FetchRunPages fetcher,
            Clock clock,
            RandomGenerator random,
            int maxPageSize) {
        this(store, history, runs, fetcher, clock, random, maxPageSize, DEFAULT_MAX_ACTIVE_RUNS);
    }

    /**
     * @param maxActiveRuns runs fetching pages at once (REQUESTED or FETCHING), at most: a request beyond
     *                      it is refused with {@link TooManyRunsException}
     */
    public RequestUserFetch(
            AppendRunEventsPort store,
            LoadRunHistoryPort history,
            FindRunsPort runs,
            FetchRunPages fetcher,
            Clock clock,
            RandomGenerator random,
            int maxPageSize,
            int maxActiveRuns) {
        if (maxActiveRuns < 1) {
            throw new IllegalArgumentException("maxActiveRuns must be >= 1, was " + maxActiveRuns);
        }
        this.maxActiveRuns = maxActiveRuns;
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
            return sameRequest(existing.get(), command);
        }
        // the runs still fetching, those of other instances on the same store included
        if (runs.listUnfinished().size() >= maxActiveRuns) {
            throw new TooManyRunsException(maxActiveRuns, RETRY_AFTER);
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
            return sameRequest(existingRun(command.idempotencyKey()).orElseThrow(() -> raced), command);
        }
        // the view is taken before fetching starts, so the answer always says what was accepted
        RunView accepted = views.view(runId).orElseThrow();
        fetcher.start(runId);
        return accepted;
    }

    /**
     * The run asked for before under the command's key, when the command asks for the same thing; a
     * different count, nationalities (as a set, normalised as the run stored them), gender or seed is
     * a conflict. A command without a seed matches any: the run's seed is then the one it generated.
     */
    private static RunView sameRequest(RunView run, FetchUsersCommand command) {
        List<String> differ = new ArrayList<>();
        if (run.requested() != command.count()) {
            differ.add("count " + run.requested() + " (now " + command.count() + ")");
        }
        Set<String> nationalities = new LinkedHashSet<>(RunDecisions.nationalities(command.nationalities()));
        if (!nationalities.equals(new LinkedHashSet<>(run.nationalities()))) {
            differ.add("nationalities " + run.nationalities() + " (now " + nationalities + ")");
        }
        if (!Objects.equals(run.gender(), RunDecisions.gender(command.gender()))) {
            differ.add("gender " + run.gender() + " (now " + command.gender() + ")");
        }
        if (command.seed() != null && !command.seed().equals(run.seed())) {
            differ.add("seed " + run.seed() + " (now " + command.seed() + ")");
        }
        if (!differ.isEmpty()) {
            throw new IdempotencyConflictException("Idempotency-Key already names run " + run.runId()
                    + ", asked for with other parameters: " + String.join(", ", differ)
                    + "; use a new key for a new run");
        }
        return run;
    }

    private Optional<RunView> existingRun(String idempotencyKey) {
        return Optional.ofNullable(idempotencyKey)
                .flatMap(runs::findByIdempotencyKey)
                .flatMap(views::view);
    }
}
