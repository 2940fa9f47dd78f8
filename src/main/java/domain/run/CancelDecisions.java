package domain.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import domain.event.RunCancelled;
import domain.event.RunEvent;

/**
 * A run's cancel decision: command + state -> events, like {@link RunDecisions}. Only a run still
 * fetching pages can be cancelled: there is nothing left to stop once every page is stored.
 */
public final class CancelDecisions {

    private CancelDecisions() {}

    /**
     * [RunCancelled] for a run still fetching (REQUESTED, FETCHING); nothing for a run already
     * CANCELLED, so a repeated cancel is harmless.
     *
     * @throws RunRuleViolation when every page is stored (FETCHED), or the run is COMPLETED or FAILED
     */
    public static List<RunEvent> cancel(IngestionRun run, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(now, "now");
        return switch (run.status()) {
            case REQUESTED, FETCHING -> List.of(new RunCancelled(run.runId(), now));
            case CANCELLED -> List.of();
            case FETCHED, COMPLETED, FAILED ->
                throw new RunRuleViolation("run " + run.runId() + " is " + run.status()
                        + ": only a run still fetching pages (REQUESTED, FETCHING) can be cancelled");
        };
    }
}
