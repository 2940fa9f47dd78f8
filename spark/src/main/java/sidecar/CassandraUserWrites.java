package sidecar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import sidecar.record.UserRow;

/**
 * Executor side: upserts one chunk's users into {@code created_users} and {@code users_by_run} with
 * asynchronous prepared statements on the connector's session, at most {@code maxInFlight} requests
 * at a time ({@link RowWrites}), and returns when every write is acknowledged or found unwritable.
 *
 * <p>Why not the connector's DataFrame writer: it needs the batch cached and one Spark job per table,
 * and it sends {@code created_users} rows (one partition each) in multi-partition batches. Here each
 * {@code created_users} row is its own single-partition insert (token-aware, no batch-log, no
 * coordinator fan-out), and the rows of one run go to {@code users_by_run} as single-partition
 * unlogged batches, which Cassandra applies as one mutation. Every statement is an idempotent upsert,
 * so the driver may retry it and a replayed micro-batch rewrites the same rows. A field with no value
 * is left unset rather than bound to null: null writes a tombstone cell, one per user for the usual
 * empty {@code field_problems}, and a scan of the table then reads as many tombstones as rows.
 */
final class CassandraUserWrites implements RowWrites.Target {

    private final CqlSession session;
    private final PreparedStatement insertUser;
    private final PreparedStatement insertUserOfRun;
    private final int maxInFlight;
    private final int rowsPerRunBatch;
    private Instant persistedAt = Instant.EPOCH;

    CassandraUserWrites(CqlSession session, String keyspace, int maxInFlight, int rowsPerRunBatch) {
        if (maxInFlight < 1 || rowsPerRunBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and rowsPerRunBatch must be at least 1, got " + maxInFlight
                    + " and " + rowsPerRunBatch);
        }
        this.session = session;
        this.maxInFlight = maxInFlight;
        this.rowsPerRunBatch = rowsPerRunBatch;
        // the driver caches prepared statements per session: tasks after the first do not re-prepare
        this.insertUser = session.prepare("INSERT INTO " + keyspace + ".created_users (id, first_name, last_name,"
                + " gender, address, post_code, email, username, dob, registered_date, phone, picture, run_id,"
                + " nationality, fetched_at, persisted_at, field_problems)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertUserOfRun = session.prepare("INSERT INTO " + keyspace + ".users_by_run (run_id, id, first_name,"
                + " last_name, email, nationality) VALUES (?, ?, ?, ?, ?, ?)");
    }

    /**
     * Writes the users; throws when the cluster failed (the task is run again).
     *
     * @return the users Cassandra cannot store, by index in {@code users}, with the reason
     */
    List<RowWrites.RowFailure> write(List<UserRow> users, Instant persistedAt) {
        this.persistedAt = persistedAt;
        return new RowWrites(this, maxInFlight, rowsPerRunBatch).write(users);
    }

    @Override
    public CompletionStage<?> user(UserRow u) {
        return session.executeAsync(withoutNulls(insertUser.bind(
                        u.id(),
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
                        u.runId(),
                        u.nationality(),
                        u.fetchedAt(),
                        persistedAt,
                        u.fieldProblems()))
                .setIdempotent(true));
    }

    @Override
    public CompletionStage<?> usersOfRun(UUID runId, List<UserRow> rows) {
        BatchStatementBuilder batch =
                BatchStatement.builder(DefaultBatchType.UNLOGGED).setIdempotence(true);
        for (UserRow u : rows) {
            batch.addStatement(withoutNulls(
                    insertUserOfRun.bind(runId, u.id(), u.firstName(), u.lastName(), u.email(), u.nationality())));
        }
        return session.executeAsync(batch.build());
    }

    /**
     * Every null value unset: the same user id always carries the same values, so a value left out
     * never hides a different one written before.
     */
    static BoundStatement withoutNulls(BoundStatement bound) {
        BoundStatement result = bound;
        for (int i = 0; i < bound.size(); i++) {
            if (bound.isNull(i)) {
                result = result.unset(i);
            }
        }
        return result;
    }
}
