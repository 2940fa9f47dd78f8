package application.port.in;

import java.util.Optional;

/** Reads the users the pipeline persisted (the Cassandra projection). */
public interface ViewUsersQuery {

    int MAX_PAGE_SIZE = 1000;

    /** Empty when no user has this id, or the id is not a UUID. */
    Optional<UserView> findUser(String id);

    /**
     * @param pageToken null for the first page, else a previous page's {@code nextPageToken}
     * @throws InvalidCommandException when the run id is not a UUID, pageSize is out of 1..{@value #MAX_PAGE_SIZE}
     *                                 or the token is not one of this run's listing
     */
    UserList listRunUsers(String runId, int pageSize, String pageToken);
}
