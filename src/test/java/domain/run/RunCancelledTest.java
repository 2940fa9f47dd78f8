package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.aRun;
import static domain.run.RunBuilder.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import domain.event.RunCancelled;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.UsersPersisted;
import org.junit.jupiter.api.Test;

/** A caller cancels a run while it fetches: no page more, its stored users still count as persisted. */
class RunCancelledTest {

    @Test
    void given_a_run_fetching_when_cancelled_then_it_is_cancelled_and_fetches_nothing_more() {
        IngestionRun fetching = aRun().withCount(25).withPageSize(10).withStoredPages(1);

        List<RunEvent> events = CancelDecisions.cancel(fetching, LATER);
        IngestionRun after = applyAll(fetching, events);

        assertThat(events).containsExactly(new RunCancelled(fetching.runId(), LATER));
        assertThat(after.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(after.isFinished()).isTrue();
        assertThat(after.fetched()).isEqualTo(10);
        assertThatThrownBy(() -> RunDecisions.pageStored(after, 2, 10, 0, LATER))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void given_a_cancelled_run_when_cancelled_again_then_nothing_happens() {
        IngestionRun requested = aRun().build();
        IngestionRun cancelled = applyAll(requested, CancelDecisions.cancel(requested, LATER));

        assertThat(CancelDecisions.cancel(cancelled, LATER)).isEmpty();
    }

    @Test
    void given_a_run_with_every_page_stored_or_ended_when_cancelled_then_it_is_refused() {
        IngestionRun fetched = aRun().withCount(25).withPageSize(10).fetched();
        IngestionRun failed = aRun().build().apply(new RunFailed(aRun().runId(), "page 1 failed 5 times", LATER));

        assertThatThrownBy(() -> CancelDecisions.cancel(fetched, LATER))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("is FETCHED");
        assertThatThrownBy(() -> CancelDecisions.cancel(failed, LATER))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("is FAILED");
    }

    @Test
    void given_a_cancelled_run_when_its_stored_users_are_persisted_then_they_count_but_it_never_completes() {
        IngestionRun fetching = aRun().withCount(25).withPageSize(10).withStoredPages(1);
        IngestionRun cancelled = applyAll(fetching, CancelDecisions.cancel(fetching, LATER));

        List<RunEvent> events = RunDecisions.usersPersisted(cancelled, "q:1", 10, LATER, LATER);
        IngestionRun after = applyAll(cancelled, events);

        assertThat(events).containsExactly(new UsersPersisted(cancelled.runId(), "q:1", 10, LATER));
        assertThat(events).noneMatch(RunCompleted.class::isInstance);
        assertThat(after.persisted()).isEqualTo(10);
        assertThat(after.status()).isEqualTo(RunStatus.CANCELLED);
    }
}
