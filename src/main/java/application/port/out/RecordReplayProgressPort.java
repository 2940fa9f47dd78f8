package application.port.out;

import domain.run.RunId;

/** Keeps how far a run's replay has published, beside the run index, for the run's status. */
public interface RecordReplayProgressPort {

    /**
     * Records that the replay {@code replay} of the run has published {@code published} users so far
     * (never lowered: two publishers of one replay show the furthest).
     *
     * @return false when {@code replay} is no longer the run's latest replay: the caller stops
     */
    boolean recordReplayPublished(RunId runId, int replay, long published);
}
