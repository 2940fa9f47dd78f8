package application.port.in;

import java.util.List;
import java.util.Optional;

/** Reads runs for the admin API and Airflow's sensor. */
public interface ViewRunsQuery {

    /** @param runId as given by the client; an id that is not a UUID is simply not found */
    Optional<RunView> findRun(String runId);

    /** Most recent first. */
    List<RunView> listRuns(int limit);
}
