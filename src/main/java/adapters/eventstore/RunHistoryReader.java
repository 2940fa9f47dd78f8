package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.RUN_STREAM;

import java.util.ArrayList;
import java.util.List;

import application.port.out.LoadRunHistoryPort;
import domain.event.RunEvent;
import domain.run.RunId;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Reads a run's own stream, oldest first. */
final class RunHistoryReader implements LoadRunHistoryPort {

    private final JdbcTransactions transactions;
    private final EventStore eventStore;

    RunHistoryReader(JdbcTransactions transactions, EventStore eventStore) {
        this.transactions = transactions;
        this.eventStore = eventStore;
    }

    @Override
    public List<RunEvent> loadHistory(RunId runId) {
        List<RunEvent> history = new ArrayList<>();
        transactions.executeInTransaction(() -> eventStore
                .readEvents(runId.toString())
                .asStream()
                .filter(message -> RUN_STREAM.equals(message.getType()))
                .map(message -> (RunEvent) message.getPayload())
                .forEach(history::add));
        return history;
    }
}
