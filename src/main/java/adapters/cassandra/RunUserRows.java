package adapters.cassandra;

import java.util.List;
import java.util.UUID;

import application.port.out.PersistedUser;

/**
 * Where {@link BudgetedUserPages} reads a run's users: the summaries of {@code users_by_run} in
 * clustering (id) order, then the full rows of {@code created_users}. An interface so the paging
 * arithmetic is tested without a cluster.
 *
 * @param <K> a summary row, as the source hands it back to {@link #fullRows}
 */
interface RunUserRows<K> {

    /** At most {@code limit} summaries of users after {@code after} ({@code null}: from the first). */
    Summaries<K> summaries(UUID after, int limit);

    /** The full rows of these summaries, one each, in their order. */
    List<SizedUser> fullRows(List<K> summaries);

    /** @param more whether users may follow the last of these (the store's own paging says so) */
    record Summaries<K>(List<K> keys, boolean more) {

        public Summaries {
            keys = List.copyOf(keys);
        }
    }

    /** @param bytes what the row weighs against a page's budget */
    record SizedUser(PersistedUser user, long bytes) {}
}
