package application;

import java.util.Objects;
import java.util.Optional;

import application.port.in.InvalidCommandException;
import application.port.in.UserList;
import application.port.in.UserView;
import application.port.in.ViewUsersQuery;
import application.port.out.ListRunUsersPort;
import application.port.out.LoadPersistedUserPort;
import application.port.out.PersistedUser;
import application.port.out.UserPageOfRun;
import domain.run.RequestLimits;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;

/** Answers "show me user X" and "which users did run Y persist?" from the Cassandra projection. */
public final class ViewUsers implements ViewUsersQuery {

    private final LoadPersistedUserPort users;
    private final ListRunUsersPort runUsers;

    public ViewUsers(LoadPersistedUserPort users, ListRunUsersPort runUsers) {
        this.users = Objects.requireNonNull(users, "users");
        this.runUsers = Objects.requireNonNull(runUsers, "runUsers");
    }

    @Override
    public Optional<UserView> findUser(String id) {
        UserId userId;
        try {
            userId = UserId.of(id);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        return users.loadUser(userId).map(ViewUsers::view);
    }

    @Override
    public UserList listRunUsers(String runId, int pageSize, String pageToken) {
        RunId run;
        try {
            run = RunId.of(runId);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidCommandException("runId", "must be a UUID");
        }
        if (pageSize < 1 || pageSize > RequestLimits.MAX_USERS_PAGE_SIZE) {
            throw new InvalidCommandException(
                    "pageSize", "must be an integer between 1 and " + RequestLimits.MAX_USERS_PAGE_SIZE);
        }
        String token = pageToken == null || pageToken.isBlank() ? null : pageToken;
        UserPageOfRun page;
        try {
            page = runUsers.listUsers(run, pageSize, token);
        } catch (IllegalArgumentException badToken) {
            throw new InvalidCommandException("pageToken", "is not a page token of this run's user list");
        }
        return new UserList(page.users().stream().map(ViewUsers::view).toList(), page.nextPagingState());
    }

    static UserView view(PersistedUser stored) {
        User u = stored.user();
        return new UserView(
                u.id().toString(),
                u.firstName(),
                u.lastName(),
                u.gender(),
                u.address(),
                u.postCode(),
                u.email(),
                u.username(),
                u.dob(),
                u.registeredDate(),
                u.phone(),
                u.picture(),
                stored.runId() == null ? null : stored.runId().toString(),
                u.nationality(),
                stored.fetchedAt(),
                stored.persistedAt());
    }
}
