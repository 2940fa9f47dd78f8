package domain.event;

import domain.run.RunId;

/** Every user of a page is in the event store (accepted or rejected): the page is never fetched again. */
public record PageStored(RunId runId, int page, int accepted, int rejected) implements RunEvent {
}
