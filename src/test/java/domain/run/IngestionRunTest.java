package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.REQUESTED_AT;
import static domain.run.RunBuilder.aRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import domain.event.PageFetchFailed;
import domain.event.PageStored;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import org.junit.jupiter.api.Test;

class IngestionRunTest {

    private static final Instant T1 = Instant.parse("2026-11-25T10:01:00Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:02:00Z");

    @Test
    void given_a_full_happy_history_when_replayed_then_the_run_is_completed_with_every_count() {
        RunBuilder builder = aRun().withCount(25).withPageSize(10);
        RunRequested requested = builder.requested();
        RunId id = builder.runId();
        List<RunEvent> history = List.of(
                requested,
                new PageStored(id, 1, 10, 0),
                new PageFetchFailed(id, 2, 1, "page 2: source unavailable after 6 attempts: HTTP 503", T1),
                new PageStored(id, 2, 9, 1),
                new PageStored(id, 3, 5, 0),
                new RunFetched(id, 24, 1, T2),
                new RunCompleted(id, 24, LATER));

        IngestionRun run = IngestionRun.replay(history);

        assertThat(run.runId()).isEqualTo(id);
        assertThat(run.count()).isEqualTo(25);
        assertThat(run.pageSize()).isEqualTo(10);
        assertThat(run.seed()).isEqualTo("0123456789abcdef");
        assertThat(run.nationalities()).containsExactly("GB", "FR");
        assertThat(run.gender()).isNull();
        assertThat(run.idempotencyKey()).isEqualTo("manual__2026-11-25");
        assertThat(run.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.storedPages()).containsExactly(1, 2, 3);
        assertThat(run.fetched()).isEqualTo(24);
        assertThat(run.rejected()).isEqualTo(1);
        assertThat(run.persisted()).isEqualTo(24);
        assertThat(run.pageFailures()).containsEntry(2, 1).hasSize(1);
        assertThat(run.lastError()).isEqualTo("page 2: source unavailable after 6 attempts: HTTP 503");
        assertThat(run.pagesToFetch()).isEmpty();
        assertThat(run.allPagesStored()).isTrue();
        assertThat(run.isFinished()).isTrue();
    }

