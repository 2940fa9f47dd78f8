package domain.run;

import java.util.Objects;
import java.util.UUID;

/** Identity of one ingestion run. */
public record RunId(UUID value) {

    public RunId {
        Objects.requireNonNull(value, "run id");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    /** Parses a UUID string; throws IllegalArgumentException naming the bad value. */
    public static RunId of(String text) {
        try {
            return new RunId(
                    UUID.fromString(Objects.requireNonNull(text, "run id").strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a run id (UUID expected): '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
