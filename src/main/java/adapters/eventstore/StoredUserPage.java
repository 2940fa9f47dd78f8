package adapters.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;

/**
 * How the event store keeps the {@link UserFetched} events of one page: as one stored entry instead
 * of one per user (docs/adr/0013). The domain still appends, and the outbox and the replay still
 * read, one {@code UserFetched} per user; only the storage is per page, so a page costs the store
 * one row and one index entry of each kind, not thousands.
 */
record StoredUserPage(RunId runId, int page, Instant fetchedAt, List<User> users) {

    StoredUserPage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        users = List.copyOf(users);
    }

    /** The entry of one page's events, which share their run, page and fetch time. */
    static StoredUserPage of(List<UserFetched> events) {
        UserFetched first = events.get(0);
        return new StoredUserPage(
                first.runId(),
                first.page(),
                first.fetchedAt(),
                events.stream().map(UserFetched::user).toList());
    }

    /** The page's events, in the order they were appended. */
    List<UserFetched> events() {
        return users.stream()
                .map(user -> new UserFetched(runId, page, user, fetchedAt))
                .toList();
    }
}
