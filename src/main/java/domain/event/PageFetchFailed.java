package domain.event;

import java.time.Instant;

import domain.run.RunId;

/** An attempt at a page failed; the run shows the error and retries the page until it gives up. */
public record PageFetchFailed(RunId runId, int page, int attempt, String error, Instant failedAt) implements RunEvent {}
