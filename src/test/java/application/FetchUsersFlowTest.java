package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import application.port.in.FetchUsersCommand;
import application.port.in.InvalidCommandException;
import application.port.in.RunView;
import application.port.out.AppendRunEventsPort;
import application.port.out.UserSourceException;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserRejected;
import domain.run.IngestionRun;
import domain.run.RunId;
import domain.run.RunRuleViolation;
import domain.user.FieldProblem;
import domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchUsersFlowTest {

    private final InMemoryRunStore store = new InMemoryRunStore();
    private final ScriptedSource source = new ScriptedSource();
    private final FetchRunPages fetcher = new FetchRunPages(
            source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(3, 3, Duration.ofMillis(10), 0));
    private final RequestUserFetch requestFetch =
            new RequestUserFetch(store, store, store, fetcher, Clock.systemUTC(), new Random(7), 100);
    private final ViewRuns views = new ViewRuns(store, store);

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @Test
    void given_a_request_for_250_users_when_it_runs_then_three_pages_are_stored_and_the_run_is_fetched() {
        RunView started = requestFetch.requestFetch(command(250, null));

        RunView done = awaitStatus(started.runId(), "FETCHED");

        assertThat(done.fetched()).isEqualTo(250);
        assertThat(done.pagesStored()).isEqualTo(3);
        assertThat(store.users()).hasSize(250);
        assertThat(store.users().stream()
                        .map(e -> ((UserFetched) e).user().id())
                        .distinct())
                .hasSize(250);
        assertThat(source.queries()).extracting(q -> q.results()).containsExactly(100, 100, 100);
        assertThat(started.seed()).matches("[0-9a-f]{16}");
    }

    @Test
    void given_the_same_idempotency_key_twice_then_one_run_is_started() {
        RunView first = requestFetch.requestFetch(command(10, "airflow-run-1"));
        RunView second = requestFetch.requestFetch(command(10, "airflow-run-1"));

        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(views.listRuns(10)).hasSize(1);
    }

    @Test
    void given_invalid_profiles_when_a_page_is_stored_then_they_are_rejected_with_a_reason_not_dropped() {
        source.withInvalidEvery(10);

        RunView done = awaitStatus(requestFetch.requestFetch(command(100, null)).runId(), "FETCHED");

        assertThat(done.fetched()).isEqualTo(90);
        assertThat(done.rejected()).isEqualTo(10);
        assertThat(store.users())
                .filteredOn(UserRejected.class::isInstance)
                .hasSize(10)
                .allSatisfy(e -> assertThat(((UserRejected) e).reason()).contains("login.uuid"));
    }

    @Test
    void given_profiles_with_malformed_optional_fields_when_a_page_is_stored_then_every_user_is_kept_and_counted() {
        source.withBadEmailEvery(10).withNumericFirstNameEvery(4);

        RunView done = awaitStatus(requestFetch.requestFetch(command(100, null)).runId(), "FETCHED");

        assertThat(done.fetched()).isEqualTo(100);
        assertThat(done.rejected()).isZero();
        assertThat(done.usersWithFieldProblems()).isEqualTo(10 + 25 - 5); // every 20th has both
        assertThat(done.usersWithFieldsNulled()).isEqualTo(10);
        assertThat(store.users())
                .map(e -> ((UserFetched) e).user())
                .filteredOn(user -> user.email() == null)
                .hasSize(10)
                .allSatisfy(user -> assertThat(user.fieldProblems())
                        .extracting(FieldProblem::field)
                        .contains("email"));
    }

    @Test
    void given_a_source_that_fails_twice_when_the_run_retries_then_it_completes_and_shows_the_last_error() {
        source.failNext(new UserSourceException.MalformedPage(1, "body is not JSON: '<html>'", null))
                .failNext(new UserSourceException.Unavailable(1, 6, "HTTP 503", null));

        RunView done = awaitStatus(requestFetch.requestFetch(command(100, null)).runId(), "FETCHED");

        assertThat(done.fetched()).isEqualTo(100);
        assertThat(done.lastError()).contains("HTTP 503");
        assertThat(source.queries()).hasSize(3);
    }

    @Test
    void given_a_source_that_keeps_failing_when_attempts_run_out_then_the_run_fails_with_the_source_error() {
        for (int i = 0; i < 3; i++) {
            source.failNext(new UserSourceException.RejectedRequest(1, "Uh oh, something has gone wrong"));
        }

        RunView failed =
                awaitStatus(requestFetch.requestFetch(command(100, null)).runId(), "FAILED");

        assertThat(failed.lastError()).contains("page 1").contains("Uh oh, something has gone wrong");
    }

    @Test
    void given_a_run_interrupted_after_its_first_page_when_resumed_then_only_the_missing_pages_are_fetched() {
        source.holdPagesAfter(1);
        FetchRunPages crashed = new FetchRunPages(
                source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(1, 3, Duration.ofMillis(10), 0));
        RequestUserFetch request =
                new RequestUserFetch(store, store, store, crashed, Clock.systemUTC(), new Random(1), 100);
        String runId = request.requestFetch(command(300, null)).runId();
        await().until(() -> views.findRun(runId).orElseThrow().pagesStored() == 1);
        crashed.close();
        source.release();

        List<?> resumed = new ResumeUnfinishedRuns(store, fetcher).resume();

        RunView done = awaitStatus(runId, "FETCHED");
        assertThat(resumed).hasSize(1);
        assertThat(done.fetched()).isEqualTo(300);
        assertThat(store.users()).hasSize(300);
        assertThat(source.queries()).extracting(query -> query.page()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void given_a_limit_on_users_in_flight_when_none_are_reported_persisted_then_the_next_page_waits_for_the_sidecar() {
        FetchRunPages throttled = new FetchRunPages(
                source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(1, 3, Duration.ofMillis(10), 100));
        RequestUserFetch request =
                new RequestUserFetch(store, store, store, throttled, Clock.systemUTC(), new Random(3), 100);
        RecordPersistedUsers sidecarReports =
                new RecordPersistedUsers(store, store, Clock.systemUTC(), throttled::start);
        try (throttled) {
            String runId = request.requestFetch(command(300, null)).runId();

            // page 1 fills the limit of 100: page 2 is not fetched while none of them is persisted
            await().during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> views.findRun(runId).orElseThrow().pagesStored() == 1);
            assertThat(source.queries()).hasSize(1);

            for (int page = 1; page <= 3; page++) {
                int stored = page;
                await().until(() -> views.findRun(runId).orElseThrow().pagesStored() == stored);
                sidecarReports.recordPersisted(RunId.of(runId), idsOfPage(page), "q:" + page, Instant.now());
            }

            RunView done = awaitStatus(runId, "COMPLETED");
            assertThat(done.persisted()).isEqualTo(300);
            assertThat(source.queries()).extracting(query -> query.page()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void given_concurrent_pages_and_a_limit_on_users_in_flight_then_the_run_never_exceeds_it_by_a_page_or_more() {
        int limit = 10;
        int pageSize = 5;
        source.withLatency(Duration.ofMillis(150));
        InFlightWatch watch = new InFlightWatch(store);
        FetchRunPages throttled = new FetchRunPages(
                source,
                watch,
                store,
                Clock.systemUTC(),
                new FetchRunPages.Settings(4, 3, Duration.ofMillis(10), limit));
        RequestUserFetch request =
                new RequestUserFetch(store, store, store, throttled, Clock.systemUTC(), new Random(5), pageSize);
        RecordPersistedUsers sidecarReports =
                new RecordPersistedUsers(store, store, Clock.systemUTC(), throttled::start);
        try (throttled) {
            // four workers take four pages at once: each must count the pages the others are fetching
            String runId = request.requestFetch(command(40, null)).runId();

            // the sidecar reports each stored page, in whatever order the pages were stored
            Set<Integer> reported = new HashSet<>();
            while (reported.size() < 8) {
                Set<Integer> stored = await().atMost(Duration.ofSeconds(10))
                        .until(() -> storedPages(runId), pages -> !reported.containsAll(pages));
                for (int page : stored) {
                    if (reported.add(page)) {
                        sidecarReports.recordPersisted(RunId.of(runId), idsOfPage(page), "q:" + page, Instant.now());
                    }
                }
            }

            assertThat(awaitStatus(runId, "COMPLETED").persisted()).isEqualTo(40);
            assertThat(watch.inFlightAfterEachAppend())
                    .isNotEmpty()
                    .allSatisfy(inFlight -> assertThat(inFlight).isLessThan(limit + pageSize));
        }
    }

    private Set<Integer> storedPages(String runId) {
        return Set.copyOf(
                IngestionRun.replay(store.loadHistory(RunId.of(runId))).storedPages());
    }

    /** Checks the run after every append: fetched - persisted, as the limit counts it. */
    private static final class InFlightWatch implements AppendRunEventsPort {
        private final InMemoryRunStore store;
        private final List<Integer> inFlight = new CopyOnWriteArrayList<>();

        InFlightWatch(InMemoryRunStore store) {
            this.store = store;
        }

        @Override
        public void append(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
            store.append(runId, expectedVersion, runEvents, userEvents);
            inFlight.add(IngestionRun.replay(store.loadHistory(runId)).usersInFlight());
        }

        List<Integer> inFlightAfterEachAppend() {
            return List.copyOf(inFlight);
        }
    }

    private List<UserId> idsOfPage(int page) {
        return store.users().stream()
                .filter(event -> event instanceof UserFetched fetched && fetched.page() == page)
                .map(event -> ((UserFetched) event).user().id())
                .toList();
    }

    @Test
    void given_bad_input_then_the_error_names_the_field_or_the_rule() {
        assertThatThrownBy(() -> command(0, null))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage("count: must be between 1 and 1000000, was 0");
        assertThatThrownBy(() -> requestFetch.requestFetch(new FetchUsersCommand(5, List.of("XX"), null, null, null)))
                .isInstanceOf(RunRuleViolation.class)
                .hasMessageContaining("XX");
    }

    private static FetchUsersCommand command(int count, String key) {
        return new FetchUsersCommand(count, List.of("GB"), null, null, key);
    }

    private RunView awaitStatus(String runId, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> views.findRun(runId).orElseThrow(),
                        view -> view.status().equals(status));
    }
}
