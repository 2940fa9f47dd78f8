package application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * What a client sees of a run: its status and a count per stage. {@code lastError} is the most
 * recent problem (null when none), e.g. a page the source failed to deliver or a user Kafka refused.
 * {@code parked} counts accepted users Kafka refused for good: they are kept in the event store and
 * never reach Cassandra, and the run completes when {@code persisted + parked} reaches {@code fetched}.
 *
 * <p>The run's latest replay (docs/adr/0010): {@code replays} counts the replays asked for (0: never,
 * and then {@code replayState}, {@code replayRequestedAt} and {@code replayedAt} are null);
 * {@code replayState} is PUBLISHING, PERSISTING or COMPLETED; {@code replayPublished} users were
 * published again and {@code replayPersisted} distinct users reported persisted since the replay
 * began; {@code replayedAt} is when it completed.
 *
 * <p>{@code usersWithFieldProblems} counts the fetched users kept with at least one field read
 * leniently or stored as null, {@code usersWithFieldsNulled} those of them with a field stored as null.
 *
 * <p>{@code ignoredUserIds} counts distinct ids reported persisted for the run (on {@code users_persisted})
 * that the run never fetched: a forged or stray message. They count for nothing else and never complete the run.
 *
 * <p>{@code waitingFor} names the dependency that has not answered for the longest, while the run is
 * still under way (null when every dependency answers or the run has ended): the run is not stuck, it
 * waits, and resumes by itself when that dependency is back.
 */
public record RunView(
        String runId,
        String status,
        int requested,
        int fetched,
        int rejected,
        long published,
        int persisted,
        int parked,
        int pagesStored,
        int pagesTotal,
        String seed,
        List<String> nationalities,
        String gender,
        Instant requestedAt,
        String lastError,
        int replays,
        String replayState,
        Instant replayRequestedAt,
        long replayPublished,
        int replayPersisted,
        Instant replayedAt,
        int usersWithFieldProblems,
        int usersWithFieldsNulled,
        long ignoredUserIds,
        WaitingFor waitingFor) {

    /** A dependency that has not answered since {@code since}, {@code seconds} ago when the view was taken. */
    public record WaitingFor(String dependency, Instant since, long seconds) {}
}
