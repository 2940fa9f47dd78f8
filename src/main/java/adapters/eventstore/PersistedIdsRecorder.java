package adapters.eventstore;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.RunEvent;
import domain.run.RunId;
import domain.user.UserId;

/**
 * Records the ids the sidecar reported persisted in {@link PersistedUserTable}, and the run events
 * that count the new ones, in one append to the run's stream. Only ids the run fetched
 * ({@link FetchedUserTable}) count: the others are counted as ignored in the {@link RunIndex}.
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
            NewIds newIds = database.withConnection(connection -> {
                Set<UserId> reported = new LinkedHashSet<>(userIds);
                Set<UserId> fetched = FetchedUserTable.fetchedAmong(connection, runId, reported);
                int notFetched = reported.size() - fetched.size();
                if (notFetched > 0) {
                    reported.retainAll(fetched);
                    RunIndex.addIgnoredIds(connection, runId, notFetched);
                }
                NewIds counted = PersistedUserTable.insertNew(connection, runId, replay, reported);
                return new NewIds(counted.persisted(), counted.replayed(), notFetched);
            });
            List<RunEvent> events = decide.apply(newIds);
            if (!events.isEmpty()) {
                appender.publish(runId, expectedVersion, events, List.of());
            }
            return newIds;
        });
    }
}