    @Test
    void given_a_requested_run_when_replayed_then_it_is_requested_with_every_page_to_fetch() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).build();

        assertThat(run.status()).isEqualTo(RunStatus.REQUESTED);
        assertThat(run.pagesToFetch()).containsExactly(1, 2, 3);
        assertThat(run.allPagesStored()).isFalse();
        assertThat(run.fetched()).isZero();
        assertThat(run.rejected()).isZero();
        assertThat(run.persisted()).isZero();
        assertThat(run.lastError()).isNull();
    }

    @Test
    void
            given_some_pages_stored_out_of_order_when_resuming_after_a_crash_then_the_missing_pages_come_in_ascending_order() {
        RunBuilder builder = aRun().withCount(50).withPageSize(10);
        RunId id = builder.runId();

        IngestionRun run = IngestionRun.replay(List.of(
                builder.requested(),
                new PageStored(id, 4, 10, 0),
                new PageStored(id, 1, 10, 0),
                new PageStored(id, 2, 10, 0)));

        assertThat(run.status()).isEqualTo(RunStatus.FETCHING);
        assertThat(run.pagesToFetch()).containsExactly(3, 5);
        assertThat(run.allPagesStored()).isFalse();
        assertThat(run.fetched()).isEqualTo(30);
    }

    @Test
    void given_a_count_that_is_not_a_multiple_of_the_page_size_when_asked_then_the_last_page_is_smaller() {
        IngestionRun run = aRun().withCount(12_345).withPageSize(5000).build();

        assertThat(run.pageCount()).isEqualTo(3);
        assertThat(run.resultsOnPage(1)).isEqualTo(5000);
        assertThat(run.resultsOnPage(2)).isEqualTo(5000);
        assertThat(run.resultsOnPage(3)).isEqualTo(2345);
    }

    @Test
    void given_a_count_that_is_a_multiple_of_the_page_size_when_asked_then_every_page_is_full() {
        IngestionRun run = aRun().withCount(30).withPageSize(10).build();

        assertThat(run.pageCount()).isEqualTo(3);
        assertThat(run.resultsOnPage(3)).isEqualTo(10);
    }

    @Test
    void given_a_page_size_above_the_count_when_asked_then_there_is_one_page_of_count_users() {
        IngestionRun run = aRun().withCount(7).withPageSize(5000).build();

        assertThat(run.pageCount()).isEqualTo(1);
        assertThat(run.resultsOnPage(1)).isEqualTo(7);
        assertThat(run.pagesToFetch()).containsExactly(1);
    }

    @Test
    void given_a_page_out_of_range_when_asking_its_size_then_it_is_refused() {
        IngestionRun run = aRun().withCount(25).withPageSize(10).build();

        assertThatThrownBy(() -> run.resultsOnPage(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page 4")
                .hasMessageContaining("1..3");
        assertThatThrownBy(() -> run.resultsOnPage(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_page_already_stored_when_a_second_page_stored_is_applied_then_it_is_ignored() {
        RunBuilder builder = aRun().withCount(25).withPageSize(10);
        IngestionRun once =
                IngestionRun.replay(List.of(builder.requested(), new PageStored(builder.runId(), 1, 10, 0)));

        IngestionRun twice = once.apply(new PageStored(builder.runId(), 1, 10, 0));

        assertThat(twice).isEqualTo(once);
        assertThat(twice.fetched()).isEqualTo(10);
    }

    @Test
    void given_failed_attempts_when_replayed_then_attempts_per_page_and_the_last_error_are_kept() {
        RunBuilder builder = aRun().withCount(25).withPageSize(10);
        RunId id = builder.runId();

        IngestionRun run = IngestionRun.replay(List.of(
                builder.requested(),
                new PageFetchFailed(id, 1, 1, "page 1: HTTP 503", T1),
                new PageFetchFailed(id, 1, 2, "page 1: timeout", T1),
                new PageFetchFailed(id, 3, 1, "page 3: HTTP 429", T2)));

        assertThat(run.status()).isEqualTo(RunStatus.FETCHING);
        assertThat(run.attemptsFor(1)).isEqualTo(2);
        assertThat(run.attemptsFor(2)).isZero();
        assertThat(run.attemptsFor(3)).isEqualTo(1);
        assertThat(run.lastError()).isEqualTo("page 3: HTTP 429");
    }

    @Test
    void given_a_failed_run_when_replayed_then_it_is_failed_with_its_reason() {
        RunBuilder builder = aRun();
        RunId id = builder.runId();

        IngestionRun run = IngestionRun.replay(List.of(
                builder.requested(),
                new PageFetchFailed(id, 1, 1, "page 1: HTTP 400", T1),
                new RunFailed(id, "page 1 failed 1 time, last: page 1: HTTP 400", T1)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.lastError()).isEqualTo("page 1 failed 1 time, last: page 1: HTTP 400");
        assertThat(run.pagesToFetch()).containsExactly(1, 2, 3);
    }

    @Test
    void given_a_fetched_run_when_the_persisted_total_is_set_then_only_that_changes() {
        IngestionRun fetched = aRun().fetched();

        IngestionRun run = fetched.withPersisted(20);

        assertThat(run.persisted()).isEqualTo(20);
        assertThat(run.status()).isEqualTo(RunStatus.FETCHED);
        assertThat(run.withPersisted(0)).isEqualTo(fetched);
    }

    @Test
    void given_an_empty_history_or_one_without_run_requested_first_when_replayed_then_it_is_refused() {
        RunId id = aRun().runId();

        assertThatThrownBy(() -> IngestionRun.replay(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> IngestionRun.replay(List.of(new PageStored(id, 1, 10, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with RunRequested");
    }

    @Test
    void given_an_event_of_another_run_when_applied_then_it_is_refused() {
        IngestionRun run = aRun().build();
        RunId other = RunId.of("00000000-0000-0000-0000-000000000002");

        assertThatThrownBy(() -> run.apply(new PageStored(other, 1, 10, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(other.toString());
    }

    @Test
    void given_a_run_state_when_its_collections_are_modified_then_it_refuses() {
        IngestionRun run = aRun().withStoredPages(1);

        assertThatThrownBy(() -> run.storedPages().add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> run.pageFailures().put(2, 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> run.nationalities().add("US")).isInstanceOf(UnsupportedOperationException.class);
    }
}
