package adapters.eventstore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the event store lives. The embedded default is an H2 file in PostgreSQL mode under the
 * work directory (docs/adr/0004); a {@code jdbc:postgresql:} URL uses a PostgreSQL server instead,
 * with the same tables.
 */
public record EventStoreSettings(String jdbcUrl, String user, String password) {

    public EventStoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "event store URL must be jdbc:h2:... or jdbc:postgresql:..., was '" + jdbcUrl + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded default: one H2 file, PostgreSQL dialect so both stores share DDL and SQL. */
    public static EventStoreSettings h2File(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("events")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // appends to one run queue on its row lock (RunStreamAppender.claim) behind an outbox commit
                + ";LOCK_TIMEOUT=10000";
        return new EventStoreSettings(url, "sa", "");
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
