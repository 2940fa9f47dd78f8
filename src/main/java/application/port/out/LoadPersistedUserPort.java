package application.port.out;

import java.util.Optional;

import domain.user.UserId;

/** Reads one user as the pipeline stored it (the Cassandra projection), for {@code GET /api/users/{id}}. */
public interface LoadPersistedUserPort {

    /**
     * @return the stored user, or empty when no user with this id has been persisted (yet)
     * @throws RuntimeException when the store cannot be read; the message names the store and the id
     */
    Optional<PersistedUser> loadUser(UserId id);
}
