package application;

import java.util.Optional;

import application.port.in.RunView;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import domain.run.IngestionRun;
import domain.run.Replay;
import domain.run.RunId;

/**
 * Builds the client's view of a run from its (short) event stream and the outbox's count, and says
 * what an unfinished run waits for while a dependency does not answer.
 */
final class RunViews {

    private final LoadRunHistoryPort history;
    private final FindRunsPort runs;
    private final WatchDependencies dependencies;

    RunViews(LoadRunHistoryPort history, FindRunsPort runs, WatchDependencies dependencies) {
        this.history = history;
        this.runs = runs;
        this.dependencies = dependencies;
    }

    Optional<RunView> view(RunId runId) {
        var events = history.loadHistory(runId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        IngestionRun run = IngestionRun.replay(events);
        Replay replay = run.replay();
        boolean replayed = replay.number() > 0;
        // a finished run waits for nothing, whatever is down
        RunView.WaitingFor waiting =
                run.status().isFinished() ? null : dependencies.longestOutage().orElse(null);
        return Optional.of(new RunView(
                run.runId().toString(),
                run.status().name(),
                run.count(),
                run.fetched(),
                run.rejected(),
                runs.publishedCount(runId),
                run.persisted(),
                run.parked(),
                run.storedPages().size(),
                run.pageCount(),
                run.seed(),
                run.nationalities(),
                run.gender(),
                run.requestedAt(),
                run.lastError(),
                replay.number(),
                replayed ? replay.state().name() : null,
                replay.requestedAt(),
                replayed ? runs.replayPublishedCount(runId) : 0,
                replay.persisted(),
                replay.completedAt(),
                run.usersWithFieldProblems(),
                run.usersWithFieldsNulled(),
                runs.ignoredIdsCount(runId),
                waiting));
    }
}
