package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;

/**
 * The outbox parked {@code parked} more users of the run ({@link UserParked}, one per user, holds
 * each id and reason): they will not reach Cassandra, so the run completes without them and shows
 * how many there were. One event per outbox batch and run, so a run whose every user is refused
 * still loads fast.
 *
 * @param reason the reason of the batch's first parked user, with the count when there were more:
 *               what the run shows as its last error
 */
public record UsersParked(RunId runId, int parked, String reason, Instant parkedAt) implements RunEvent {

    public UsersParked {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(parkedAt, "parkedAt");
        if (parked < 1) {
            throw new IllegalArgumentException("parked must be >= 1, was " + parked);
        }
    }
}
