package domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import domain.run.RunId;

/**
 * A run was asked for. It records the seed (generated when the request had none), so every page
 * of the run can be fetched again with the same users.
 *
 * @param gender         "female", "male" or null for any
 * @param idempotencyKey the client's key (Airflow's run id), or null
 */
public record RunRequested(
        RunId runId,
        int count,
        int pageSize,
        String seed,
        List<String> nationalities,
        String gender,
        String idempotencyKey,
        Instant requestedAt)
        implements RunEvent {

    public RunRequested {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(requestedAt, "requestedAt");
        nationalities = List.copyOf(nationalities);
    }
}
