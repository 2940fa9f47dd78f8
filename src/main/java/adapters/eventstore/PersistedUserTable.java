package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Set-based: one lookup per chunk of ids, then one batch of inserts and one of updates. The caller
     * holds the run's row lock; a writer that raced past it anyway is refused by the primary key.
     */
    static NewIds insertNew(Connection connection, RunId runId, int replay, Collection<UserId> userIds)
            throws SQLException {
        Set<UserId> ids = new LinkedHashSet<>(userIds);
        if (ids.isEmpty()) {
            return new NewIds(0, 0);
        }
        Map<UserId, Integer> known = new HashMap<>();
        UserIdLookup.select(
                connection,
                "user_id, replay",
                TABLE,
                runId,
                ids,
                row -> known.put(UserId.of(row.getString(1)), row.getInt(2)));
        List<UserId> fresh = ids.stream().filter(id -> !known.containsKey(id)).toList();
        List<UserId> toReplay = replay == 0
                ? List.of()
                : known.entrySet().stream()
                        .filter(entry -> entry.getValue() < replay)
                        .map(Map.Entry::getKey)
                        .toList();
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO " + TABLE + " (run_id, user_id, replay) VALUES (?, ?, ?)")) {
            for (UserId id : fresh) {
                insert.setString(1, runId.toString());
                insert.setString(2, id.toString());
                insert.setInt(3, replay);
                insert.addBatch();
            }
            if (!fresh.isEmpty()) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement countTowardReplay =
                connection.prepareStatement("UPDATE " + TABLE + " SET replay = ? WHERE run_id = ? AND user_id = ?")) {
            for (UserId id : toReplay) {
                countTowardReplay.setInt(1, replay);
                countTowardReplay.setString(2, runId.toString());
                countTowardReplay.setString(3, id.toString());
                countTowardReplay.addBatch();
            }
            if (!toReplay.isEmpty()) {
                countTowardReplay.executeBatch();
            }
        }
        return new NewIds(fresh.size(), replay == 0 ? 0 : fresh.size() + toReplay.size());
    }
}
