package adapters.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import application.port.out.PersistedUser;

/**
 * Fills one users page within a byte budget. A page of 1,000 users of up to 16 KiB each
 * ({@code ProfileLimits}) would hold about 16 MiB in memory per request; so full rows are read a
 * chunk at a time and the page ends after the row that takes it over {@link #MAX_PAGE_BYTES}, even
 * short of the page size. The page then resumes after the last user it returned: the users are
 * clustered by id in their run's partition, so "after this id" is a position Cassandra keeps exact
 * while the run still writes users, where an offset into a page would shift. Thread-safe when its
 * source is.
 */
final class BudgetedUserPages<K> {

    /**
     * Bytes of user data (the columns of the full rows as Cassandra sends them) one page reads before
     * it stops: 4 MiB, about 3,800 real users (about 1,100 bytes each) or 256 of the largest.
     */
    static final long MAX_PAGE_BYTES = 4L * 1024 * 1024;

    private final RunUserRows<K> rows;
    private final long budget;
    private final int chunk;

    /** @param chunk full rows read at once; the page may read up to this many rows past the budget */
    BudgetedUserPages(RunUserRows<K> rows, long budget, int chunk) {
        if (budget < 1 || chunk < 1) {
            throw new IllegalArgumentException("budget and chunk must be >= 1, were " + budget + ", " + chunk);
        }
        this.rows = rows;
        this.budget = budget;
        this.chunk = chunk;
    }

    /** @param after the last user of the previous page, {@code null} for the first page */
    Page page(UUID after, int pageSize) {
        RunUserRows.Summaries<K> summaries = rows.summaries(after, pageSize);
        List<K> keys = summaries.keys();
        List<PersistedUser> users = new ArrayList<>(keys.size());
        long bytes = 0;
        for (int from = 0; from < keys.size(); from += chunk) {
            List<RunUserRows.SizedUser> read = rows.fullRows(keys.subList(from, Math.min(keys.size(), from + chunk)));
            for (RunUserRows.SizedUser row : read) {
                users.add(row.user());
                bytes += row.bytes();
                if (bytes > budget) {
                    // at least one user per page, so a client following the tokens always gets on
                    boolean more = users.size() < keys.size() || summaries.more();
                    return new Page(users, more ? lastId(users) : null);
                }
            }
        }
        return new Page(users, summaries.more() && !users.isEmpty() ? lastId(users) : null);
    }

    private static UUID lastId(List<PersistedUser> users) {
        return users.get(users.size() - 1).user().id().value();
    }

    /** @param resumeAfter the id the next page starts after, {@code null} on the last page */
    record Page(List<PersistedUser> users, UUID resumeAfter) {

        Page {
            users = List.copyOf(users);
        }
    }
}
