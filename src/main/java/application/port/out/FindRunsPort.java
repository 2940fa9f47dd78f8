package application.port.out;

import java.util.List;
import java.util.Optional;

import domain.run.RunId;

/** The index of runs kept beside the event store (written in the same transaction as run events). */
public interface FindRunsPort {

    Optional<RunId> findByIdempotencyKey(String idempotencyKey);

    /** Most recent first. */
    List<RunId> listRecent(int limit);

    /** Runs still fetching pages: resumed after a restart. */
    List<RunId> listUnfinished();

    /** How many users of the run the outbox has published (acknowledged by Kafka). */
    long publishedCount(RunId runId);

    /** Runs whose latest replay is still publishing: resumed after a restart (docs/adr/0010). */
    List<RunId> listReplaying();

    /** Distinct ids reported persisted for the run that it never fetched, ignored (forged or stray reports). */
    long ignoredIdsCount(RunId runId);

    /** How many users of the run its latest replay has published (acknowledged by Kafka); 0 when none. */
    long replayPublishedCount(RunId runId);
}
