package adapters.eventstore;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's event store, waking its tracking readers (the outbox) only once the appending transaction
 * has committed. Axon wakes them right after {@code publish}, which outside a unit of work is
 * before our transaction commits: the reader found nothing and slept for its fetch delay, a second,
 * before it saw the events. One single-user run in three paid that second.
 */
final class CommittedEventsSignal extends EmbeddedEventStore {

    private final JdbcTransactions transactions;

    CommittedEventsSignal(EmbeddedEventStore.Builder builder, JdbcTransactions transactions) {
        super(builder);
        this.transactions = transactions;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        transactions.afterCommit(() -> super.afterCommit(events));
    }
}
