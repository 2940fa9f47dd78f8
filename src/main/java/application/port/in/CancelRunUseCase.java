package application.port.in;

import java.util.Optional;

/**
 * Cancels a run while it fetches pages: no page more is fetched, its stored users still go on to
 * Cassandra, and its status is CANCELLED at once (docs/contracts.md, "Cancel").
 */
public interface CancelRunUseCase {

    /**
     * @param runId as given by the client; an id that is not a UUID is simply not found
     * @return the cancelled run (also when it was cancelled before); empty when there is no such run
     * @throws RunConflictException when the run has every page stored already, or has completed or failed
     */
    Optional<RunView> cancel(String runId);
}
