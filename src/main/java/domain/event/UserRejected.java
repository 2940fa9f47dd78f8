package domain.event;

import java.time.Instant;

import domain.run.RunId;

/** A profile the source sent that is not a valid user, kept with the reason (never a silent drop). */
public record UserRejected(RunId runId, int page, String rawJson, String reason, Instant rejectedAt) implements UserEvent {
}
