package domain.event;

import domain.run.RunId;

/**
 * An event about one user. Stored beside the run's stream, not in it (STACK.md: a run aggregate
 * holding 10k user events takes 80 ms to load), and appended atomically with its page's
 * {@link PageStored}.
 */
public sealed interface UserEvent permits UserFetched, UserRejected {

    RunId runId();

    int page();
}
