package application.port.out;

import java.util.List;
import java.util.Objects;

import domain.event.UserFetched;

/** Publishes fetched users to the {@code users_created} topic. */
public interface PublishUsersPort {

    /**
     * Sends every user and returns once each is acknowledged ({@code acks=all}) or refused for good.
     * A user Kafka can never take (too large for the topic, a value it rejects as such) is returned
     * with the reason instead of failing the batch: sending it again would fail again, forever, and
     * hold up every user behind it.
     *
     * @return the users refused for good, in batch order; empty when every user was acknowledged
     * @throws PublishFailedException when any user failed for a reason that may pass (a broker down,
     *                                a timeout): the caller retries the whole batch (the consumer side
     *                                upserts by id, so a resent user is harmless)
     */
    List<Refused> publish(List<UserFetched> users);

    /**
     * A user the topic refused for good.
     *
     * @param reason one line for a person: the cause as Kafka named it, or the limit it broke
     */
    record Refused(UserFetched user, String reason) {

        public Refused {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(reason, "reason");
        }
    }

    final class PublishFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
