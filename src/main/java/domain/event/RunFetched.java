package domain.event;

import java.time.Instant;

import domain.run.RunId;

/** Every page of the run is stored: {@code fetched} users go on to Kafka, {@code rejected} do not. */
public record RunFetched(RunId runId, int fetched, int rejected, Instant fetchedAt) implements RunEvent {}
