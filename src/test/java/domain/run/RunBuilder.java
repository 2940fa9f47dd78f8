package domain.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import domain.event.RunEvent;
import domain.event.RunRequested;

/** Test data: a requested run with sensible defaults, and helpers to move it along through its decisions. */
final class RunBuilder {

    static final Instant REQUESTED_AT = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-25T10:05:00Z");

    private RunId runId = new RunId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private int count = 25;
    private int pageSize = 10;
    private String seed = "0123456789abcdef";
    private List<String> nationalities = List.of("GB", "FR");
    private String gender = null;
    private String idempotencyKey = "manual__2026-11-25";

    static RunBuilder aRun() {
        return new RunBuilder();
    }

    RunBuilder withRunId(RunId value) {
        this.runId = value;
        return this;
    }

    RunBuilder withCount(int value) {
        this.count = value;
        return this;
    }

    RunBuilder withPageSize(int value) {
        this.pageSize = value;
        return this;
    }

    RunBuilder withSeed(String value) {
        this.seed = value;
        return this;
    }

    RunBuilder withNationalities(List<String> value) {
        this.nationalities = value;
        return this;
    }

    RunBuilder withGender(String value) {
        this.gender = value;
        return this;
    }

    RunId runId() {
        return runId;
    }

    /** The run's first event, as {@link RunDecisions#request} decides it. */
    RunRequested requested() {
        List<RunEvent> events =
                RunDecisions.request(runId, count, pageSize, seed, nationalities, gender, idempotencyKey, REQUESTED_AT);
        return (RunRequested) events.get(0);
    }

    /** The freshly requested run's state. */
    IngestionRun build() {
        return IngestionRun.replay(List.of(requested()));
    }

    /** The run with the given pages stored, each page fully accepted. */
    IngestionRun withStoredPages(int... pages) {
        IngestionRun run = build();
        for (int page : pages) {
            run = applyAll(run, RunDecisions.pageStored(run, page, run.resultsOnPage(page), 0, LATER));
        }
        return run;
    }

    /** The run with every page stored, every user accepted: FETCHED. */
    IngestionRun fetched() {
        IngestionRun run = build();
        for (int page : run.pagesToFetch()) {
            run = applyAll(run, RunDecisions.pageStored(run, page, run.resultsOnPage(page), 0, LATER));
        }
        return run;
    }

    static IngestionRun applyAll(IngestionRun run, List<RunEvent> events) {
        for (RunEvent event : events) {
            run = run.apply(event);
        }
        return run;
    }
}
