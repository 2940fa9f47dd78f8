package domain.run;

import static domain.run.RunBuilder.LATER;
import static domain.run.RunBuilder.REQUESTED_AT;
import static domain.run.RunBuilder.aRun;
import static domain.run.RunBuilder.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import domain.event.PageFetchFailed;
import domain.event.PageStored;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunDecisionsTest {

    private static final String HTTP_503 = "page 3: source unavailable after 6 attempts: HTTP 503";

    @Nested
    class Request {

        private final RunId id = RunId.random();

        @Test
        void given_valid_values_when_requested_then_run_requested_records_them_normalized() {
            List<RunEvent> events = RunDecisions.request(
                    id, 100, 50, "abc", List.of("gb", " fr ", "GB"), "Female", "airflow-run-1", REQUESTED_AT);

            assertThat(events)
                    .containsExactly(new RunRequested(
                            id, 100, 50, "abc", List.of("GB", "FR"), "female", "airflow-run-1", REQUESTED_AT));
        }

        @Test
        void given_no_filters_when_requested_then_any_nationality_and_any_gender() {
            RunRequested requested = (RunRequested) RunDecisions.request(id, 1, 1, "s", null, null, null, REQUESTED_AT)
                    .get(0);

            assertThat(requested.nationalities()).isEmpty();
            assertThat(requested.gender()).isNull();
            assertThat(requested.idempotencyKey()).isNull();
        }

        @Test
        void given_the_limits_when_requested_then_they_are_accepted() {
            assertThat(RunDecisions.request(id, 1_000_000, 5000, "s", List.of(), null, null, REQUESTED_AT))
                    .hasSize(1);
            assertThat(RunDecisions.request(id, 1, 1, "s", List.of(), "male", null, REQUESTED_AT))
                    .hasSize(1);
        }

        @Test
        void given_every_known_nationality_when_requested_then_all_are_accepted() {
            List<String> all = List.of(
                    "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX", "NL", "NO",
                    "NZ", "RS", "TR", "UA", "US");

            RunRequested requested = (RunRequested) RunDecisions.request(id, 10, 10, "s", all, null, null, REQUESTED_AT)
                    .get(0);

            assertThat(requested.nationalities()).containsExactlyElementsOf(all);
        }

        @Test
        void given_count_0_when_requested_then_the_violation_names_the_range_and_the_value() {
            assertThatThrownBy(() -> RunDecisions.request(id, 0, 10, "s", List.of(), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessage("count must be between 1 and 1000000, was 0");
        }

        @Test
        void given_count_above_a_million_when_requested_then_it_is_refused() {
            assertThatThrownBy(() -> RunDecisions.request(id, 1_000_001, 10, "s", List.of(), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("was 1000001");
        }

        @Test
        void given_page_size_6000_when_requested_then_the_violation_names_the_limit() {
            assertThatThrownBy(() -> RunDecisions.request(id, 10, 6000, "s", List.of(), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessage("pageSize must be between 1 and 5000, was 6000");
        }

        @Test
        void given_an_unknown_nationality_when_requested_then_the_violation_names_it() {
            assertThatThrownBy(() ->
                            RunDecisions.request(id, 10, 10, "s", List.of("GB", "XX", "zz"), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageStartingWith("unknown nationality 'XX', 'zz'; known: AU, BR, CA")
                    .hasMessageNotContaining("'GB'");
        }

        @Test
        void given_gender_other_when_requested_then_it_is_refused() {
            assertThatThrownBy(() -> RunDecisions.request(id, 10, 10, "s", List.of(), "other", null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessage("gender must be 'female', 'male' or absent, was 'other'");
        }

        @Test
        void given_a_blank_seed_when_requested_then_it_is_refused() {
            assertThatThrownBy(() -> RunDecisions.request(id, 10, 10, " ", List.of(), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("seed");
            assertThatThrownBy(() -> RunDecisions.request(id, 10, 10, null, List.of(), null, null, REQUESTED_AT))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("seed");
        }

        @Test
        void given_the_decided_event_when_applied_then_the_run_is_requested_with_the_values() {
            IngestionRun run = IngestionRun.replay(
                    RunDecisions.request(id, 25, 10, "abc", List.of("us"), "male", "key", REQUESTED_AT));

            assertThat(run.status()).isEqualTo(RunStatus.REQUESTED);
            assertThat(run.nationalities()).containsExactly("US");
            assertThat(run.gender()).isEqualTo("male");
            assertThat(run.pagesToFetch()).containsExactly(1, 2, 3);
        }
    }

    @Nested
    class NewSeed {

        @Test
        void given_a_random_generator_when_a_seed_is_made_then_it_is_16_lowercase_hex_chars() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 100; i++) {
                assertThat(RunDecisions.newSeed(random)).matches("[0-9a-f]{16}");
            }
        }

        @Test
        void given_two_calls_when_seeds_are_made_then_they_differ() {
            SplittableRandom random = new SplittableRandom();

            assertThat(RunDecisions.newSeed(random)).isNotEqualTo(RunDecisions.newSeed(random));
        }

        @Test
        void given_a_generator_giving_zero_when_a_seed_is_made_then_it_keeps_its_leading_zeros() {
            assertThat(RunDecisions.newSeed(() -> 0L)).isEqualTo("0000000000000000");
        }
    }

    @Nested
    class StorePage {

        @Test
        void given_a_page_not_stored_when_stored_then_page_stored_and_the_run_is_fetching() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            List<RunEvent> events = RunDecisions.pageStored(run, 2, 9, 1, LATER);

            assertThat(events).containsExactly(new PageStored(run.runId(), 2, 9, 1));
            IngestionRun after = applyAll(run, events);
            assertThat(after.status()).isEqualTo(RunStatus.FETCHING);
            assertThat(after.pagesToFetch()).containsExactly(1, 3);
            assertThat(after.fetched()).isEqualTo(9);
            assertThat(after.rejected()).isEqualTo(1);
        }

        @Test
        void given_pages_with_users_kept_with_field_problems_when_stored_then_the_run_counts_them() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();
            run = applyAll(run, RunDecisions.pageStored(run, 1, 10, 0, 3, 1, LATER));

            List<RunEvent> events = RunDecisions.pageStored(run, 2, 9, 1, 2, 2, LATER);

            assertThat(events).containsExactly(new PageStored(run.runId(), 2, 9, 1, 2, 2));
            IngestionRun after = applyAll(run, events);
            assertThat(after.usersWithFieldProblems()).isEqualTo(5);
            assertThat(after.usersWithFieldsNulled()).isEqualTo(3);
            assertThat(applyAll(after, events).usersWithFieldProblems())
                    .as("a page stored twice counts once")
                    .isEqualTo(5);
        }

        @Test
        void given_field_problem_counts_that_do_not_fit_the_accepted_users_when_stored_then_refused() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            assertThatThrownBy(() -> RunDecisions.pageStored(run, 1, 5, 0, 6, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("field problems (6) <= accepted (5)");
            assertThatThrownBy(() -> RunDecisions.pageStored(run, 1, 5, 0, 2, 3, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("users with fields nulled (3)");
        }

        @Test
        void given_the_last_missing_page_when_stored_then_the_run_is_fetched_with_the_totals() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(3, 1);

            List<RunEvent> events = RunDecisions.pageStored(run, 2, 10, 0, LATER);

            assertThat(events)
                    .containsExactly(new PageStored(run.runId(), 2, 10, 0), new RunFetched(run.runId(), 25, 0, LATER));
            IngestionRun after = applyAll(run, events);
            assertThat(after.status()).isEqualTo(RunStatus.FETCHED);
            assertThat(after.allPagesStored()).isTrue();
            assertThat(after.pagesToFetch()).isEmpty();
        }

        @Test
        void given_pages_with_rejected_users_when_every_page_is_stored_then_fetched_plus_rejected_is_every_user_seen() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();
            run = applyAll(run, RunDecisions.pageStored(run, 1, 8, 2, LATER));
            run = applyAll(run, RunDecisions.pageStored(run, 2, 10, 0, LATER));

            List<RunEvent> events = RunDecisions.pageStored(run, 3, 4, 1, LATER);
            IngestionRun after = applyAll(run, events);

            assertThat(events).contains(new RunFetched(run.runId(), 22, 3, LATER));
            assertThat(after.status()).isEqualTo(RunStatus.FETCHED);
            assertThat(after.fetched()).isEqualTo(22);
            assertThat(after.rejected()).isEqualTo(3);
            assertThat(after.fetched() + after.rejected()).isEqualTo(after.count());
        }

        @Test
        void given_a_page_already_stored_when_stored_again_after_a_crash_then_nothing_happens() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(1);

            assertThat(RunDecisions.pageStored(run, 1, 10, 0, LATER)).isEmpty();
        }

        @Test
        void given_a_fetched_run_when_a_page_is_stored_again_then_nothing_happens() {
            IngestionRun run = aRun().fetched();

            assertThat(RunDecisions.pageStored(run, 3, 5, 0, LATER)).isEmpty();
        }

        @Test
        void given_a_page_out_of_range_when_stored_then_it_is_refused() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            assertThatThrownBy(() -> RunDecisions.pageStored(run, 4, 5, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("page 4 is out of range")
                    .hasMessageContaining("1..3");
            assertThatThrownBy(() -> RunDecisions.pageStored(run, 0, 5, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("page 0 is out of range");
        }

        @Test
        void given_more_users_than_the_page_holds_when_stored_then_it_is_refused() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            assertThatThrownBy(() -> RunDecisions.pageStored(run, 3, 5, 1, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("page 3 has 5 users");
            assertThatThrownBy(() -> RunDecisions.pageStored(run, 1, -1, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class);
        }

        @Test
        void given_a_failed_or_completed_run_when_a_page_is_stored_then_it_is_refused() {
            IngestionRun failed = failedRun();
            IngestionRun fetched = aRun().fetched();
            IngestionRun completed = applyAll(fetched, RunDecisions.persisted(fetched, fetched.fetched(), LATER));

            assertThatThrownBy(() -> RunDecisions.pageStored(failed, 1, 10, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("is FAILED");
            assertThatThrownBy(() -> RunDecisions.pageStored(completed, 1, 10, 0, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("is COMPLETED");
        }

        @Test
        void given_every_user_rejected_when_the_last_page_is_stored_then_the_run_completes_at_once() {
            IngestionRun run = aRun().withCount(5).withPageSize(10).build();

            List<RunEvent> events = RunDecisions.pageStored(run, 1, 0, 5, LATER);

            assertThat(events)
                    .containsExactly(
                            new PageStored(run.runId(), 1, 0, 5),
                            new RunFetched(run.runId(), 0, 5, LATER),
                            new RunCompleted(run.runId(), 0, LATER));
            assertThat(applyAll(run, events).status()).isEqualTo(RunStatus.COMPLETED);
        }

        @Test
        void given_users_persisted_before_the_last_page_is_stored_when_it_is_stored_then_the_run_completes() {
            IngestionRun run = aRun().withCount(20).withPageSize(10).withStoredPages(1);
            // the sidecar persisted page 1 and, on a resumed run, page 2's users from a fetch before the crash
            run = run.withPersisted(20);

            List<RunEvent> events = RunDecisions.pageStored(run, 2, 10, 0, LATER);
            IngestionRun after = applyAll(run, events);

            assertThat(events).endsWith(new RunCompleted(run.runId(), 20, LATER));
            assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(after.persisted()).isEqualTo(20);
        }
    }

    @Nested
    class PageFailure {

        @Test
        void given_a_page_that_never_failed_when_it_fails_then_attempt_1_is_recorded() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            List<RunEvent> events = RunDecisions.pageFailed(run, 3, HTTP_503, 5, LATER);

            assertThat(events).containsExactly(new PageFetchFailed(run.runId(), 3, 1, HTTP_503, LATER));
            IngestionRun after = applyAll(run, events);
            assertThat(after.attemptsFor(3)).isEqualTo(1);
            assertThat(after.lastError()).isEqualTo(HTTP_503);
            assertThat(after.status()).isEqualTo(RunStatus.FETCHING);
        }

        @Test
        void
                given_failures_accumulating_when_the_last_allowed_attempt_fails_then_the_run_fails_naming_page_and_error() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(1, 2);
            for (int attempt = 1; attempt <= 4; attempt++) {
                List<RunEvent> events = RunDecisions.pageFailed(run, 3, HTTP_503, 5, LATER);
                assertThat(events).containsExactly(new PageFetchFailed(run.runId(), 3, attempt, HTTP_503, LATER));
                run = applyAll(run, events);
            }

            List<RunEvent> events = RunDecisions.pageFailed(run, 3, HTTP_503, 5, LATER);
            IngestionRun after = applyAll(run, events);

            assertThat(events)
                    .containsExactly(
                            new PageFetchFailed(run.runId(), 3, 5, HTTP_503, LATER),
                            new RunFailed(
                                    run.runId(),
                                    "page 3 failed 5 times, last: page 3: source unavailable after 6 attempts: HTTP 503",
                                    LATER));
            assertThat(after.status()).isEqualTo(RunStatus.FAILED);
            assertThat(after.lastError())
                    .isEqualTo("page 3 failed 5 times, last: page 3: source unavailable after 6 attempts: HTTP 503");
            assertThat(after.pagesToFetch()).containsExactly(3);
        }

        @Test
        void given_failures_of_other_pages_when_a_page_fails_then_its_attempts_are_counted_apart() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();
            run = applyAll(run, RunDecisions.pageFailed(run, 1, "page 1: HTTP 429", 2, LATER));

            List<RunEvent> events = RunDecisions.pageFailed(run, 2, "page 2: HTTP 429", 2, LATER);

            assertThat(events).containsExactly(new PageFetchFailed(run.runId(), 2, 1, "page 2: HTTP 429", LATER));
        }

        @Test
        void given_one_allowed_attempt_when_the_page_fails_then_the_run_fails_at_once() {
            IngestionRun run = aRun().build();

            List<RunEvent> events =
                    RunDecisions.pageFailed(run, 1, "page 1: the source rejected the request: bad", 1, LATER);

            assertThat(events)
                    .hasSize(2)
                    .last()
                    .isEqualTo(new RunFailed(
                            run.runId(),
                            "page 1 failed 1 time, last: page 1: the source rejected the request: bad",
                            LATER));
        }

        @Test
        void given_a_stored_page_when_a_late_failure_is_reported_then_nothing_happens() {
            IngestionRun run = aRun().withStoredPages(1);

            assertThat(RunDecisions.pageFailed(run, 1, "page 1: timeout", 5, LATER))
                    .isEmpty();
        }

        @Test
        void given_a_failed_run_or_a_page_out_of_range_when_a_failure_is_reported_then_it_is_refused() {
            IngestionRun failed = failedRun();
            IngestionRun run = aRun().withCount(25).withPageSize(10).build();

            assertThatThrownBy(() -> RunDecisions.pageFailed(failed, 2, "page 2: timeout", 5, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("is FAILED");
            assertThatThrownBy(() -> RunDecisions.pageFailed(run, 9, "page 9: timeout", 5, LATER))
                    .isInstanceOf(RunRuleViolation.class)
                    .hasMessageContaining("page 9 is out of range");
        }
    }

    @Nested
    class Persisted {

        @Test
        void given_a_fetched_run_when_persisted_reaches_fetched_then_the_run_completes() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).fetched().withPersisted(20);

            List<RunEvent> events = RunDecisions.persisted(run, 5, LATER);
            IngestionRun after = applyAll(run.withPersisted(run.persisted() + 5), events);

            assertThat(events).containsExactly(new RunCompleted(run.runId(), 25, LATER));
            assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(after.persisted()).isEqualTo(25);
            assertThat(after.isFinished()).isTrue();
        }

        @Test
        void given_a_fetched_run_when_persisted_stays_below_fetched_then_nothing_happens() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).fetched();

            assertThat(RunDecisions.persisted(run, 24, LATER)).isEmpty();
        }

        @Test
        void given_a_run_still_fetching_when_users_are_persisted_then_it_does_not_complete() {
            IngestionRun run = aRun().withCount(25).withPageSize(10).withStoredPages(1);

            assertThat(RunDecisions.persisted(run, 10, LATER)).isEmpty();
        }

        @Test
        void given_a_completed_run_when_more_users_are_reported_then_nothing_happens() {
            IngestionRun fetched = aRun().fetched();
            IngestionRun completed = applyAll(fetched.withPersisted(25), RunDecisions.persisted(fetched, 25, LATER));

            assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(RunDecisions.persisted(completed, 3, LATER)).isEmpty();
        }

        @Test
        void given_a_negative_count_when_reported_then_it_is_refused() {
            IngestionRun run = aRun().fetched();

            assertThatThrownBy(() -> RunDecisions.persisted(run, -1, LATER))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void given_a_whole_run_driven_by_its_decisions_when_its_events_are_replayed_then_the_same_state_results() {
        RunId id = RunId.random();
        List<RunEvent> history = new ArrayList<>(RunDecisions.request(
                id, 12, 5, RunDecisions.newSeed(new SplittableRandom(7)), List.of("de"), null, null, REQUESTED_AT));
        IngestionRun run = IngestionRun.replay(history);
        history.addAll(RunDecisions.pageStored(run, 1, 5, 0, LATER));
        run = IngestionRun.replay(history);
        history.addAll(RunDecisions.pageFailed(run, 2, "page 2: timeout", 3, LATER));
        run = IngestionRun.replay(history);
        history.addAll(RunDecisions.pageStored(run, 2, 4, 1, LATER));
        run = IngestionRun.replay(history);
        history.addAll(RunDecisions.pageStored(run, 3, 2, 0, LATER));
        run = IngestionRun.replay(history).withPersisted(9);
        history.addAll(RunDecisions.persisted(run, 2, LATER));

        IngestionRun replayed = IngestionRun.replay(history);

        assertThat(history)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "RunRequested",
                        "PageStored",
                        "PageFetchFailed",
                        "PageStored",
                        "PageStored",
                        "RunFetched",
                        "RunCompleted");
        assertThat(replayed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(replayed.fetched()).isEqualTo(11);
        assertThat(replayed.rejected()).isEqualTo(1);
        assertThat(replayed.persisted()).isEqualTo(11);
        assertThat(replayed.attemptsFor(2)).isEqualTo(1);
    }

    private static IngestionRun failedRun() {
        IngestionRun run = aRun().build();
        return applyAll(run, RunDecisions.pageFailed(run, 1, "page 1: HTTP 400", 1, LATER));
    }
}
