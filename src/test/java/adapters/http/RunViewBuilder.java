package adapters.http;

import java.time.Instant;
import java.util.List;

import application.port.in.RunView;

/** Test data: a run half way through, with every field set to something recognisable. */
final class RunViewBuilder {

    static final String RUN_ID = "6f1c9f5e-2b1a-4d8e-9f0a-1b2c3d4e5f60";
    static final Instant REQUESTED_AT = Instant.parse("2026-11-25T10:00:00Z");

    private String runId = RUN_ID;
    private String status = "REQUESTED";
    private int requested = 500;
    private int fetched = 300;
    private int rejected = 2;
    private long published = 250;
    private int persisted = 200;
    private int parked = 0;
    private int pagesStored = 3;
    private int pagesTotal = 5;
    private String seed = "demo-1";
    private List<String> nationalities = List.of("GB", "FR");
    private String gender = "female";
    private Instant requestedAt = REQUESTED_AT;
    private String lastError = null;
    private int replays = 0;
    private String replayState = null;
    private Instant replayRequestedAt = null;
    private long replayPublished = 0;
    private int replayPersisted = 0;
    private Instant replayedAt = null;
    private int usersWithFieldProblems = 4;
    private int usersWithFieldsNulled = 1;
    private RunView.WaitingFor waitingFor = null;

    static RunViewBuilder aRunView() {
        return new RunViewBuilder();
    }

    RunViewBuilder withRunId(String value) {
        this.runId = value;
        return this;
    }

    RunViewBuilder withStatus(String value) {
        this.status = value;
        return this;
    }

    RunViewBuilder withGender(String value) {
        this.gender = value;
        return this;
    }

    /** Kafka has not answered for {@code seconds}. */
    RunViewBuilder waitingForKafka(long seconds) {
        this.waitingFor = new RunView.WaitingFor("kafka", Instant.parse("2026-01-01T00:00:00Z"), seconds);
        return this;
    }

    RunViewBuilder withLastError(String value) {
        this.lastError = value;
        return this;
    }

    /** The run's first replay, publishing: {@code published} of its users sent again so far. */
    RunViewBuilder replaying(long published) {
        this.replays = 1;
        this.replayState = "PUBLISHING";
        this.replayRequestedAt = REQUESTED_AT.plusSeconds(3600);
        this.replayPublished = published;
        return this;
    }

    RunView build() {
        return new RunView(
                runId,
                status,
                requested,
                fetched,
                rejected,
                published,
                persisted,
                parked,
                pagesStored,
                pagesTotal,
                seed,
                nationalities,
                gender,
                requestedAt,
                lastError,
                replays,
                replayState,
                replayRequestedAt,
                replayPublished,
                replayPersisted,
                replayedAt,
                usersWithFieldProblems,
                usersWithFieldsNulled,
                0,
                waitingFor);
    }
}
