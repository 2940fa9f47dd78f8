package application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

import domain.event.RunEvent;
import domain.run.RunId;
import domain.user.UserId;

/** Keeps the set of persisted user ids per run beside the run's events, in the same transaction. */
public interface RecordPersistedIdsPort {

    /**
     * In one transaction: adds the ids not yet in the run's persisted set, asks {@code decide} for the
     * run events given how many were new, and appends those at {@code expectedVersion}. All or nothing:
     * on {@link AppendRunEventsPort.ConcurrentRunUpdateException} no id is recorded either.
     *
     * @return how many ids were new
     */
    int recordPersisted(RunId runId, int expectedVersion, Collection<UserId> userIds,
                        IntFunction<List<RunEvent>> decide);
}
