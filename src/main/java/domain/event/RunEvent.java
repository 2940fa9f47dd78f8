package domain.event;

import domain.run.RunId;

/**
 * An event in a run's own stream: few per run (one per page at most, plus the lifecycle), so the
 * run's state loads fast however many users it fetched.
 */
public sealed interface RunEvent
        permits RunRequested,
                PageStored,
                PageFetchFailed,
                RunFetched,
                RunFailed,
                RunCompleted,
                UsersPersisted,
                ReplayRequested,
                ReplayPublished,
                ReplayPersisted,
                UsersParked,
                RunCancelled {

    RunId runId();
}
