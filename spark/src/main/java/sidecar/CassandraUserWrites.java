package sidecar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;

import sidecar.record.UserRow;

/**
 * Executor side: upserts one task's users into {@code created_users} and {@code users_by_run} with
 * asynchronous prepared statements on the connector's session, at most {@code maxInFlight} requests
 * at a time, and returns only when every write is acknowledged (or throws, failing the task).
 *
 * <p>Why not the connector's DataFrame writer: it needs the batch cached and one Spark job per table,
 * and it sends {@code created_users} rows (one partition each) in multi-partition batches. Here each
 * {@code created_users} row is its own single-partition insert (token-aware, no batch-log, no
 * coordinator fan-out), and the rows of one run go to {@code users_by_run} as single-partition
 * unlogged batches, which Cassandra applies as one mutation. Every statement is an idempotent upsert,
 * so the driver may retry it and a replayed micro-batch rewrites the same rows.
 */
final class CassandraUserWrites {

    private final CqlSession session;
    private final PreparedStatement insertUser;
    private final PreparedStatement insertUserOfRun;
    private final int maxInFlight;
    private final int rowsPerRunBatch;

    CassandraUserWrites(CqlSession session, String keyspace, int maxInFlight, int rowsPerRunBatch) {
        if (maxInFlight < 1 || rowsPerRunBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and rowsPerRunBatch must be at least 1, got "
                    + maxInFlight + " and " + rowsPerRunBatch);
        }
        this.session = session;
        this.maxInFlight = maxInFlight;
        this.rowsPerRunBatch = rowsPerRunBatch;
        // the driver caches prepared statements per session: tasks after the first do not re-prepare
        this.insertUser = session.prepare("INSERT INTO " + keyspace + ".created_users (id, first_name, last_name,"
                + " gender, address, post_code, email, username, dob, registered_date, phone, picture, run_id,"
                + " nationality, fetched_at, persisted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertUserOfRun = session.prepare("INSERT INTO " + keyspace + ".users_by_run (run_id, id, first_name,"
                + " last_name, email, nationality) VALUES (?, ?, ?, ?, ?, ?)");
    }

    void write(List<UserRow> users, Instant persistedAt) {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Map<UUID, List<UserRow>> byRun = new LinkedHashMap<>();
        for (UserRow u : users) {
            send(insertUser.bind(u.id(), u.firstName(), u.lastName(), u.gender(), u.address(), u.postCode(), u.email(),
                    u.username(), u.dob(), u.registeredDate(), u.phone(), u.picture(), u.runId(), u.nationality(),
                    u.fetchedAt(), persistedAt).setIdempotent(true), permits, failure);
            if (u.runId() != null) {
                byRun.computeIfAbsent(u.runId(), run -> new ArrayList<>()).add(u);
            }
        }
        for (Map.Entry<UUID, List<UserRow>> run : byRun.entrySet()) {
            List<UserRow> ofRun = run.getValue();
            for (int from = 0; from < ofRun.size(); from += rowsPerRunBatch) {
                BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED).setIdempotence(true);
                for (UserRow u : ofRun.subList(from, Math.min(ofRun.size(), from + rowsPerRunBatch))) {
                    batch.addStatement(insertUserOfRun.bind(run.getKey(), u.id(), u.firstName(), u.lastName(), u.email(),
                            u.nationality()));
                }
                send(batch.build(), permits, failure);
            }
        }
        permits.acquireUninterruptibly(maxInFlight);
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a Cassandra write failed: " + failed.getMessage(), failed);
        }
    }

    private void send(Statement<?> statement, Semaphore permits, AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            return; // the task fails anyway: do not pile more writes on a struggling cluster
        }
        permits.acquireUninterruptibly();
        session.executeAsync(statement).whenComplete((result, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            permits.release();
        });
    }
}
