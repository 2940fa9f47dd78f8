package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.run.RunId;

/**
 * A small table beside the events, written in the same transaction as the run events it
 * summarises: it finds runs by idempotency key (unique, so two requests cannot both win), lists
 * runs and the unfinished ones to resume, and counts what the outbox published.
 */
final class RunIndex {

    static final String TABLE = "run_index";

    private RunIndex() {
    }

    static void createIfMissing(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "run_id VARCHAR(36) PRIMARY KEY, "
                    + "idempotency_key VARCHAR(200) UNIQUE, "
                    + "requested_at TIMESTAMP NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, "
                    + "published BIGINT NOT NULL DEFAULT 0)");
            ddl.execute("CREATE INDEX IF NOT EXISTS run_index_requested_at ON " + TABLE + " (requested_at)");
        }
    }

    /** Keeps the index in step with the run events being appended in the same transaction. */
    static void record(Connection connection, RunId runId, List<RunEvent> events) throws SQLException {
        for (RunEvent event : events) {
            if (event instanceof RunRequested requested) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (run_id, idempotency_key, requested_at, status) VALUES (?, ?, ?, 'FETCHING')")) {
                    insert.setString(1, runId.toString());
                    insert.setString(2, requested.idempotencyKey());
                    insert.setTimestamp(3, Timestamp.from(requested.requestedAt()));
                    insert.executeUpdate();
                }
            } else if (event instanceof RunFetched) {
                setStatus(connection, runId, "FETCHED");
            } else if (event instanceof RunFailed) {
                setStatus(connection, runId, "FAILED");
            } else if (event instanceof RunCompleted) {
                setStatus(connection, runId, "COMPLETED");
            }
        }
    }

    private static void setStatus(Connection connection, RunId runId, String status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET status = ? WHERE run_id = ?")) {
            update.setString(1, status);
            update.setString(2, runId.toString());
            update.executeUpdate();
        }
    }

    /**
     * Locks the run's row until the transaction ends, so appends to one run take turns. True when
     * the run exists.
     */
    static boolean lock(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT run_id FROM " + TABLE + " WHERE run_id = ? FOR UPDATE")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void addPublished(Connection connection, Map<RunId, Integer> published) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET published = published + ? WHERE run_id = ?")) {
            for (Map.Entry<RunId, Integer> entry : published.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setString(2, entry.getKey().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static Optional<RunId> findByIdempotencyKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT run_id FROM " + TABLE + " WHERE idempotency_key = ?")) {
            query.setString(1, key);
            List<RunId> found = runIds(query);
            return found.stream().findFirst();
        }
    }

    static List<RunId> listRecent(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT run_id FROM " + TABLE + " ORDER BY requested_at DESC, run_id LIMIT ?")) {
            query.setInt(1, limit);
            return runIds(query);
        }
    }

    static List<RunId> listFetching(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT run_id FROM " + TABLE + " WHERE status = 'FETCHING' ORDER BY requested_at")) {
            return runIds(query);
        }
    }

    static long published(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT published FROM " + TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static List<RunId> runIds(PreparedStatement query) throws SQLException {
        List<RunId> ids = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(RunId.of(rows.getString(1)));
            }
        }
        return ids;
    }
}
