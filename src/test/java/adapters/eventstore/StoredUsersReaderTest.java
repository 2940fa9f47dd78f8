package adapters.eventstore;

import static adapters.eventstore.AxonEventStoreTest.requested;
import static adapters.eventstore.AxonEventStoreTest.usersOfPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import application.port.out.LoadStoredUsersPort;
import application.port.out.StoredUsers;
import domain.event.PageStored;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replay's source: one run's stored users, in the order stored, a page at a time. */
class StoredUsersReaderTest {

    @TempDir
    Path directory;

    @Test
    void given_two_runs_stored_interleaved_when_one_is_read_page_by_page_then_exactly_its_users_come_in_stored_order() {
        RunId mine = RunId.random();
        RunId other = RunId.random();
        List<UserFetched> expected = new ArrayList<>();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(other, 0, List.of(requested(other, null)), List.of());
            store.appendRunEvents().append(other, 1, List.of(new PageStored(other, 1, 2, 1)), usersOfPage(other, 1));
            store.appendRunEvents().append(mine, 0, List.of(requested(mine, null)), List.of());
            for (int page = 1; page <= 2; page++) {
                List<UserEvent> users = usersOfPage(mine, page);
                store.appendRunEvents().append(mine, page, List.of(new PageStored(mine, page, 2, 1)), users);
                store.appendRunEvents()
                        .append(
                                other,
                                page + 1,
                                List.of(new PageStored(other, page + 1, 2, 1)),
                                usersOfPage(other, page + 1));
                expected.addAll(users.stream()
                        .filter(UserFetched.class::isInstance)
                        .map(UserFetched.class::cast)
                        .toList());
            }

            List<StoredUsers> pages = readAll(store.loadStoredUsers(), mine, 2);

            assertThat(pages.stream().flatMap(page -> page.users().stream()).toList())
                    .containsExactlyElementsOf(expected);
            assertThat(pages).allSatisfy(page -> assertThat(page.users()).hasSizeLessThanOrEqualTo(2));
            assertThat(pages.get(pages.size() - 1).end()).isTrue();
            assertThat(pages.size()).as("paged, never all at once").isGreaterThan(2);
        }
    }

    @Test
    void given_no_such_run_when_its_users_are_read_then_none_and_the_end() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            RunId run = RunId.random();
            store.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
            store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), usersOfPage(run, 1));

            StoredUsers none = store.loadStoredUsers().loadFetchedUsers(RunId.random(), StoredUsers.FIRST, 100);

            assertThat(none.users()).isEmpty();
            assertThat(none.end()).isTrue();
        }
    }

    /** Every page until the end, as the replay reads them. */
    private static List<StoredUsers> readAll(LoadStoredUsersPort reader, RunId run, int limit) {
        List<StoredUsers> pages = new ArrayList<>();
        long after = StoredUsers.FIRST;
        while (true) {
            StoredUsers page = reader.loadFetchedUsers(run, after, limit);
            pages.add(page);
            if (page.end()) {
                return pages;
            }
            after = page.next();
        }
    }
}
