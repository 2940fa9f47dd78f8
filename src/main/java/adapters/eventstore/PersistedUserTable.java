package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import domain.run.RunId;
import domain.user.UserId;

/**
 * The set of user ids the sidecar reported persisted, per run: written in the same transaction as
 * the {@code UsersPersisted} event that counts the new ones, so a replayed batch counts nothing.
 */
final class PersistedUserTable {

    static final String TABLE = "persisted_user";

    private PersistedUserTable() {
    }

    static void createIfMissing(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "run_id VARCHAR(36) NOT NULL, "
                    + "user_id VARCHAR(36) NOT NULL, "
                    + "PRIMARY KEY (run_id, user_id))");
        }
    }

    /** Inserts the ids not in the run's set yet; returns how many were new. */
    static int insertNew(Connection connection, RunId runId, Collection<UserId> userIds) throws SQLException {
        if (userIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (run_id, user_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
                + " WHERE run_id = ? AND user_id = ?)")) {
            int inserted = 0;
            for (UserId id : userIds) {
                insert.setString(1, runId.toString());
                insert.setString(2, id.toString());
                insert.setString(3, runId.toString());
                insert.setString(4, id.toString());
                inserted += insert.executeUpdate();
            }
            return inserted;
        }
    }

    static int count(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
