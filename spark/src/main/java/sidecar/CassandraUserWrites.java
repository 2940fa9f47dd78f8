package sidecar;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
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
 * empty {@code field_problems}, and a scan of the table then reads as many tombstones as rows. The
 * statements' column order is the one {@link #user} and {@link #usersOfRun} encode in.
 */
final class CassandraUserWrites implements RowWrites.Target {

    private static final TypeCodec<List<String>> TEXT_LIST = TypeCodecs.listOf(TypeCodecs.TEXT);

    private final CqlSession session;
    private final PreparedStatement insertUser;
    private final PreparedStatement insertUserOfRun;
    private final int maxInFlight;
    private final int rowsPerRunBatch;
    private final ProtocolVersion protocol;
    private Instant persistedAt = Instant.EPOCH;

    CassandraUserWrites(CqlSession session, String keyspace, int maxInFlight, int rowsPerRunBatch) {
        if (maxInFlight < 1 || rowsPerRunBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and rowsPerRunBatch must be at least 1, got " + maxInFlight
                    + " and " + rowsPerRunBatch);
        }
        this.session = session;
        this.maxInFlight = maxInFlight;
        this.rowsPerRunBatch = rowsPerRunBatch;
        this.protocol = session.getContext().getProtocolVersion();
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
        BoundStatementBuilder row = insertUser.boundStatementBuilder().setIdempotence(true);
        set(row, 0, TypeCodecs.UUID, u.id());
        set(row, 1, TypeCodecs.TEXT, u.firstName());
        set(row, 2, TypeCodecs.TEXT, u.lastName());
        set(row, 3, TypeCodecs.TEXT, u.gender());
        set(row, 4, TypeCodecs.TEXT, u.address());
        set(row, 5, TypeCodecs.TEXT, u.postCode());
        set(row, 6, TypeCodecs.TEXT, u.email());
        set(row, 7, TypeCodecs.TEXT, u.username());
        set(row, 8, TypeCodecs.TIMESTAMP, u.dob());
        set(row, 9, TypeCodecs.TIMESTAMP, u.registeredDate());
        set(row, 10, TypeCodecs.TEXT, u.phone());
        set(row, 11, TypeCodecs.TEXT, u.picture());
        set(row, 12, TypeCodecs.UUID, u.runId());
        set(row, 13, TypeCodecs.TEXT, u.nationality());
        set(row, 14, TypeCodecs.TIMESTAMP, u.fetchedAt());
        set(row, 15, TypeCodecs.TIMESTAMP, persistedAt);
        set(row, 16, TEXT_LIST, u.fieldProblems());
        return session.executeAsync(row.build());
    }

    @Override
    public CompletionStage<?> usersOfRun(UUID runId, List<UserRow> rows) {
        BatchStatementBuilder batch =
                BatchStatement.builder(DefaultBatchType.UNLOGGED).setIdempotence(true);
        ByteBuffer run = TypeCodecs.UUID.encode(runId, protocol);
        for (UserRow u : rows) {
            BoundStatementBuilder row = insertUserOfRun.boundStatementBuilder();
            row.setBytesUnsafe(0, run.duplicate());
            set(row, 1, TypeCodecs.UUID, u.id());
            set(row, 2, TypeCodecs.TEXT, u.firstName());
            set(row, 3, TypeCodecs.TEXT, u.lastName());
            set(row, 4, TypeCodecs.TEXT, u.email());
            set(row, 5, TypeCodecs.TEXT, u.nationality());
            batch.addStatement(row.build());
        }
        return session.executeAsync(batch.build());
    }

    /**
     * Encodes a value with its column's codec, chosen here once and for all: binding plain objects had
     * the driver look the codec up in its registry for every value (7% of the sidecar's CPU samples).
     * A null stays unset, as a bound statement's values start: the same user id always carries the
     * same values, so a value left out never hides a different one written before.
     */
    private <T> void set(BoundStatementBuilder row, int index, TypeCodec<T> codec, T value) {
        if (value != null) {
            row.setBytesUnsafe(index, codec.encode(value, protocol));
        }
    }
}
