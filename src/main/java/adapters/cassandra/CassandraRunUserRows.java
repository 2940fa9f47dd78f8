package adapters.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import domain.run.RunId;

/**
 * One run's users in Cassandra: summaries from {@code users_by_run} after a given id (its clustering
 * column, so Cassandra orders and slices them), full rows from {@code created_users} as point reads,
 * sent together but at most {@link BoundedReads#limit()} at once. Driver failures pass through as
 * they are; the caller names what it was listing.
 */
final class CassandraRunUserRows implements RunUserRows<Row> {

    private final CqlSession session;
    private final PreparedStatement selectFirst;
    private final PreparedStatement selectAfter;
    private final PreparedStatement selectUser;
    private final BoundedReads reads;
    private final RunId runId;

    CassandraRunUserRows(CqlSession session, RunStatements statements, BoundedReads reads, RunId runId) {
        this.session = session;
        this.selectFirst = statements.first();
        this.selectAfter = statements.after();
        this.selectUser = statements.user();
        this.reads = reads;
        this.runId = runId;
    }

    /** The prepared queries, once per adapter. */
    record RunStatements(PreparedStatement first, PreparedStatement after, PreparedStatement user) {

        static RunStatements prepare(CqlSession session, String keyspace) {
            String runUsers =
                    "SELECT " + UserRows.SUMMARY_COLUMNS + " FROM " + keyspace + ".users_by_run WHERE run_id = ?";
            return new RunStatements(
                    session.prepare(runUsers),
                    session.prepare(runUsers + " AND id > ?"),
                    session.prepare(
                            "SELECT " + UserRows.USER_COLUMNS + " FROM " + keyspace + ".created_users WHERE id = ?"));
        }
    }

    @Override
    public Summaries<Row> summaries(UUID after, int limit) {
        BoundStatement statement =
                after == null ? selectFirst.bind(runId.value()) : selectAfter.bind(runId.value(), after);
        ResultSet page = session.execute(statement.setPageSize(limit));
        // only this page: iterating the result set would silently fetch the following pages
        int available = page.getAvailableWithoutFetching();
        List<Row> summaries = new ArrayList<>(available);
        for (int i = 0; i < available; i++) {
            summaries.add(page.one());
        }
        return new Summaries<>(summaries, !page.isFullyFetched());
    }

    @Override
    public List<SizedUser> fullRows(List<Row> summaries) {
        List<CompletableFuture<AsyncResultSet>> sent;
        try {
            sent = reads.readAll(summaries, s -> session.executeAsync(selectUser.bind(s.getUuid("id"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CassandraAccessException("interrupted while reading the users of run " + runId, e);
        }
        List<SizedUser> users = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            Row full = await(sent.get(i)).one();
            // a user whose created_users row is missing is listed from its summary (UserRows)
            Row row = full != null ? full : summaries.get(i);
            users.add(new SizedUser(
                    full != null ? UserRows.fromCreatedUsers(full) : UserRows.fromUsersByRun(row),
                    UserRows.bytes(row)));
        }
        return users;
    }

    private static AsyncResultSet await(CompletableFuture<AsyncResultSet> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DriverException failure) {
                // a copy, so the stack trace shows this caller, not the driver's I/O thread
                throw failure.copy();
            }
            throw e;
        }
    }
}
