package domain.event;

import java.time.Instant;

import domain.run.RunId;

/** Every accepted user of the run is persisted in Cassandra. */
public record RunCompleted(RunId runId, int persisted, Instant completedAt) implements RunEvent {}
