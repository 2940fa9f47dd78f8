package domain.event;

import java.time.Instant;

import domain.run.RunId;

/**
 * The sidecar wrote a batch of the run's users to Cassandra: {@code newlyPersisted} ids not reported
 * before (a replayed batch counts only what it adds, so a repeat adds nothing and is not appended).
 *
 * @param batchId the sidecar's batch id ({@code {query id}:{batch id}})
 */
public record UsersPersisted(RunId runId, String batchId, int newlyPersisted, Instant persistedAt)
        implements RunEvent {}
