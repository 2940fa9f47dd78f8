package application.port.out;

import java.time.Instant;
import java.util.Objects;

import domain.run.RunId;
import domain.user.UserId;

/**
 * A user as stored in {@code created_users} (docs/contracts.md). Every field but the id may be
 * {@code null}: the contract lets the source omit any of them, and the row may have been written by
 * an older sidecar or only partly (a projection, not the system of record).
 */
public record PersistedUser(
        UserId id,
        String firstName,
        String lastName,
        String gender,
        String address,
        String postCode,
        String email,
        String username,
        Instant dob,
        Instant registeredDate,
        String phone,
        String picture,
        RunId runId,
        String nationality,
        Instant fetchedAt,
        Instant persistedAt) {

    public PersistedUser {
        Objects.requireNonNull(id, "id");
    }
}
