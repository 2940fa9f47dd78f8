package domain.user;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's identity: RandomUser's {@code login.uuid}. Stable per profile, so fetching the same
 * seed and page again yields the same ids and the stores upsert instead of duplicating.
 */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    /** Parses a UUID string; throws IllegalArgumentException naming the bad value. */
    public static UserId of(String text) {
        try {
            return new UserId(
                    UUID.fromString(Objects.requireNonNull(text, "user id").strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a UUID: '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
