package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;

/**
 * Someone asked for the run's stored users to be published again (Cassandra lost them,
 * docs/adr/0010). A completed run goes back to FETCHED until every user is reported persisted again.
 *
 * @param replay the replay's number: 1 for the run's first replay, then 2, ...
 */
public record ReplayRequested(RunId runId, int replay, Instant requestedAt) implements RunEvent {

    public ReplayRequested {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
