package adapters.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.RunEvent;
import domain.run.RunId;
import domain.user.UserId;

/**
 * Records the ids the sidecar reported persisted as bits of their pages' rows in {@link RunPageTable},
 * and the run events that count the new ones, in one append to the run's stream. Only ids the run
 * fetched count ({@link RunUserIndex}): the others are counted as ignored in the {@link RunIndex}.
 * Each page keeps the number of the replay its second bitmap counts toward (docs/adr/0010), so an id
 * reported again during a replay counts once toward that replay and never again toward the run.
 */
final class PersistedIdsRecorder implements RecordPersistedIdsPort {

    private final EventStoreDatabase database;
    private final RunStreamAppender appender;
    private final RunUserIndex index = new RunUserIndex();

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
                Map<UserId, List<RunUserIndex.Place>> fetched = index.locate(connection, runId, reported);
                int notFetched = reported.size() - fetched.size();
                if (notFetched > 0) {
                    RunIndex.addIgnoredIds(connection, runId, notFetched);
                }
                NewIds counted = mark(connection, runId, replay, fetched);
                return new NewIds(counted.persisted(), counted.replayed(), notFetched);
            });
            List<RunEvent> events = decide.apply(newIds);
            if (!events.isEmpty()) {
                appender.publish(runId, expectedVersion, events, List.of());
            }
            return newIds;
        });
    }

    /**
     * Sets the ids' bits: an id counts as newly persisted when none of its places was marked before,
     * and toward the replay under way ({@code replay} > 0) when none of its places was counted toward
     * it. A page whose replay bitmap belongs to an older replay starts that bitmap afresh.
     */
    private static NewIds mark(
            Connection connection, RunId runId, int replay, Map<UserId, List<RunUserIndex.Place>> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return new NewIds(0, 0);
        }
        Set<Integer> pages = new LinkedHashSet<>();
        ids.values().forEach(places -> places.forEach(place -> pages.add(place.page())));
        Map<Integer, RunPageTable.Marks> marks = new HashMap<>();
        RunPageTable.marksOf(connection, runId, pages)
                .forEach((page, stored) -> marks.put(
                        page,
                        replay > stored.replay()
                                ? new RunPageTable.Marks(page, stored.persisted(), replay, new java.util.BitSet())
                                : stored));
        int persisted = 0;
        int replayed = 0;
        for (List<RunUserIndex.Place> places : ids.values()) {
            boolean wasPersisted = false;
            boolean wasReplayed = false;
            for (RunUserIndex.Place place : places) {
                RunPageTable.Marks page = marks.get(place.page());
                wasPersisted |= page.persisted().get(place.index());
                wasReplayed |= page.replay() == replay && page.replayed().get(place.index());
            }
            if (!wasPersisted) {
                persisted++;
            }
            if (replay > 0 && !wasReplayed) {
                replayed++;
            }
            for (RunUserIndex.Place place : places) {
                RunPageTable.Marks page = marks.get(place.page());
                page.persisted().set(place.index());
                if (replay > 0) {
                    page.replayed().set(place.index());
                }
            }
        }
        RunPageTable.updateMarks(connection, runId, new ArrayList<>(marks.values()));
        return new NewIds(persisted, replayed);
    }
}
