package application.port.in;

import java.util.List;

import domain.event.UserFetched;
import domain.event.UserParked;

/**
 * Called by the event store's outbox processor with a batch of stored users, inside the transaction
 * that advances its position. Returns only when every user is acknowledged downstream or parked;
 * throwing makes the processor retry the batch.
 */
public interface PublishFetchedUsersUseCase {

    /**
     * Publishes the batch; users Kafka refused for good are parked (a {@link UserParked} each, stored
     * in the caller's transaction) instead of blocking the outbox.
     */
    Outcome publishFetched(List<UserFetched> batch);

    /**
     * The caller's transaction that holds {@code outcome} committed: runs whose users were parked have
     * room for more pages now. Nothing to do for a use case that parks nobody.
     */
    default void committed(Outcome outcome) {}

    /**
     * @param published the users Kafka acknowledged, in batch order
     * @param parked    the users it refused for good, with their reasons
     */
    record Outcome(List<UserFetched> published, List<UserParked> parked) {

        public static final Outcome NONE = new Outcome(List.of(), List.of());

        public Outcome {
            published = List.copyOf(published);
            parked = List.copyOf(parked);
        }
    }
}
