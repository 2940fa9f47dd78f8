package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.EVENTS;
import static adapters.eventstore.EventStoreSchema.RUN_STREAM;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import application.port.out.LoadStoredUsersPort;
import application.port.out.StoredUsers;
import domain.event.UserFetched;
import domain.run.RunId;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Reads a run's stored {@link UserFetched} events for a replay, in the order stored, a page at a
 * time. User events are stored beside the run's stream, not in it ({@code domain.event.UserEvent}), so
 * they are found by position: none of a run's users was stored before its {@code RunRequested}, so
 * the reading starts there and walks the global index forward over the {@code UserFetched} events,
 * keeping the run's own. The position is the global index of the last event looked at.
 */
final class StoredUsersReader implements LoadStoredUsersPort {

    private static final String USER_FETCHED = UserFetched.class.getName();
    private static final String USER_PAGE = StoredUserPage.class.getName();

    private final EventStoreDatabase database;
    private final Serializer serializer;

    StoredUsersReader(EventStoreDatabase database, Serializer serializer) {
        this.database = database;
        this.serializer = serializer;
    }

    @Override
    public StoredUsers loadFetchedUsers(RunId runId, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        return database.withConnection(connection -> {
            OptionalLong from = after > StoredUsers.FIRST ? OptionalLong.of(after) : startOf(connection, runId);
            if (from.isEmpty()) {
                return new StoredUsers(List.of(), StoredUsers.FIRST, true);
            }
            return page(connection, runId, from.getAsLong(), limit);
        });
    }

    /** The global index of the run's first event, or empty when there is no such run. */
    private static OptionalLong startOf(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.globalIndexColumn() + " FROM "
                + EVENTS.domainEventTable() + " WHERE " + EVENTS.aggregateIdentifierColumn() + " = ? AND "
                + EVENTS.sequenceNumberColumn() + " = 0 AND " + EVENTS.typeColumn() + " = ?")) {
            query.setString(1, runId.toString());
            query.setString(2, RUN_STREAM);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private StoredUsers page(Connection connection, RunId runId, long after, int limit) throws SQLException {
        String id = runId.toString();
        List<UserFetched> users = new ArrayList<>();
        long last = after;
        int looked = 0;
        boolean exhausted = false;
        try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.globalIndexColumn() + ", "
                + EVENTS.payloadTypeColumn() + ", " + EVENTS.payloadRevisionColumn() + ", " + EVENTS.payloadColumn()
                + " FROM " + EVENTS.domainEventTable() + " WHERE " + EVENTS.globalIndexColumn() + " > ? AND "
                + EVENTS.payloadTypeColumn() + " IN (?, ?) ORDER BY " + EVENTS.globalIndexColumn() + " LIMIT ?")) {
            query.setLong(1, after);
            query.setString(2, USER_PAGE);
            query.setString(3, USER_FETCHED);
            query.setInt(4, limit);
            try (ResultSet rows = query.executeQuery()) {
                // a stored page holds thousands of users: stop at the entry that reaches the limit
                while (users.size() < limit) {
                    if (!rows.next()) {
                        exhausted = looked < limit;
                        break;
                    }
                    looked++;
                    last = rows.getLong(1);
                    byte[] payload = rows.getBytes(4);
                    if (USER_PAGE.equals(rows.getString(2))) {
                        // other runs' pages are skipped after reading their first bytes
                        if (UserPageCodec.runIdOf(payload).equals(runId)) {
                            users.addAll(UserPageCodec.decode(payload).events());
                        }
                    } else if (new String(payload, StandardCharsets.ISO_8859_1).contains(id)) {
                        // other runs' users are skipped without parsing them: their JSON does not hold this run's id
                        UserFetched user = serializer.deserialize(
                                new SimpleSerializedObject<>(payload, byte[].class, USER_FETCHED, rows.getString(3)));
                        if (user.runId().equals(runId)) {
                            users.add(user);
                        }
                    }
                }
            }
        }
        return new StoredUsers(users, last, exhausted);
    }
}
