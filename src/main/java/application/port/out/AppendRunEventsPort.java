package application.port.out;

import java.util.List;

import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.run.RunId;

/** Appends to the event store, the system of record. */
public interface AppendRunEventsPort {

    /**
     * Appends a run's events and its users' events in one transaction: all of them are stored or
     * none is, so a page is never half stored.
     *
     * @param expectedVersion how many run events the caller's state was built from; if another
     *                        writer appended since, nothing is stored and
     *                        {@link ConcurrentRunUpdateException} is thrown
     */
    void append(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents);

    /** Another writer changed the run since the caller loaded it: reload and decide again. */
    final class ConcurrentRunUpdateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConcurrentRunUpdateException(RunId runId, int expectedVersion, Throwable cause) {
            super("run " + runId + " changed since version " + expectedVersion, cause);
        }
    }
}
