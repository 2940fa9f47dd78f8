package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.EVENTS;
import static adapters.eventstore.EventStoreSchema.RUN_STREAM;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import application.port.out.AppendRunEventsPort;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Appends to a run's stream at an expected version: the run events, the users' events beside them
 * and the run index, in one transaction that holds the run's row lock.
 */
final class RunStreamAppender implements AppendRunEventsPort {

    private final EventStoreDatabase database;
    private final EventStore eventStore;

    RunStreamAppender(EventStoreDatabase database, EventStore eventStore) {
        this.database = database;
        this.eventStore = eventStore;
    }

    @Override
    public void append(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        inAppendTransaction(runId, expectedVersion, () -> {
            publish(runId, expectedVersion, runEvents, userEvents);
            return null;
        });
    }

    interface TransactionWork<T> {
        T run();
    }

    /**
     * Runs {@code work} in a transaction that first claims the run at {@code expectedVersion}; a
     * concurrent writer, seen at the claim or at a unique key, is a {@link ConcurrentRunUpdateException}.
     * Once committed, the transaction is in the database's file before this returns.
     */
    <T> T inAppendTransaction(RunId runId, int expectedVersion, TransactionWork<T> work) {
        try {
            return database.transactions().fetchInTransaction(() -> {
                claim(runId, expectedVersion);
                // others act on an append once it returns (a 202, a committed Kafka offset): it must outlive kill -9
                database.transactions().afterCommit(database::writeCommitsToFile);
                return work.run();
            });
        } catch (ConcurrencyException e) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, e);
        } catch (EventStoreException e) {
            throw new EventStoreUnavailableException("cannot append the events of run " + runId, e);
        } catch (EventStoreUnavailableException e) {
            if (EventStoreDatabase.isDuplicateKey(e)) {
                // a unique key of the run index or the persisted ids: another writer got there first
                throw new ConcurrentRunUpdateException(runId, expectedVersion, e);
            }
            throw e;
        }
    }

    /** Must run inside a transaction: the run events, the user events, the run index and the pages' ids together. */
    void publish(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        List<EventMessage<?>> messages = new ArrayList<>(runEvents.size() + userEvents.size());
        long sequence = expectedVersion;
        for (RunEvent event : runEvents) {
            messages.add(new GenericDomainEventMessage<>(RUN_STREAM, runId.toString(), sequence++, event));
        }
        // a page's users become one stored entry, at the place of the page's first user (docs/adr/0013)
        int pageAt = -1;
        List<UserFetched> page = new ArrayList<>();
        List<StoredUserPage> pages = new ArrayList<>(1);
        for (UserEvent event : userEvents) {
            if (event instanceof UserFetched user) {
                if (!page.isEmpty() && !samePage(page.get(0), user)) {
                    pages.add(StoredUserPage.of(page));
                    messages.set(pageAt, GenericEventMessage.asEventMessage(pages.get(pages.size() - 1)));
                    page = new ArrayList<>();
                }
                if (page.isEmpty()) {
                    pageAt = messages.size();
                    messages.add(null);
                }
                page.add(user);
            } else {
                messages.add(GenericEventMessage.asEventMessage(event));
            }
        }
        if (!page.isEmpty()) {
            pages.add(StoredUserPage.of(page));
            messages.set(pageAt, GenericEventMessage.asEventMessage(pages.get(pages.size() - 1)));
        }
        eventStore.publish(messages);
        database.withConnection(connection -> {
            RunIndex.record(connection, runId, runEvents);
            if (!pages.isEmpty()) {
                RunPageTable.record(connection, pages);
            }
            return null;
        });
    }

    private static boolean samePage(UserFetched a, UserFetched b) {
        return a.runId().equals(b.runId())
                && a.page() == b.page()
                && a.fetchedAt().equals(b.fetchedAt());
    }

    /**
     * Checks the expected version under the run's row lock, before anything is inserted. Without it
     * two writers of one run (a page and a persisted report) would both insert and one would roll
     * back at the unique key: the ids its events had taken stay gaps in the global index, and Axon's
     * tracking reader (the outbox) slows to a crawl while it carries thousands of gaps, until they
     * time out after a minute (100k users: 1.0k users/s to Kafka, 6k/s once the gaps were gone).
     */
    private void claim(RunId runId, int expectedVersion) {
        if (expectedVersion == 0) {
            return; // a new run: the unique keys of its first event and its idempotency key decide
        }
        boolean current = database.withConnection(
                connection -> RunIndex.lock(connection, runId) && nextSequence(connection, runId) == expectedVersion);
        if (!current) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
    }

    private static long nextSequence(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(" + EVENTS.sequenceNumberColumn()
                + ") FROM " + EVENTS.domainEventTable() + " WHERE " + EVENTS.aggregateIdentifierColumn() + " = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long last = rows.getLong(1);
                return rows.wasNull() ? 0 : last + 1;
            }
        }
    }
}
