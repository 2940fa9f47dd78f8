package application.port.out;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;

/**
 * A user as stored in {@code created_users} (docs/contracts.md): the domain's {@link User} plus
 * what the store adds. Every field but the id may be {@code null}: the contract lets the source
 * omit any of them, and the row may have been written by an older sidecar or only partly (a
 * projection, not the system of record).
 */
public record PersistedUser(User user, RunId runId, Instant fetchedAt, Instant persistedAt) {

    public PersistedUser {
        Objects.requireNonNull(user, "user");
    }

    public UserId id() {
        return user.id();
    }
}
