package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.EVENTS;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import domain.event.UserFetched;
import json.PipelineJson;

/**
 * The per-user id tables of stores written before docs/adr/0014: {@value #FETCHED} (the ids each run
 * fetched) and {@value #PERSISTED} (the ids reported persisted, with the replay each was last counted
 * toward). Opening such a store moves their rows into {@link RunPageTable}, one row per run with a
 * negative page number, in one transaction with their deletion, so an interrupted move is done again
 * at the next opening. A store older still, from before {@value #FETCHED} existed, first gets it
 * filled from its stored {@link UserFetched} events.
 */
final class LegacyIdTables {

    static final String FETCHED = "fetched_user";
    static final String PERSISTED = "persisted_user";
    /** The page number of a run's ids moved from the per-user tables: real pages count from 1. */
    static final int MOVED_PAGE = -1;

    private LegacyIdTables() {}

    /** Creates the tables where missing, so that older stores and new ones open the same way. */
    static void createIfMissing(Connection connection, boolean fetchedExists) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + PERSISTED + " ("
                    + "run_id VARCHAR(36) NOT NULL, "
                    + "user_id VARCHAR(36) NOT NULL, "
                    + "PRIMARY KEY (run_id, user_id))");
            ddl.execute("ALTER TABLE " + PERSISTED + " ADD COLUMN IF NOT EXISTS replay INT DEFAULT 0 NOT NULL");
            if (!fetchedExists) {
                ddl.execute("CREATE TABLE " + FETCHED + " ("
                        + "run_id VARCHAR(36) NOT NULL, "
                        + "user_id VARCHAR(36) NOT NULL, "
                        + "PRIMARY KEY (run_id, user_id))");
                backfill(connection);
            }
        }
    }

    /**
     * Moves every run's ids into one {@link RunPageTable} row ({@link #MOVED_PAGE}): its fetched ids,
     * the persisted ones marked, and those counted toward the run's latest replay marked as such.
     * Persisted ids the run never fetched (forged reports older versions counted) are dropped.
     */
    static int moveToRunPages(Connection connection) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT DISTINCT run_id FROM " + FETCHED)) {
            while (rows.next()) {
                runs.add(rows.getString(1));
            }
        }
        // a run at a time, the database matching each fetched id with its persisted row: a store of
        // millions of users moves in the memory of its largest run's ids (16 bytes each), not of all its rows
        try (PreparedStatement fetched = connection.prepareStatement("SELECT f.user_id, p.user_id, p.replay FROM "
                        + FETCHED + " f LEFT JOIN " + PERSISTED
                        + " p ON p.run_id = f.run_id AND p.user_id = f.user_id WHERE f.run_id = ?");
                PreparedStatement latestReplay =
                        connection.prepareStatement("SELECT MAX(replay) FROM " + PERSISTED + " WHERE run_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RunPageTable.TABLE
                        + " (run_id, page, user_ids, persisted, replay, replayed) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String run : runs) {
                latestReplay.setString(1, run);
                int replay;
                try (ResultSet max = latestReplay.executeQuery()) {
                    replay = max.next() ? max.getInt(1) : 0;
                }
                java.io.ByteArrayOutputStream ids = new java.io.ByteArrayOutputStream();
                BitSet persistedBits = new BitSet();
                BitSet replayedBits = new BitSet();
                fetched.setString(1, run);
                fetched.setFetchSize(1000);
                // persisted ids the run never fetched (forged reports older versions counted) match nothing
                try (ResultSet rows = fetched.executeQuery()) {
                    for (int i = 0; rows.next(); i++) {
                        ids.writeBytes(RunPageTable.idBytes(new UUID[] {UUID.fromString(rows.getString(1))}));
                        if (rows.getString(2) != null) {
                            persistedBits.set(i);
                            if (replay > 0 && rows.getInt(3) == replay) {
                                replayedBits.set(i);
                            }
                        }
                    }
                }
                insert.setString(1, run);
                insert.setInt(2, MOVED_PAGE);
                insert.setBytes(3, ids.toByteArray());
                insert.setBytes(4, persistedBits.toByteArray());
                insert.setInt(5, replay);
                insert.setBytes(6, replayedBits.toByteArray());
                insert.executeUpdate();
            }
        }
        if (!runs.isEmpty()) {
            try (Statement delete = connection.createStatement()) {
                delete.execute("DELETE FROM " + FETCHED);
                delete.execute("DELETE FROM " + PERSISTED);
            }
        }
        return runs.size();
    }

    /**
     * Fills the table from every stored {@link UserFetched} event: once, when the table is new in a
     * store that already holds users, so their runs can still complete. Reads user entries as JSON
     * trees (run id and user id only) and stored pages whole, in one pass over the events.
     */
    private static int backfill(Connection connection) throws SQLException {
        int total = 0;
        int rows = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.payloadTypeColumn() + ", "
                        + EVENTS.payloadColumn() + " FROM " + EVENTS.domainEventTable() + " WHERE "
                        + EVENTS.payloadTypeColumn() + " IN (?, ?)");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + FETCHED
                        + " (run_id, user_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + FETCHED
                        + " WHERE run_id = ? AND user_id = ?)")) {
            query.setString(1, UserFetched.class.getName());
            query.setString(2, StoredUserPage.class.getName());
            query.setFetchSize(100);
            try (ResultSet events = query.executeQuery()) {
                while (events.next()) {
                    if (events.getString(1).equals(StoredUserPage.class.getName())) {
                        StoredUserPage page = UserPageCodec.decode(events.getBytes(2));
                        for (domain.user.User user : page.users()) {
                            addRow(insert, page.runId().toString(), user.id().toString());
                        }
                        rows += page.users().size();
                    } else {
                        JsonNode payload = PipelineJson.mapper().readTree(events.getBytes(2));
                        addRow(
                                insert,
                                payload.path("runId").path("value").asText(),
                                payload.path("user").path("id").path("value").asText());
                        rows++;
                    }
                    if (rows >= 1000) {
                        insert.executeBatch();
                        total += rows;
                        rows = 0;
                    }
                }
            } catch (IOException e) {
                throw new SQLException("a stored UserFetched event is not readable JSON", e);
            }
            insert.executeBatch();
        }
        return total + rows;
    }

    private static void addRow(PreparedStatement insert, String runId, String userId) throws SQLException {
        insert.setString(1, runId);
        insert.setString(2, userId);
        insert.setString(3, runId);
        insert.setString(4, userId);
        insert.addBatch();
    }
}
