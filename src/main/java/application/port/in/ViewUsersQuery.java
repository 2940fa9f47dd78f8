package application.port.in;

import java.util.Optional;

import domain.run.RequestLimits;

/** Reads the users the pipeline persisted (the Cassandra projection). */
public interface ViewUsersQuery {

    /** Empty when no user has this id, or the id is not a UUID. */
    Optional<UserView> findUser(String id);

    /**
     * @param pageToken null for the first page, else a previous page's {@code nextPageToken}
     * @throws InvalidCommandException when the run id is not a UUID, pageSize is out of
     *                                 1..{@value RequestLimits#MAX_USERS_PAGE_SIZE}
     *                                 or the token is not one of this run's listing
     */
    UserList listRunUsers(String runId, int pageSize, String pageToken);
}
