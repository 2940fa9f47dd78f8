package application.port.out;

import java.util.List;

import domain.event.UserFetched;

/** Publishes fetched users to the {@code users_created} topic. */
public interface PublishUsersPort {

    /**
     * Sends every user and returns once all are acknowledged ({@code acks=all}); a failure of any
     * throws {@link PublishFailedException}, so the caller can retry the whole batch (the consumer
     * side upserts by id, so a resent user is harmless).
     */
    void publish(List<UserFetched> users);

    final class PublishFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
