package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.aRun;
import static domain.run.RunBuilder.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.UsersParked;
import domain.event.UsersPersisted;
import org.junit.jupiter.api.Test;

/** A user Kafka refuses for good is parked: the run counts it and does not wait for it forever. */
class UsersParkedTest {

    private static final String TOO_LARGE = "RecordTooLargeException: the message is 2097240 bytes";

    @Test
    void given_a_run_when_users_parked_is_applied_then_parked_adds_up_shows_the_reason_and_frees_room() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(1);

        IngestionRun after = run.apply(new UsersParked(run.runId(), 2, TOO_LARGE, LATER))
                .apply(new UsersParked(run.runId(), 1, "the last one", LATER));

        assertThat(after.parked()).isEqualTo(3);
        assertThat(after.lastError()).isEqualTo("the last one");
        assertThat(after.status()).isEqualTo(run.status());
        assertThat(after.usersInFlight()).isEqualTo(run.usersInFlight() - 3);
    }

    @Test
    void given_a_fetched_run_with_all_others_persisted_when_the_last_user_is_parked_then_the_run_completes() {
        IngestionRun fetched = aRun().withCount(25).withPageSize(10).fetched();
        IngestionRun run = fetched.apply(new UsersPersisted(fetched.runId(), "q:1", 24, LATER));

        List<RunEvent> events = RunDecisions.usersParked(run, 1, TOO_LARGE, LATER);
        IngestionRun after = applyAll(run, events);

        assertThat(events)
                .containsExactly(
                        new UsersParked(run.runId(), 1, TOO_LARGE, LATER), new RunCompleted(run.runId(), 24, LATER));
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.persisted()).isEqualTo(24);
        assertThat(after.parked()).isEqualTo(1);
        assertThat(after.lastError()).isEqualTo(TOO_LARGE);
    }

    @Test
    void given_a_parked_user_when_the_other_users_are_persisted_later_then_the_run_completes_without_it() {
        IngestionRun fetched = aRun().withCount(25).withPageSize(10).fetched();
        IngestionRun run = applyAll(fetched, RunDecisions.usersParked(fetched, 1, TOO_LARGE, LATER));

        List<RunEvent> events = RunDecisions.usersPersisted(run, "q:1", 24, LATER, LATER);

        assertThat(events).contains(new RunCompleted(run.runId(), 24, LATER));
        assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void given_users_parked_while_fetching_when_the_last_page_is_stored_then_the_run_completes_at_once() {
        IngestionRun run = aRun().withCount(20).withPageSize(10).withStoredPages(1);
        run = applyAll(run, RunDecisions.usersParked(run, 10, TOO_LARGE, LATER));

        List<RunEvent> events = RunDecisions.pageStored(run, 2, 0, 10, LATER);

        assertThat(events).last().isEqualTo(new RunCompleted(run.runId(), 0, LATER));
    }

    @Test
    void given_a_fetched_run_with_users_still_in_flight_when_one_is_parked_then_it_does_not_complete() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).fetched();

        List<RunEvent> events = RunDecisions.usersParked(run, 1, TOO_LARGE, LATER);

        assertThat(events).containsExactly(new UsersParked(run.runId(), 1, TOO_LARGE, LATER));
        assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.FETCHED);
    }

    @Test
    void given_a_failed_run_when_users_are_parked_then_they_are_recorded_and_the_run_stays_failed() {
        IngestionRun run = aRun().fetched().apply(new RunFailed(aRun().runId(), "gave up", LATER));

        List<RunEvent> events = RunDecisions.usersParked(run, 2, TOO_LARGE, LATER);

        assertThat(events).containsExactly(new UsersParked(run.runId(), 2, TOO_LARGE, LATER));
        assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void given_no_parked_user_when_decided_then_nothing_is_appended_and_a_missing_reason_is_refused() {
        IngestionRun run = aRun().fetched();

        assertThat(RunDecisions.usersParked(run, 0, null, LATER)).isEmpty();
        assertThatThrownBy(() -> RunDecisions.usersParked(run, 1, " ", LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunDecisions.usersParked(run, -1, TOO_LARGE, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
