package application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import application.port.in.CancelRunUseCase;
import application.port.in.RunConflictException;
import application.port.in.RunView;
import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.event.RunEvent;
import domain.run.CancelDecisions;
import domain.run.IngestionRun;
import domain.run.RunId;
import domain.run.RunRuleViolation;

/**
 * Records {@code RunCancelled}. Nothing else needs telling: the page fetcher loads the run before
 * each page and stores a page only on a run still fetching, so it stops by itself, and a restart
 * does not resume a cancelled run (the run index no longer lists it as fetching).
 */
public final class CancelRun implements CancelRunUseCase {

    private static final int MAX_ATTEMPTS = 10;

    private final LoadRunHistoryPort history;
    private final AppendRunEventsPort store;
    private final RunViews views;
    private final Clock clock;

    public CancelRun(LoadRunHistoryPort history, AppendRunEventsPort store, FindRunsPort runs, Clock clock) {
        this.history = history;
        this.store = store;
        this.views = new RunViews(history, runs, WatchDependencies.NONE);
        this.clock = clock;
    }

    @Override
    public Optional<RunView> cancel(String runId) {
        RunId id;
        try {
            id = RunId.of(runId);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        for (int attempt = 1; ; attempt++) {
            List<RunEvent> events = history.loadHistory(id);
            if (events.isEmpty()) {
                return Optional.empty();
            }
            List<RunEvent> cancelled;
            try {
                cancelled = CancelDecisions.cancel(IngestionRun.replay(events), clock.instant());
            } catch (RunRuleViolation finished) {
                throw new RunConflictException(finished.getMessage());
            }
            try {
                if (!cancelled.isEmpty()) {
                    store.append(id, events.size(), cancelled, List.of());
                }
                return views.view(id);
            } catch (ConcurrentRunUpdateException raced) {
                // a page was stored meanwhile: decide again on the newer state
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
