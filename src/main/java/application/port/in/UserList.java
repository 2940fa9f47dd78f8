package application.port.in;

import java.util.List;

/** One page of a run's users; {@code nextPageToken} is null on the last page. */
public record UserList(List<UserView> users, String nextPageToken) {

    public UserList {
        users = List.copyOf(users);
    }
}
