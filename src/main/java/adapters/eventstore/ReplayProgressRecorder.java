package adapters.eventstore;

import application.port.out.RecordReplayProgressPort;
import domain.run.RunId;

/** Keeps a replay's published count in the {@link RunIndex}, where the run's view reads it. */
final class ReplayProgressRecorder implements RecordReplayProgressPort {

    private final EventStoreDatabase database;

    ReplayProgressRecorder(EventStoreDatabase database) {
        this.database = database;
    }

    @Override
    public boolean recordReplayPublished(RunId runId, int replay, long published) {
        return database.withConnection(
                connection -> RunIndex.recordReplayPublished(connection, runId, replay, published));
    }
}
