package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.aRun;
import static domain.run.RunBuilder.applyAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.UsersPersisted;
import org.junit.jupiter.api.Test;

class UsersPersistedTest {

    @Test
    void given_a_run_when_users_persisted_is_applied_then_the_count_adds_up_and_the_status_stays() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(1);

        IngestionRun after = run.apply(new UsersPersisted(run.runId(), "q:1", 4, LATER))
                .apply(new UsersPersisted(run.runId(), "q:2", 3, LATER));

        assertThat(after.persisted()).isEqualTo(7);
        assertThat(after.status()).isEqualTo(run.status());
    }

    @Test
    void given_a_fetched_run_when_the_last_users_are_persisted_then_users_persisted_and_run_completed() {
        IngestionRun fetched = aRun().withCount(25).withPageSize(10).fetched();
        IngestionRun run = fetched.apply(new UsersPersisted(fetched.runId(), "q:1", 20, LATER));

        List<RunEvent> events = RunDecisions.usersPersisted(run, "q:2", 5, LATER, LATER);
        IngestionRun after = applyAll(run, events);

        assertThat(events)
                .containsExactly(
                        new UsersPersisted(run.runId(), "q:2", 5, LATER), new RunCompleted(run.runId(), 25, LATER));
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(after.persisted()).isEqualTo(25);
    }

    @Test
    void given_a_fetched_run_when_some_users_are_persisted_then_only_users_persisted() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).fetched();

        List<RunEvent> events = RunDecisions.usersPersisted(run, "q:1", 10, LATER, LATER);

        assertThat(events).containsExactly(new UsersPersisted(run.runId(), "q:1", 10, LATER));
        assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.FETCHED);
    }

    @Test
    void given_no_new_ids_when_users_persisted_is_decided_then_nothing_is_appended() {
        IngestionRun run = aRun().fetched();

        assertThat(RunDecisions.usersPersisted(run, "q:1", 0, LATER, LATER)).isEmpty();
    }

    @Test
    void given_users_persisted_before_the_last_page_when_it_is_stored_then_the_run_completes() {
        IngestionRun run = aRun().withCount(20).withPageSize(10).withStoredPages(1);
        run = applyAll(run, RunDecisions.usersPersisted(run, "q:1", 20, LATER, LATER));

        List<RunEvent> events = RunDecisions.pageStored(run, 2, 10, 0, LATER);

        assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.COMPLETED);
    }
}
