package application;

import java.util.List;

import application.port.in.PublishFetchedUsersUseCase;
import application.port.out.PublishUsersPort;
import domain.event.UserFetched;

/** The outbox's use case: stored users go to Kafka; the caller advances its position only if this returns. */
public final class PublishFetchedUsers implements PublishFetchedUsersUseCase {

    private final PublishUsersPort publisher;

    public PublishFetchedUsers(PublishUsersPort publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publishFetched(List<UserFetched> batch) {
        if (!batch.isEmpty()) {
            publisher.publish(batch);
        }
    }
}
