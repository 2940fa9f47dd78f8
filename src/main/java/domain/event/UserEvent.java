package domain.event;

import domain.run.RunId;

/**
 * An event about one user. Stored beside the run's stream, not in it, so that loading a run never
 * reads its users (docs/stack-notes.md: event-sourced aggregates load at a cost per event), and
 * appended atomically with its page's {@link PageStored}.
 */
public sealed interface UserEvent permits UserFetched, UserRejected, UserParked {

    RunId runId();

    int page();
}
