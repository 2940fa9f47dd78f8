package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import application.port.in.FetchUsersCommand;
import application.port.in.RunConflictException;
import application.port.in.RunView;
import domain.event.ReplayPersisted;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replay use case on the in-memory event store: a completed run's stored users are published
 * again, page by page, and the run completes again once each is reported persisted again.
 */
class ReplayRunTest {

    private static final int BATCH = 40;

    private final InMemoryRunStore store = new InMemoryRunStore();
    private final ScriptedSource source = new ScriptedSource();
    private final RecordingPublisher kafka = new RecordingPublisher();
    private final FetchRunPages fetcher = new FetchRunPages(
            source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(1, 3, Duration.ofMillis(10), 0));
    private final RequestUserFetch requestFetch =
            new RequestUserFetch(store, store, store, fetcher, Clock.systemUTC(), new Random(7), 100);
    private final RecordPersistedUsers sidecarReports = new RecordPersistedUsers(store, store, Clock.systemUTC());
    private final ViewRuns views = new ViewRuns(store, store);
    private final ReplayRun replay = replayRun();

    @AfterEach
    void stop() {
        replay.close();
        fetcher.close();
    }

    @Test
    void given_a_completed_run_when_replayed_then_its_stored_users_are_published_again_in_order_a_batch_at_a_time() {
        RunId runId = completedRun(250);

        RunView accepted = replay.requestReplay(runId.toString()).orElseThrow();

        assertThat(accepted.status()).isEqualTo("FETCHED");
        assertThat(accepted.replays()).isEqualTo(1);
        assertThat(accepted.replayState()).isEqualTo("PUBLISHING");
        RunView published = awaitReplayState(runId, "PERSISTING");
        assertThat(kafka.publishedIds()).containsExactlyElementsOf(storedIds(runId));
        assertThat(kafka.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(BATCH));
        assertThat(store.storedUserReads()).isGreaterThanOrEqualTo(250 / BATCH);
        assertThat(published.replayPublished()).isEqualTo(250);
        assertThat(published.status()).isEqualTo("FETCHED");
        assertThat(historyOf(runId))
                .filteredOn(e -> e instanceof ReplayRequested || e instanceof ReplayPublished)
                .extracting(RunEvent::getClass)
                .containsExactly(ReplayRequested.class, ReplayPublished.class);
    }

