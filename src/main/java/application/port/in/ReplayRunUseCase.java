package application.port.in;

import java.util.Optional;

/**
 * Publishes a run's stored users to {@code users_created} again, so the sidecar writes them to
 * Cassandra again (after Cassandra lost them: docs/adr/0010). Returns at once; the replay goes on in
 * the background and the run's view shows how far it is.
 */
public interface ReplayRunUseCase {

    /**
     * @param runId as given by the client; an id that is not a UUID is simply not found
     * @return the run with its replay requested; empty when there is no such run
     * @throws RunConflictException when the run cannot be replayed now (still fetching, failed, or a
     *                              replay of it still publishing)
     */
    Optional<RunView> requestReplay(String runId);
}
