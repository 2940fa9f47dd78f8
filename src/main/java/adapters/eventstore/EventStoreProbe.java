package adapters.eventstore;

import application.port.out.ProbeDependencyPort;

/** Answers the health check: can the store's database be queried now. */
final class EventStoreProbe implements ProbeDependencyPort {

    private final EventStoreDatabase database;

    EventStoreProbe(EventStoreDatabase database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "eventstore";
    }

    @Override
    public String probe() {
        try {
            database.withConnection(connection -> RunIndex.listRecent(connection, 1));
            return "ok";
        } catch (RuntimeException e) {
            return "event store unreachable: " + e.getMessage();
        }
    }
}
