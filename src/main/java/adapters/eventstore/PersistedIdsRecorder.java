package adapters.eventstore;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.RunEvent;
import domain.run.RunId;
import domain.user.UserId;

/**
 * Records the ids the sidecar reported persisted in {@link PersistedUserTable}, and the run events
 * that count the new ones, in one append to the run's stream.
 */
final class PersistedIdsRecorder implements RecordPersistedIdsPort {

    private final EventStoreDatabase database;
    private final RunStreamAppender appender;

    PersistedIdsRecorder(EventStoreDatabase database, RunStreamAppender appender) {
        this.database = database;
        this.appender = appender;
    }

    @Override
    public NewIds recordPersisted(
            RunId runId,
            int expectedVersion,
            int replay,
            Collection<UserId> userIds,
            Function<NewIds, List<RunEvent>> decide) {
        return appender.inAppendTransaction(runId, expectedVersion, () -> {
            NewIds newIds = database.withConnection(
                    connection -> PersistedUserTable.insertNew(connection, runId, replay, userIds));
            List<RunEvent> events = decide.apply(newIds);
            if (!events.isEmpty()) {
                appender.publish(runId, expectedVersion, events, List.of());
            }
            return newIds;
        });
    }
}
