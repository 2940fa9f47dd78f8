package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.EVENTS;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import json.PipelineJson;

/**
 * The ids of the users each run fetched, written in the same transaction as their {@link UserFetched}
 * events. User events are stored beside the run's stream, keyed by nothing a query can use, so without
 * this table "did run R fetch user U?" would mean reading every stored user; with it, a report on
 * {@code users_persisted} is checked for a few thousand ids with a handful of indexed queries, and an
 * id the run never fetched (a forged or stray message) is not counted. Its table is created, and
 * filled from the stored events of a store that predates it, by {@link EventStoreSchema}.
 */
final class FetchedUserTable {

    static final String TABLE = "fetched_user";

    private FetchedUserTable() {}

    static void create(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "run_id VARCHAR(36) NOT NULL, "
                    + "user_id VARCHAR(36) NOT NULL, "
                    + "PRIMARY KEY (run_id, user_id))");
        }
    }

    /** Records the fetched users among the events being appended; a user fetched twice (a re-stored page) once. */
    static void record(Connection connection, List<UserEvent> events) throws SQLException {
        Set<String> seen = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (run_id, user_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
                + " WHERE run_id = ? AND user_id = ?)")) {
            int batched = 0;
            for (UserEvent event : events) {
                if (event instanceof UserFetched fetched
                        && seen.add(fetched.runId() + "/" + fetched.user().id())) {
                    addRow(
                            insert,
                            fetched.runId().toString(),
                            fetched.user().id().toString());
                    batched++;
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Those of {@code userIds} the run fetched. */
    static Set<UserId> fetchedAmong(Connection connection, RunId runId, Collection<UserId> userIds)
            throws SQLException {
        Set<UserId> fetched = new HashSet<>();
        UserIdLookup.select(
                connection, "user_id", TABLE, runId, userIds, row -> fetched.add(UserId.of(row.getString(1))));
        return fetched;
    }

    /**
     * Fills the table from every stored {@link UserFetched} event: once, when the table is new in a
     * store that already holds users, so their runs can still complete. Reads user entries as JSON
     * trees (run id and user id only) and stored pages whole, in one pass over the events.
     */
    static int backfill(Connection connection) throws SQLException {
        int total = 0;
        int rows = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.payloadTypeColumn() + ", "
                        + EVENTS.payloadColumn() + " FROM " + EVENTS.domainEventTable() + " WHERE "
                        + EVENTS.payloadTypeColumn() + " IN (?, ?)");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (run_id, user_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + TABLE
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
