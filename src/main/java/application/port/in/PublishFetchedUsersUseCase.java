package application.port.in;

import java.util.List;

import domain.event.UserFetched;

/**
 * Called by the event store's outbox processor with a batch of stored users. Returns only when
 * every user is acknowledged downstream; throwing makes the processor retry the batch.
 */
public interface PublishFetchedUsersUseCase {

    void publishFetched(List<UserFetched> batch);
}
