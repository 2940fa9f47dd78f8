package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.run.RunId;
import domain.user.UserId;

/**
 * The set of user ids the sidecar reported persisted, per run: written in the same transaction as
 * the {@code UsersPersisted} event that counts the new ones, so a replayed batch counts nothing.
 * Each id also keeps the number of the last replay it was counted toward (docs/adr/0010), so an id
 * reported again during a replay counts once toward that replay and never again toward the run.
 * Its table is created by {@link EventStoreSchema}.
 */
final class PersistedUserTable {

    static final String TABLE = "persisted_user";

    private PersistedUserTable() {}

    /**
     * Inserts the ids not in the run's set yet, and marks every id not yet counted toward the replay
     * {@code replay} (0: none under way) as counted toward it. An id already marked counts for nothing.
     */
    static NewIds insertNew(Connection connection, RunId runId, int replay, Collection<UserId> userIds)
            throws SQLException {
        if (userIds.isEmpty()) {
            return new NewIds(0, 0);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (run_id, user_id, replay) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
                        + " WHERE run_id = ? AND user_id = ?)");
                PreparedStatement countTowardReplay = connection.prepareStatement(
                        "UPDATE " + TABLE + " SET replay = ? WHERE run_id = ? AND user_id = ? AND replay < ?")) {
            int inserted = 0;
            int replayed = 0;
            for (UserId id : userIds) {
                if (replay > 0) {
                    countTowardReplay.setInt(1, replay);
                    countTowardReplay.setString(2, runId.toString());
                    countTowardReplay.setString(3, id.toString());
                    countTowardReplay.setInt(4, replay);
                    if (countTowardReplay.executeUpdate() == 1) {
                        replayed++;
                        continue;
                    }
                }
                insert.setString(1, runId.toString());
                insert.setString(2, id.toString());
                insert.setInt(3, replay);
                insert.setString(4, runId.toString());
                insert.setString(5, id.toString());
                int added = insert.executeUpdate();
                inserted += added;
                if (replay > 0) {
                    replayed += added;
                }
            }
            return new NewIds(inserted, replayed);
        }
    }
}
