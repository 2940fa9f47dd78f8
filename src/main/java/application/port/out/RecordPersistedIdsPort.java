package application.port.out;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import domain.event.RunEvent;
import domain.run.RunId;
import domain.user.UserId;

/** Keeps the set of persisted user ids per run beside the run's events, in the same transaction. */
public interface RecordPersistedIdsPort {

    /**
     * In one transaction: sets aside the ids the run never fetched (a forged or stray report: they
     * count for nothing and are added to the run's ignored count, see {@link FindRunsPort#ignoredIdsCount}),
     * adds the other ids not yet in the run's persisted set, marks the ids not yet
     * counted toward the replay {@code replay} as counted, asks {@code decide} for the run events given
     * how many were new to each, and appends those at {@code expectedVersion}. All or nothing: on
     * {@link AppendRunEventsPort.ConcurrentRunUpdateException} no id is recorded either.
     *
     * @param replay the number of the run's replay under way, or 0 when none (then {@link NewIds#replayed()} is 0)
     * @return how many ids were new, and how many were set aside
     */
    NewIds recordPersisted(
            RunId runId,
            int expectedVersion,
            int replay,
            Collection<UserId> userIds,
            Function<NewIds, List<RunEvent>> decide);

    /**
     * @param persisted  ids never reported persisted for the run before
     * @param replayed   ids not reported since the replay under way began (those new to the run included)
     * @param notFetched distinct ids the run never fetched: not counted, never complete the run
     */
    record NewIds(int persisted, int replayed, int notFetched) {

        public NewIds(int persisted, int replayed) {
            this(persisted, replayed, 0);
        }
    }
}
