package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.aRun;
import static domain.run.RunBuilder.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import domain.event.ReplayPersisted;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.UsersPersisted;
import org.junit.jupiter.api.Test;

class ReplayDecisionsTest {

    private static final Instant REPLAYED_AT = LATER.plusSeconds(3600);

    @Test
    void given_a_completed_run_when_a_replay_is_requested_then_it_is_fetched_again_and_its_first_replay_publishes() {
        IngestionRun completed = completed(25);

        List<RunEvent> events = ReplayDecisions.request(completed, REPLAYED_AT);
        IngestionRun after = applyAll(completed, events);

        assertThat(events).containsExactly(new ReplayRequested(completed.runId(), 1, REPLAYED_AT));
        assertThat(after.status()).isEqualTo(RunStatus.FETCHED);
        assertThat(after.replay()).isEqualTo(new Replay(1, Replay.State.PUBLISHING, REPLAYED_AT, 0, null));
        assertThat(after.persisted()).isEqualTo(25);
    }

    @Test
    void given_a_run_still_fetching_or_failed_when_a_replay_is_requested_then_it_is_refused() {
        IngestionRun fetching = aRun().withCount(25).withPageSize(10).withStoredPages(1);
        IngestionRun failed = fetching.apply(new RunFailed(fetching.runId(), "page 2 failed 5 times", LATER));

        assertThatThrownBy(() -> ReplayDecisions.request(fetching, REPLAYED_AT))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("still fetching (FETCHING)");
        assertThatThrownBy(() -> ReplayDecisions.request(failed, REPLAYED_AT))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("FAILED");
    }

    @Test
    void given_a_replay_publishing_when_another_is_requested_then_it_is_refused_but_one_persisting_is_superseded() {
        IngestionRun publishing = applyAll(completed(25), ReplayDecisions.request(completed(25), REPLAYED_AT));
        IngestionRun persisting = applyAll(publishing, ReplayDecisions.published(publishing, 1, 25, REPLAYED_AT));

        assertThatThrownBy(() -> ReplayDecisions.request(publishing, REPLAYED_AT))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("still publishing");
        assertThat(ReplayDecisions.request(persisting, REPLAYED_AT))
                .containsExactly(new ReplayRequested(persisting.runId(), 2, REPLAYED_AT));
    }

    @Test
    void
            given_ids_reported_during_a_replay_when_all_are_persisted_again_then_the_run_completes_once_and_counts_stay_distinct() {
        IngestionRun replaying = replaying(completed(25));

        List<RunEvent> most = RunDecisions.usersPersisted(replaying, "q:7", 0, 20, LATER, REPLAYED_AT);
        IngestionRun partly = applyAll(replaying, most);
        List<RunEvent> rest = RunDecisions.usersPersisted(partly, "q:8", 0, 5, LATER, REPLAYED_AT);
        IngestionRun after = applyAll(partly, rest);

        assertThat(most).containsExactly(new ReplayPersisted(replaying.runId(), 1, "q:7", 20, LATER));
        assertThat(partly.status()).isEqualTo(RunStatus.FETCHED);
        assertThat(rest)
                .containsExactly(
                        new ReplayPersisted(replaying.runId(), 1, "q:8", 5, LATER),
                        new RunCompleted(replaying.runId(), 25, REPLAYED_AT));
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.persisted()).isEqualTo(25);
        assertThat(after.replay()).isEqualTo(new Replay(1, Replay.State.COMPLETED, REPLAYED_AT, 25, REPLAYED_AT));
    }

    @Test
    void given_a_replay_still_publishing_when_every_user_is_reported_then_publishing_completes_the_run() {
        IngestionRun publishing = applyAll(completed(25), ReplayDecisions.request(completed(25), REPLAYED_AT));
        IngestionRun reported =
                applyAll(publishing, RunDecisions.usersPersisted(publishing, "q:7", 0, 25, LATER, REPLAYED_AT));

        List<RunEvent> published = ReplayDecisions.published(reported, 1, 25, REPLAYED_AT);

        assertThat(reported.status()).as("not whole until published").isEqualTo(RunStatus.FETCHED);
        assertThat(published)
                .containsExactly(
                        new ReplayPublished(reported.runId(), 1, 25, REPLAYED_AT),
                        new RunCompleted(reported.runId(), 25, REPLAYED_AT));
    }

    @Test
    void given_a_fetched_run_being_replayed_when_its_persisted_count_reaches_fetched_then_it_waits_for_the_replay() {
        IngestionRun fetched = aRun().withCount(25).withPageSize(10).fetched();
        IngestionRun replaying = replaying(fetched.apply(new UsersPersisted(fetched.runId(), "q:1", 10, LATER)));

        List<RunEvent> events = RunDecisions.usersPersisted(replaying, "q:2", 15, 15, LATER, REPLAYED_AT);

        assertThat(events)
                .containsExactly(
                        new UsersPersisted(replaying.runId(), "q:2", 15, LATER),
                        new ReplayPersisted(replaying.runId(), 1, "q:2", 15, LATER));
        assertThat(applyAll(replaying, events).status()).isEqualTo(RunStatus.FETCHED);
    }

    @Test
    void given_a_superseded_replay_when_its_publishing_ends_then_nothing_is_recorded() {
        IngestionRun second = replaying(replaying(completed(25)));

        assertThat(second.replay().number()).isEqualTo(2);
        assertThat(ReplayDecisions.published(second, 1, 25, REPLAYED_AT)).isEmpty();
        assertThat(second.apply(new ReplayPersisted(second.runId(), 1, "q:old", 5, LATER))
                        .replay()
                        .persisted())
                .isZero();
    }

    private static IngestionRun completed(int users) {
        IngestionRun fetched = aRun().withCount(users).withPageSize(10).fetched();
        return applyAll(fetched, RunDecisions.usersPersisted(fetched, "q:1", users, LATER, LATER));
    }

    /** The run with a new replay requested and published: waiting for the sidecar. */
    private static IngestionRun replaying(IngestionRun run) {
        IngestionRun requested = applyAll(run, ReplayDecisions.request(run, REPLAYED_AT));
        int number = requested.replay().number();
        return applyAll(requested, ReplayDecisions.published(requested, number, requested.fetched(), REPLAYED_AT));
    }
}
