package application.port.in;

import java.time.Instant;
import java.util.List;

import domain.run.RunId;
import domain.user.UserId;

/** The sidecar reports users of a run written to Cassandra (topic {@code users_persisted}). */
public interface RecordPersistedUsersUseCase {

    /**
     * Records the ids not reported before (a repeated batch changes nothing), counts them on the run
     * and completes the run when every fetched user is persisted. Returns once that is stored, so the
     * caller may then acknowledge the message.
     *
     * @return how many ids were new; 0 for a repeat or for a run that does not exist (skipped)
     */
    int recordPersisted(RunId runId, List<UserId> userIds, String batchId, Instant persistedAt);
}
