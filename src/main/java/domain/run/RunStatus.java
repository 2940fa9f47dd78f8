package domain.run;

/** Where a run is in its life: requested, fetching pages, every page stored, then completed or failed. */
public enum RunStatus {
    /** Asked for; no page stored or failed yet. */
    REQUESTED,
    /** At least one page stored or attempted, some pages still missing. */
    FETCHING,
    /** Every page stored; waiting for the sidecar to persist the accepted users. */
    FETCHED,
    /** Every accepted user is persisted. A replay (docs/adr/0010) takes the run back to FETCHED until it is again. */
    COMPLETED,
    /** The run gave up (a page failed too often). */
    FAILED,
    /**
     * The caller cancelled it while it fetched: final at once, no page is fetched any more. Its stored
     * users still reach Cassandra and {@code persisted} keeps counting their reports; it never completes.
     */
    CANCELLED;

    /**
     * True for COMPLETED, FAILED and CANCELLED: no page will be fetched and the status stays, unless a
     * completed run is replayed.
     */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
