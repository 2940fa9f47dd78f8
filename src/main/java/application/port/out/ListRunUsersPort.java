package application.port.out;

import domain.run.RequestLimits;
import domain.run.RunId;

/** Pages through the users one run persisted, for {@code GET /api/runs/{runId}/users}. */
public interface ListRunUsersPort {

    /**
     * @param pageSize     at most this many users are returned (1 to {@value RequestLimits#MAX_USERS_PAGE_SIZE})
     * @param pagingState  {@code null} for the first page, else the {@link UserPageOfRun#nextPagingState()}
     *                     of the previous page of the same run: an opaque token a client passes back as is
     * @throws IllegalArgumentException when pageSize is out of range or pagingState is not a token of
     *                                  this run's listing (a client error, not a store failure)
     */
    UserPageOfRun listUsers(RunId runId, int pageSize, String pagingState);
}
