package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;

/**
 * The replay {@code replay} has published every stored {@link UserFetched} of the run to
 * {@code users_created} again, {@code published} users, each acknowledged by Kafka.
 */
public record ReplayPublished(RunId runId, int replay, long published, Instant publishedAt) implements RunEvent {

    public ReplayPublished {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
