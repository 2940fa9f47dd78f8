package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCancelled;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.run.RunId;

/**
 * A small table beside the events, written in the same transaction as the run events it
 * summarises: it finds runs by idempotency key (unique, so two requests cannot both win), lists
 * runs and the unfinished ones to resume, counts what the outbox published, and keeps the latest
 * replay's number and progress (docs/adr/0010). Its table is created by {@link EventStoreSchema}.
 */
final class RunIndex {

    static final String TABLE = "run_index";

    private RunIndex() {}

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
            } else if (event instanceof RunCancelled) {
                // out of listFetching: a restart must not resume a cancelled run
                setStatus(connection, runId, "CANCELLED");
            } else if (event instanceof RunCompleted) {
                setStatus(connection, runId, "COMPLETED");
            } else if (event instanceof ReplayRequested replay) {
                startReplay(connection, runId, replay.replay());
            } else if (event instanceof ReplayPublished) {
                // waiting for the sidecar again, like a run whose pages are all stored
                setStatus(connection, runId, "FETCHED");
            }
        }
    }

    /** The replay's number, its publishing from zero, and REPLAYING: what {@link #listReplaying} resumes. */
    private static void startReplay(Connection connection, RunId runId, int replay) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET status = 'REPLAYING', replay = ?, replay_published = 0 WHERE run_id = ?")) {
            update.setInt(1, replay);
            update.setString(2, runId.toString());
            update.executeUpdate();
        }
    }

    /** Raises the replay's published count, if {@code replay} is still the run's latest; false when not. */
    static boolean recordReplayPublished(Connection connection, RunId runId, int replay, long published)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET replay_published = GREATEST(replay_published, ?) WHERE run_id = ? AND replay = ?")) {
            update.setLong(1, published);
            update.setString(2, runId.toString());
            update.setInt(3, replay);
            return update.executeUpdate() == 1;
        }
    }

    static long replayPublished(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT replay_published FROM " + TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static List<RunId> listReplaying(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT run_id FROM " + TABLE + " WHERE status = 'REPLAYING' ORDER BY requested_at")) {
            return runIds(query);
        }
    }

    private static void setStatus(Connection connection, RunId runId, String status) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + TABLE + " SET status = ? WHERE run_id = ?")) {
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
        try (PreparedStatement query =
                connection.prepareStatement("SELECT run_id FROM " + TABLE + " WHERE run_id = ? FOR UPDATE")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void addPublished(Connection connection, Map<RunId, Integer> published) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + TABLE + " SET published = published + ? WHERE run_id = ?")) {
            for (Map.Entry<RunId, Integer> entry : published.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setString(2, entry.getKey().toString());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    static Optional<RunId> findByIdempotencyKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT run_id FROM " + TABLE + " WHERE idempotency_key = ?")) {
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

    /** Counts reported ids the run never fetched; beside the stream, so forged reports cannot grow it. */
    static void addIgnoredIds(Connection connection, RunId runId, int ignored) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET ignored_ids = ignored_ids + ? WHERE run_id = ?")) {
            update.setLong(1, ignored);
            update.setString(2, runId.toString());
            update.executeUpdate();
        }
    }

    static long ignoredIds(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT ignored_ids FROM " + TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static long published(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT published FROM " + TABLE + " WHERE run_id = ?")) {
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
