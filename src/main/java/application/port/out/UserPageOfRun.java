package application.port.out;

import java.util.List;

/**
 * One page of a run's users.
 *
 * @param nextPagingState the token for the next page, {@code null} when this is the last page
 */
public record UserPageOfRun(List<PersistedUser> users, String nextPagingState) {

    public UserPageOfRun {
        users = List.copyOf(users);
    }
}
