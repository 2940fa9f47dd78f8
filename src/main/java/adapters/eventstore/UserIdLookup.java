package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import domain.run.RunId;
import domain.user.UserId;

/**
 * Looks a run's user ids up in one of our per-run id tables a chunk at a time ({@code IN (...)}), so
 * a report of thousands of ids costs a few queries instead of one per id.
 */
final class UserIdLookup {

    /** Ids per {@code IN (...)} list: far below every database's parameter limit, few round trips a batch. */
    static final int CHUNK = 500;

    private UserIdLookup() {}

    interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code SELECT columns FROM table WHERE run_id = ? AND user_id IN (...)} over the ids, and
     * hands every row to {@code row}.
     */
    static void select(
            Connection connection, String columns, String table, RunId runId, Collection<UserId> userIds, Row row)
            throws SQLException {
        List<UserId> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UserId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + columns + " FROM " + table + " WHERE run_id = ? AND user_id IN (" + marks + ")")) {
                query.setString(1, runId.toString());
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 2, chunk.get(i).toString());
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        row.accept(rows);
                    }
                }
            }
        }
    }
}
