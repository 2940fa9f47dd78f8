package domain.event;

import domain.run.RunId;

/**
 * Every user of a page is in the event store (accepted or rejected): the page is never fetched again.
 *
 * @param usersWithFieldProblems accepted users kept with at least one field problem (a field read
 *                               leniently or stored as null); 0 in events stored before they were counted
 * @param usersWithFieldsNulled  of those, users with at least one field stored as null
 */
public record PageStored(
        RunId runId, int page, int accepted, int rejected, int usersWithFieldProblems, int usersWithFieldsNulled)
        implements RunEvent {

    /** A page whose accepted users were all read without a field problem. */
    public PageStored(RunId runId, int page, int accepted, int rejected) {
        this(runId, page, accepted, rejected, 0, 0);
    }
}