    @Test
    void
            given_a_replay_published_when_every_user_is_reported_persisted_again_then_the_run_completes_again_without_double_counts() {
        RunId runId = completedRun(120);
        replay.requestReplay(runId.toString());
        awaitReplayState(runId, "PERSISTING");
        List<UserId> ids = storedIds(runId);

        sidecarReports.recordPersisted(runId, ids.subList(0, 70), "q2:1", Instant.now());
        RunView halfWay = views.findRun(runId.toString()).orElseThrow();
        sidecarReports.recordPersisted(runId, ids.subList(0, 70), "q2:1", Instant.now());
        sidecarReports.recordPersisted(runId, ids.subList(70, 120), "q2:2", Instant.now());

        RunView done = views.findRun(runId.toString()).orElseThrow();
        assertThat(halfWay.status()).isEqualTo("FETCHED");
        assertThat(halfWay.replayPersisted()).isEqualTo(70);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.replayState()).isEqualTo("COMPLETED");
        assertThat(done.replayPersisted()).isEqualTo(120);
        assertThat(done.persisted()).as("distinct ids, not doubled").isEqualTo(120);
        assertThat(done.replayedAt()).isNotNull();
        assertThat(historyOf(runId)).filteredOn(RunCompleted.class::isInstance).hasSize(2);
        assertThat(historyOf(runId))
                .filteredOn(ReplayPersisted.class::isInstance)
                .extracting(e -> ((ReplayPersisted) e).newlyPersisted())
                .containsExactly(70, 50);
    }

    @Test
    void given_every_user_reported_before_the_replay_records_its_publishing_then_publishing_completes_the_run() {
        RunId runId = completedRun(30);
        RecordingPublisher reportingAtOnce = new RecordingPublisher() {
            @Override
            public List<Refused> publish(List<UserFetched> users) {
                List<Refused> refused = super.publish(users);
                // the sidecar is quick: its report arrives before the replay appends ReplayPublished
                sidecarReports.recordPersisted(
                        runId, users.stream().map(u -> u.user().id()).toList(), "q2:1", Instant.now());
                return refused;
            }
        };
        try (ReplayRun quick = new ReplayRun(
                store,
                store,
                store,
                store,
                store,
                reportingAtOnce,
                Clock.systemUTC(),
                new ReplayRun.Settings(BATCH, Duration.ZERO))) {
            quick.requestReplay(runId.toString());

            RunView done = awaitReplayState(runId, "COMPLETED");

            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(done.replayPersisted()).isEqualTo(30);
        }
    }

    @Test
    void given_kafka_failing_twice_when_replaying_then_the_batch_is_sent_again_until_acknowledged() {
        RunId runId = completedRun(30);
        kafka.failingNext(2);

        replay.requestReplay(runId.toString());

        awaitReplayState(runId, "PERSISTING");
        assertThat(kafka.attempts()).isEqualTo(3);
        assertThat(kafka.publishedIds()).containsExactlyElementsOf(storedIds(runId));
    }

    @Test
    void given_a_run_still_fetching_when_a_replay_is_asked_for_then_it_is_refused_and_nothing_is_recorded() {
        source.holdPagesAfter(1);
        String runId = requestFetch
                .requestFetch(new FetchUsersCommand(300, List.of(), null, null, null))
                .runId();
        await().until(() -> views.findRun(runId).orElseThrow().pagesStored() == 1);
        int before = historyOf(RunId.of(runId)).size();

        assertThatThrownBy(() -> replay.requestReplay(runId))
                .isInstanceOf(RunConflictException.class)
                .hasMessageContaining("still fetching");
        assertThat(historyOf(RunId.of(runId))).hasSize(before);
        source.release();
    }

    @Test
    void
            given_a_replay_still_publishing_when_another_is_asked_for_then_it_is_refused_and_once_published_a_new_one_supersedes_it() {
        RunId runId = completedRun(30);
        RecordingPublisher stalled = new RecordingPublisher().failingNext(Integer.MAX_VALUE);
        try (ReplayRun stuck = new ReplayRun(
                store,
                store,
                store,
                store,
                store,
                stalled,
                Clock.systemUTC(),
                new ReplayRun.Settings(BATCH, Duration.ofMillis(50)))) {
            stuck.requestReplay(runId.toString());

            assertThatThrownBy(() -> replay.requestReplay(runId.toString()))
                    .isInstanceOf(RunConflictException.class)
                    .hasMessageContaining("still publishing");
        }
        // the app restarts: the replay still publishing starts over
        List<RunId> resumed = replay.resume();
        awaitReplayState(runId, "PERSISTING");
        RunView second = replay.requestReplay(runId.toString()).orElseThrow();

        assertThat(resumed).containsExactly(runId);
        assertThat(second.replays()).isEqualTo(2);
        assertThat(awaitReplayState(runId, "PERSISTING").replayPublished()).isEqualTo(30);
    }

    @Test
    void given_no_such_run_when_a_replay_is_asked_for_then_it_is_not_found() {
        assertThat(replay.requestReplay(RunId.random().toString())).isEmpty();
        assertThat(replay.requestReplay("not-a-uuid")).isEmpty();
        assertThat(kafka.attempts()).isZero();
    }

    private ReplayRun replayRun() {
        return new ReplayRun(
                store,
                store,
                store,
                store,
                store,
                kafka,
                Clock.systemUTC(),
                new ReplayRun.Settings(BATCH, Duration.ZERO));
    }

    /** A run fetched through the real use cases, every user reported persisted once: COMPLETED. */
    private RunId completedRun(int users) {
        String runId = requestFetch
                .requestFetch(new FetchUsersCommand(users, List.of(), null, null, null))
                .runId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> views.findRun(runId).orElseThrow().status().equals("FETCHED"));
        RunId id = RunId.of(runId);
        sidecarReports.recordPersisted(id, storedIds(id), "q1:1", Instant.now());
        assertThat(views.findRun(runId).orElseThrow().status()).isEqualTo("COMPLETED");
        return id;
    }

    /** The run's users in the order the event store holds them. */
    private List<UserId> storedIds(RunId runId) {
        return store.users().stream()
                .filter(event ->
                        event instanceof UserFetched fetched && fetched.runId().equals(runId))
                .map(event -> ((UserFetched) event).user().id())
                .toList();
    }

    private List<RunEvent> historyOf(RunId runId) {
        return store.loadHistory(runId);
    }

    private RunView awaitReplayState(RunId runId, String state) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> views.findRun(runId.toString()).orElseThrow(), view -> state.equals(view.replayState()));
    }
}
