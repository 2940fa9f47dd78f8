package adapters.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import domain.run.RunId;
import domain.user.UserId;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** What an {@link AxonEventStore} holds, read without waiting for new events: for the tests' assertions. */
final class StoredEvents {

    private StoredEvents() {}

    /**
     * Every stored event's payload from the start: run events and user events, in the order stored,
     * a stored page's users as their {@code UserFetched} events.
     */
    static List<Object> allPayloads(AxonEventStore store) {
        List<Object> payloads = new ArrayList<>();
        store.transactions()
                .executeInTransaction(() -> store.storageEngine()
                        .readEvents(null, false)
                        .forEach(message -> {
                            if (message.getPayload() instanceof StoredUserPage page) {
                                payloads.addAll(page.events());
                            } else {
                                payloads.add(message.getPayload());
                            }
                        }));
        return payloads;
    }

    /** The stored events after a token, as the outbox's processor reads them. */
    static List<TrackedEventMessage<?>> trackedAfter(AxonEventStore store, TrackingToken token) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        store.transactions()
                .executeInTransaction(
                        () -> store.storageEngine().readEvents(token, false).forEach(events::add));
        return events;
    }

    /** Records the ids as fetched by the run, as storing their page would, without the page's events. */
    static void markFetched(AxonEventStore store, RunId runId, UserId... userIds) {
        store.database().withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + FetchedUserTable.TABLE + " (run_id, user_id) VALUES (?, ?)")) {
                for (UserId id : userIds) {
                    insert.setString(1, runId.toString());
                    insert.setString(2, id.toString());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** How many distinct ids of the run were reported persisted. */
    static int persistedIdCount(AxonEventStore store, RunId runId) {
        return store.database().withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM " + PersistedUserTable.TABLE + " WHERE run_id = ?")) {
                query.setString(1, runId.toString());
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }
}
