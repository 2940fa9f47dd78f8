package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import application.port.in.FetchUsersCommand;
import application.port.in.RunConflictException;
import application.port.in.RunView;
import domain.event.RunCancelled;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CancelRunTest {

    private final InMemoryRunStore store = new InMemoryRunStore();
    private final ScriptedSource source = new ScriptedSource();
    private final FetchRunPages fetcher = new FetchRunPages(
            source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(1, 3, Duration.ofMillis(10), 0));
    private final RequestUserFetch requestFetch =
            new RequestUserFetch(store, store, store, fetcher, Clock.systemUTC(), new Random(11), 100);
    private final CancelRun cancel = new CancelRun(store, store, store, Clock.systemUTC());
    private final ViewRuns views = new ViewRuns(store, store);

    @AfterEach
    void stop() {
        source.release();
        fetcher.close();
    }

    @Test
    void given_a_run_fetching_when_cancelled_then_no_page_more_is_stored_or_asked_for_and_it_is_not_resumed() {
        String runId = runWithFirstPageStored();

        RunView cancelled = cancel.cancel(runId).orElseThrow();
        source.release(); // page 2 was being fetched: it comes back, and is not stored
        await().until(() -> source.queries().stream().anyMatch(query -> query.page() == 2));
        fetcher.close();

        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(views.findRun(runId).orElseThrow())
                .extracting(RunView::status, RunView::pagesStored, RunView::fetched)
                .containsExactly("CANCELLED", 1, 100);
        assertThat(store.users()).hasSize(100);
        assertThat(source.queries()).extracting(query -> query.page()).doesNotContain(3);
        assertThat(new ResumeUnfinishedRuns(store, fetcher).resume()).isEmpty();
    }

    @Test
    void given_a_cancelled_run_when_cancelled_again_then_it_answers_the_run_and_records_nothing_more() {
        String runId = runWithFirstPageStored();

        cancel.cancel(runId);
        RunView again = cancel.cancel(runId).orElseThrow();

        assertThat(again.status()).isEqualTo("CANCELLED");
        assertThat(store.loadHistory(RunId.of(runId)))
                .filteredOn(RunCancelled.class::isInstance)
                .hasSize(1);
    }

    @Test
    void given_a_cancelled_run_when_its_stored_users_are_reported_persisted_then_they_count_and_it_stays_cancelled() {
        String runId = runWithFirstPageStored();
        cancel.cancel(runId);
        List<UserId> stored = store.users().stream()
                .map(user -> ((UserFetched) user).user().id())
                .toList();

        new RecordPersistedUsers(store, store, Clock.systemUTC())
                .recordPersisted(RunId.of(runId), stored, "q:1", java.time.Instant.now());

        assertThat(views.findRun(runId).orElseThrow())
                .extracting(RunView::status, RunView::persisted)
                .containsExactly("CANCELLED", 100);
    }

    @Test
    void given_no_such_run_or_a_run_with_every_page_stored_when_cancelled_then_not_found_or_conflict() {
        String fetched = requestFetch
                .requestFetch(new FetchUsersCommand(10, List.of(), null, null, null))
                .runId();
        await().until(() -> views.findRun(fetched).orElseThrow().status().equals("FETCHED"));

        assertThat(cancel.cancel(RunId.random().toString())).isEmpty();
        assertThat(cancel.cancel("not-a-run-id")).isEmpty();
        assertThatThrownBy(() -> cancel.cancel(fetched))
                .isInstanceOf(RunConflictException.class)
                .hasMessageContaining("is FETCHED");
    }

    /** A run of 3 pages whose page 1 is stored and whose page 2 the source holds back. */
    private String runWithFirstPageStored() {
        source.holdPagesAfter(1);
        String runId = requestFetch
                .requestFetch(new FetchUsersCommand(300, List.of(), null, null, null))
                .runId();
        await().until(() -> views.findRun(runId).orElseThrow().pagesStored() == 1);
        return runId;
    }
}
