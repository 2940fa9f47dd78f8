package domain.event;

import java.time.Instant;

import domain.run.RunId;

/**
 * A profile the source sent that cannot be kept as a user (no usable identity, or over the size limit
 * of domain.user.ProfileLimits), kept with the reason (never a silent drop). {@code rawJson} is the
 * profile's JSON, cut to that limit.
 */
public record UserRejected(RunId runId, int page, String rawJson, String reason, Instant rejectedAt)
        implements UserEvent {}
