package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;
import domain.user.UserId;

/**
 * A fetched user Kafka refused for good (too large for the topic, a value it cannot take): the outbox
 * keeps it here with the reason instead of sending it again forever, and moves on. The user stays in
 * the event store, so it can be published again once the cause is fixed; its run stops waiting for
 * it ({@link UsersParked}). Stored beside the run's stream, like {@link UserFetched}.
 *
 * @param page   the page the user came on
 * @param reason one line for a person, e.g. {@code RecordTooLargeException: The message is 2097240 bytes ...}
 */
public record UserParked(RunId runId, int page, UserId userId, String reason, Instant parkedAt) implements UserEvent {

    public UserParked {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(parkedAt, "parkedAt");
    }
}
