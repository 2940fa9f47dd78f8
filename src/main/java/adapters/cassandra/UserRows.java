package adapters.cassandra;

import java.nio.ByteBuffer;
import java.util.UUID;

import application.port.out.PersistedUser;
import com.datastax.oss.driver.api.core.cql.Row;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;

/** Rows of the two user tables as {@link PersistedUser}s. */
final class UserRows {

    static final String USER_COLUMNS = "id, first_name, last_name, gender, address, post_code, email, username, "
            + "dob, registered_date, phone, picture, run_id, nationality, fetched_at, persisted_at";
    static final String SUMMARY_COLUMNS = "run_id, id, first_name, last_name, email, nationality";

    private UserRows() {}

    /** A {@code created_users} row selected with {@link #USER_COLUMNS}. */
    static PersistedUser fromCreatedUsers(Row row) {
        User user = new User(
                new UserId(row.getUuid("id")),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("gender"),
                row.getString("address"),
                row.getString("post_code"),
                row.getString("email"),
                row.getString("username"),
                row.getInstant("dob"),
                row.getInstant("registered_date"),
                row.getString("phone"),
                row.getString("picture"),
                row.getString("nationality"));
        return new PersistedUser(
                user, runId(row.getUuid("run_id")), row.getInstant("fetched_at"), row.getInstant("persisted_at"));
    }

    /**
     * A {@code users_by_run} row selected with {@link #SUMMARY_COLUMNS}, for a user whose
     * {@code created_users} row is missing (a write that failed halfway): listing what is known beats
     * hiding a user the run did persist.
     */
    static PersistedUser fromUsersByRun(Row row) {
        User user = new User(
                new UserId(row.getUuid("id")),
                row.getString("first_name"),
                row.getString("last_name"),
                null,
                null,
                null,
                row.getString("email"),
                null,
                null,
                null,
                null,
                null,
                row.getString("nationality"));
        return new PersistedUser(user, runId(row.getUuid("run_id")), null, null);
    }

    /** The row's column values as Cassandra sent them: what a users page weighs against its budget. */
    static long bytes(Row row) {
        long bytes = 0;
        for (int i = 0; i < row.size(); i++) {
            ByteBuffer value = row.getBytesUnsafe(i);
            bytes += value == null ? 0 : value.remaining();
        }
        return bytes;
    }

    private static RunId runId(UUID value) {
        return value == null ? null : new RunId(value);
    }
}
