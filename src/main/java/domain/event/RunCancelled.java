package domain.event;

import java.time.Instant;

import domain.run.RunId;

/**
 * The caller cancelled the run: no page is fetched any more. Users already stored still go to
 * Kafka and Cassandra, and their reports still count toward {@code persisted}.
 */
public record RunCancelled(RunId runId, Instant cancelledAt) implements RunEvent {}
