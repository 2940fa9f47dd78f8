package application.port.out;

import java.util.List;

import domain.event.UserFetched;

/**
 * One page of a run's stored users ({@link LoadStoredUsersPort}).
 *
 * @param next where the next page starts: pass it back as {@code after}
 * @param end  true when nothing was stored after this page (the run's users may have ended earlier)
 */
public record StoredUsers(List<UserFetched> users, long next, boolean end) {

    /** The {@code after} of a run's first page. */
    public static final long FIRST = 0;

    public StoredUsers {
        users = List.copyOf(users);
    }
}
