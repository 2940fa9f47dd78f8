package adapters.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.in.InvalidCommandException;
import application.port.in.UserList;
import application.port.in.UserView;
import application.port.in.ViewUsersQuery;

/** Persisted users in memory; page tokens are "offset:N". Remembers the page sizes asked for. */
final class FakeUsers implements ViewUsersQuery {

    private final Map<String, UserView> users = new LinkedHashMap<>();
    final List<Integer> pageSizesAsked = new ArrayList<>();

    synchronized FakeUsers with(UserView user) {
        users.put(user.id(), user);
        return this;
    }

    @Override
    public synchronized Optional<UserView> findUser(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized UserList listRunUsers(String runId, int pageSize, String pageToken) {
        pageSizesAsked.add(pageSize);
        int from = 0;
        if (pageToken != null) {
            if (!pageToken.startsWith("offset:")) {
                throw new InvalidCommandException("pageToken", "is not a page token of this run's user list");
            }
            from = Integer.parseInt(pageToken.substring("offset:".length()));
        }
        List<UserView> ofRun =
                users.values().stream().filter(u -> runId.equals(u.runId())).toList();
        int to = Math.min(ofRun.size(), from + pageSize);
        return new UserList(ofRun.subList(from, to), to < ofRun.size() ? "offset:" + to : null);
    }
}
