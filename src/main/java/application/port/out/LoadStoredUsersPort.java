package application.port.out;

import domain.run.RunId;

/**
 * Reads the users a run stored in the event store, the system of record, for a replay: its
 * {@code UserFetched} events in the order they were stored, a page at a time, so a run of a million
 * users is never held in memory.
 */
public interface LoadStoredUsersPort {

    /**
     * @param after {@link StoredUsers#FIRST} for the first page, else the previous page's
     *              {@link StoredUsers#next()}: an opaque position in the store
     * @param limit about this many users: at most this many stored entries are looked at, and none
     *              after the one that brought the run's users to {@code limit} (an entry may hold a
     *              whole fetched page, so a result may hold up to a page more; it may hold fewer of the
     *              run's users, even none, when other runs' users were stored in between)
     * @return the run's users found, empty with {@code end} when the run does not exist
     */
    StoredUsers loadFetchedUsers(RunId runId, long after, int limit);
}
