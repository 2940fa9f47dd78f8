package adapters.eventstore;

import java.util.List;
import java.util.Optional;

import application.port.out.FindRunsPort;
import domain.run.RunId;

/** Finds and lists runs in the {@link RunIndex}. */
final class RunIndexReader implements FindRunsPort {

    private final EventStoreDatabase database;

    RunIndexReader(EventStoreDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<RunId> findByIdempotencyKey(String idempotencyKey) {
        return database.withConnection(connection -> RunIndex.findByIdempotencyKey(connection, idempotencyKey));
    }

    @Override
    public List<RunId> listRecent(int limit) {
        return database.withConnection(connection -> RunIndex.listRecent(connection, limit));
    }

    @Override
    public List<RunId> listUnfinished() {
        return database.withConnection(RunIndex::listFetching);
    }

    @Override
    public long publishedCount(RunId runId) {
        return database.withConnection(connection -> RunIndex.published(connection, runId));
    }

    @Override
    public long ignoredIdsCount(RunId runId) {
        return database.withConnection(connection -> RunIndex.ignoredIds(connection, runId));
    }

    @Override
    public List<RunId> listReplaying() {
        return database.withConnection(RunIndex::listReplaying);
    }

    @Override
    public long replayPublishedCount(RunId runId) {
        return database.withConnection(connection -> RunIndex.replayPublished(connection, runId));
    }
}
