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

    private static final java.util.concurrent.atomic.AtomicInteger MARKED_PAGES =
            new java.util.concurrent.atomic.AtomicInteger(10_000);

    /** Records the ids as fetched by the run, as storing a page of them would, without the page's events. */
    static void markFetched(AxonEventStore store, RunId runId, UserId... userIds) {
        store.database().withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RunPageTable.TABLE
                    + " (run_id, page, user_ids, persisted, replay, replayed) SELECT ?, ?, ?, ?, 0, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + RunPageTable.TABLE + " WHERE run_id = ? AND page = ?)")) {
                RunPageTable.insertRow(
                        insert,
                        runId,
                        MARKED_PAGES.incrementAndGet(),
                        java.util.Arrays.stream(userIds).map(UserId::value).toArray(java.util.UUID[]::new));
                insert.executeBatch();
            }
            return null;
        });
    }

    static int rowCount(AxonEventStore store, String table) {
        return store.database().withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** How many distinct ids of the run were reported persisted. */
    static int persistedIdCount(AxonEventStore store, RunId runId) {
        return store.database().withConnection(connection -> RunPageTable.persistedCount(connection, runId));
    }
}
