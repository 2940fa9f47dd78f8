package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import application.port.out.PersistedUser;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

class BudgetedUserPagesTest {

    private static final RunId RUN = RunId.random();
    private static final int CHUNK = 4;

    /** A run's users in id order, as users_by_run clusters them, each weighing {@code bytes}. */
    private static final class FakeRows implements RunUserRows<UUID> {

        private final List<UUID> ids;
        private final long bytes;
        final List<Integer> fullRowsRead = new ArrayList<>();

        FakeRows(int users, long bytes) {
            this.ids = IntStream.range(0, users)
                    .mapToObj(i -> UUID.randomUUID())
                    .sorted(Comparator.naturalOrder())
                    .toList();
            this.bytes = bytes;
        }

        @Override
        public Summaries<UUID> summaries(UUID after, int limit) {
            List<UUID> rest = after == null
                    ? ids
                    : ids.stream().filter(id -> id.compareTo(after) > 0).toList();
            return new Summaries<>(rest.subList(0, Math.min(limit, rest.size())), rest.size() > limit);
        }

        @Override
        public List<SizedUser> fullRows(List<UUID> summaries) {
            fullRowsRead.add(summaries.size());
            return summaries.stream().map(id -> new SizedUser(user(id), bytes)).toList();
        }
    }

    private static PersistedUser user(UUID id) {
        User user =
                new User(new UserId(id), "First", "Last", null, null, null, null, null, null, null, null, null, null);
        return new PersistedUser(user, RUN, Instant.EPOCH, Instant.EPOCH);
    }

    private static List<UUID> ids(BudgetedUserPages.Page page) {
        return page.users().stream().map(u -> u.user().id().value()).toList();
    }

    @Test
    void given_rows_over_the_budget_when_reading_a_page_then_it_stops_after_the_row_that_crosses_it_with_a_position() {
        FakeRows rows = new FakeRows(10, 100);
        BudgetedUserPages<UUID> pages = new BudgetedUserPages<>(rows, 250, CHUNK);

        BudgetedUserPages.Page page = pages.page(null, 10);

        assertThat(ids(page)).containsExactlyElementsOf(rows.ids.subList(0, 3));
        assertThat(page.resumeAfter()).isEqualTo(rows.ids.get(2));
        // a chunk at a time: the rows past the first chunk are never read
        assertThat(rows.fullRowsRead).containsExactly(CHUNK);
    }

    @Test
    void given_rows_over_the_budget_when_following_the_positions_to_the_end_then_every_user_comes_exactly_once() {
        FakeRows rows = new FakeRows(97, 1_000);
        BudgetedUserPages<UUID> pages = new BudgetedUserPages<>(rows, 6_500, CHUNK);

        List<UUID> listed = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        UUID after = null;
        do {
            BudgetedUserPages.Page page = pages.page(after, 10);
            listed.addAll(ids(page));
            sizes.add(page.users().size());
            after = page.resumeAfter();
        } while (after != null);

        assertThat(listed).containsExactlyElementsOf(rows.ids);
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == 7);
    }

    @Test
    void given_one_row_larger_than_the_budget_when_reading_a_page_then_it_holds_that_user_so_paging_gets_on() {
        FakeRows rows = new FakeRows(3, 10_000);
        BudgetedUserPages<UUID> pages = new BudgetedUserPages<>(rows, 100, CHUNK);

        BudgetedUserPages.Page page = pages.page(null, 3);

        assertThat(ids(page)).containsExactly(rows.ids.get(0));
        assertThat(page.resumeAfter()).isEqualTo(rows.ids.get(0));
    }

    @Test
    void given_the_budget_crossed_on_the_last_user_of_the_run_when_reading_then_there_is_no_further_page() {
        FakeRows rows = new FakeRows(3, 100);
        BudgetedUserPages<UUID> pages = new BudgetedUserPages<>(rows, 250, CHUNK);

        BudgetedUserPages.Page page = pages.page(null, 5);

        assertThat(ids(page)).containsExactlyElementsOf(rows.ids);
        assertThat(page.resumeAfter()).isNull();
    }

    @Test
    void given_rows_within_the_budget_when_reading_pages_then_full_pages_and_no_position_after_the_last() {
        FakeRows rows = new FakeRows(25, 100);
        BudgetedUserPages<UUID> pages = new BudgetedUserPages<>(rows, BudgetedUserPages.MAX_PAGE_BYTES, CHUNK);

        BudgetedUserPages.Page first = pages.page(null, 10);
        BudgetedUserPages.Page second = pages.page(first.resumeAfter(), 10);
        BudgetedUserPages.Page third = pages.page(second.resumeAfter(), 10);

        assertThat(List.of(
                        first.users().size(),
                        second.users().size(),
                        third.users().size()))
                .containsExactly(10, 10, 5);
        assertThat(first.resumeAfter()).isEqualTo(rows.ids.get(9));
        assertThat(third.resumeAfter()).isNull();
    }

    @Test
    void given_a_run_without_users_when_reading_then_an_empty_last_page() {
        BudgetedUserPages.Page page = new BudgetedUserPages<>(new FakeRows(0, 100), 250, CHUNK).page(null, 10);

        assertThat(page.users()).isEmpty();
        assertThat(page.resumeAfter()).isNull();
    }

    @Test
    void given_a_full_page_of_the_largest_profiles_when_read_then_the_budget_holds_a_quarter_of_it() {
        // 1,000 users of 16 KiB would be 16 MiB: the budget keeps a page to 256 of them
        FakeRows rows = new FakeRows(1_000, domain.user.ProfileLimits.MAX_PROFILE_LENGTH);
        BudgetedUserPages<UUID> pages =
                new BudgetedUserPages<>(rows, BudgetedUserPages.MAX_PAGE_BYTES, CassandraUsers.MAX_READS_PER_PAGE);

        BudgetedUserPages.Page page = pages.page(null, 1_000);

        assertThat(page.users()).hasSize(257);
        assertThat(page.resumeAfter()).isEqualTo(rows.ids.get(256));
    }
}
