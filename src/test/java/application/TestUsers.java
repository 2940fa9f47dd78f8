package application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;

/** Users of a run, as its stored pages hold them: only ids a run fetched count when reported persisted. */
final class TestUsers {

    private static final Instant FETCHED_AT = Instant.parse("2026-11-25T10:00:00Z");

    private TestUsers() {}

    /** Stores {@code count} new users of the run (page 1) and returns their ids, in order. */
    static List<UserId> storeFetched(InMemoryRunStore store, RunId runId, int count) {
        List<UserFetched> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new UserFetched(runId, 1, user(UserId.of(UUID.randomUUID().toString())), FETCHED_AT));
        }
        store.storeUsers(users);
        return users.stream().map(user -> user.user().id()).toList();
    }

    static User user(UserId id) {
        return new User(id, "Ann", "Lee", "female", null, null, null, null, null, null, null, null, "GB");
    }
}
