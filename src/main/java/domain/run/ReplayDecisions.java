package domain.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunEvent;

/**
 * A run's replay decisions (docs/adr/0010): command + state -> events, like {@link RunDecisions}.
 * Only a run whose every page is stored can be replayed: until then the outbox is still publishing
 * its users, and a failed run never completes.
 */
public final class ReplayDecisions {

    private ReplayDecisions() {}

    /**
     * A replay of the run: [ReplayRequested] with the next replay number. A replay still publishing
     * refuses a second one; a replay waiting for the sidecar (PERSISTING) is superseded by the new one.
     *
     * @throws RunRuleViolation when the run is still fetching, has failed, or a replay is publishing
     */
    public static List<RunEvent> request(IngestionRun run, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(now, "now");
        switch (run.status()) {
            case REQUESTED, FETCHING ->
                throw new RunRuleViolation("run " + run.runId() + " is still fetching ("
                        + run.status() + "): the outbox publishes its users as their pages are stored; replay it once"
                        + " it is FETCHED or COMPLETED");
            case FAILED, CANCELLED ->
                throw new RunRuleViolation("run " + run.runId() + " " + run.status()
                        + ": only a run whose every page is stored (FETCHED or COMPLETED) can be replayed");
            case FETCHED, COMPLETED -> {
                // replayable
            }
        }
        if (run.replay().state() == Replay.State.PUBLISHING) {
            throw new RunRuleViolation("replay " + run.replay().number() + " of run " + run.runId()
                    + " is still publishing; ask again once it is PERSISTING or COMPLETED");
        }
        return List.of(new ReplayRequested(run.runId(), run.replay().number() + 1, now));
    }

    /**
     * The replay {@code replay} published every stored user of the run: [ReplayPublished], plus
     * [RunCompleted] when the sidecar already reported every user persisted again. Nothing when that
     * replay is no longer the one publishing (a newer replay superseded it, or this was recorded).
     */
    public static List<RunEvent> published(IngestionRun run, int replay, long published, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(now, "now");
        if (published < 0) {
            throw new IllegalArgumentException("published must be >= 0, was " + published);
        }
        if (run.replay().number() != replay || run.replay().state() != Replay.State.PUBLISHING) {
            return List.of();
        }
        ReplayPublished event = new ReplayPublished(run.runId(), replay, published, now);
        List<RunEvent> events = new ArrayList<>();
        events.add(event);
        events.addAll(RunDecisions.completion(run.apply(event), now));
        return List.copyOf(events);
    }
}
