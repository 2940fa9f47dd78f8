package application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import application.port.out.PublishUsersPort;
import domain.event.UserFetched;
import domain.user.UserId;

/** Kafka as the use cases see it: keeps every batch acknowledged; fails the next n batches when told to. */
class RecordingPublisher implements PublishUsersPort {

    private final List<List<UserFetched>> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    RecordingPublisher failingNext(int batches) {
        failuresLeft.set(batches);
        return this;
    }

    @Override
    public List<Refused> publish(List<UserFetched> users) {
        attempts.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new PublishFailedException("broker unavailable (scripted)", null);
        }
        batches.add(List.copyOf(users));
        return List.of();
    }

    List<List<UserFetched>> batches() {
        return List.copyOf(batches);
    }

    /** The ids of every user acknowledged, in the order sent. */
    List<UserId> publishedIds() {
        List<UserId> ids = new ArrayList<>();
        batches.forEach(batch -> batch.forEach(user -> ids.add(user.user().id())));
        return ids;
    }

    int attempts() {
        return attempts.get();
    }
}
