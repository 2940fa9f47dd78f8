package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;

/**
 * The sidecar reported {@code newlyPersisted} users of the run persisted that had not been reported
 * since the replay {@code replay} began (distinct ids: a repeated batch adds nothing). Users counted
 * here for the first time ever are also counted by a {@link UsersPersisted} in the same append.
 *
 * @param batchId the sidecar's batch id ({@code {query id}:{batch id}})
 */
public record ReplayPersisted(RunId runId, int replay, String batchId, int newlyPersisted, Instant persistedAt)
        implements RunEvent {

    public ReplayPersisted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(persistedAt, "persistedAt");
    }
}
