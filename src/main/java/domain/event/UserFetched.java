package domain.event;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;
import domain.user.User;

/**
 * A user arrived from the source, with the problems of its optional fields if any
 * ({@link User#fieldProblems()}); the outbox publishes it to {@code users_created}.
 */
public record UserFetched(RunId runId, int page, User user, Instant fetchedAt) implements UserEvent {

    public UserFetched {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}
