package adapters.eventstore;

import static adapters.eventstore.AxonEventStoreTest.requested;
import static adapters.eventstore.AxonEventStoreTest.usersOfPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import application.port.in.PublishFetchedUsersUseCase;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.RecordPersistedIdsPort.NewIds;
import application.port.out.StoredUsers;
import domain.event.PageStored;
import domain.event.ReplayRequested;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.PostgresServer;

/** The event store on a real PostgreSQL server: the behaviours of {@link AxonEventStoreTest}, and the run index. */
class PostgresEventStoreIT {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private static PostgresServer server;

    /** A database of its own for each test, on the server shared by the class. */
    private EventStoreSettings settings;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Started by the first test; without the server binaries every test is reported skipped, with the reason. */
    @BeforeEach
    void freshDatabase() {
        if (server == null) {
            server = PostgresServer.start();
        }
        settings = new EventStoreSettings(server.createFreshDatabase(), server.user(), server.password());
    }

    @Test
    void given_a_run_with_a_stored_page_when_the_store_is_reopened_then_its_history_is_unchanged() {
        RunId run = RunId.random();
        List<RunEvent> history = List.of(requested(run), new PageStored(run, 1, 2, 1));
        List<UserEvent> users = usersOfPage(run, 1);
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            store.appendRunEvents().append(run, 0, List.of(history.get(0)), List.of());
            store.appendRunEvents().append(run, 1, List.of(history.get(1)), users);
        }

        try (AxonEventStore reopened = AxonEventStore.open(settings)) {
            assertThat(reopened.loadRunHistory().loadHistory(run)).containsExactlyElementsOf(history);
            // names beyond ASCII, instants to the millisecond: the same users come back
            assertThat(userEventsIn(reopened)).containsExactlyElementsOf(users);
        }
    }

    @Test
    void given_two_writers_from_the_same_version_when_both_append_then_the_second_fails_and_stores_nothing() {
        RunId run = RunId.random();
        try (AxonEventStore first = AxonEventStore.open(settings);
                AxonEventStore second = AxonEventStore.open(settings)) {
            first.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            first.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), usersOfPage(run, 1));

            assertThatThrownBy(() -> second.appendRunEvents()
                            .append(run, 1, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2)))
                    .isInstanceOf(ConcurrentRunUpdateException.class)
                    .hasMessageContaining(run.toString());

            assertThat(first.loadRunHistory().loadHistory(run)).hasSize(2);
            assertThat(userEventsIn(first))
                    .hasSize(3)
                    .extracting(UserEvent::page)
                    .containsOnly(1);
        }
    }

    @Test
    void given_an_unknown_run_when_loaded_then_its_history_is_empty() {
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            assertThat(store.loadRunHistory().loadHistory(RunId.random())).isEmpty();
            assertThat(store.findRuns().findByIdempotencyKey("nobody")).isEmpty();
            assertThat(store.findRuns().publishedCount(RunId.random())).isZero();
        }
    }

    @Test
    void given_runs_in_every_state_when_the_run_index_is_queried_then_it_finds_lists_and_resumes_them() {
        RunId fetching = RunId.random();
        RunId fetched = RunId.random();
        RunId completed = RunId.random();
        RunId failed = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            store.appendRunEvents()
                    .append(fetching, 0, List.of(requestedWith(fetching, "key-fetching", T0)), List.of());
            store.appendRunEvents()
                    .append(
                            fetched,
                            0,
                            List.of(
                                    requestedWith(fetched, "key-fetched", T0.plusSeconds(1)),
                                    new RunFetched(fetched, 10, 0, T0.plusSeconds(2))),
                            List.of());
            store.appendRunEvents()
                    .append(completed, 0, List.of(requestedWith(completed, null, T0.plusSeconds(3))), List.of());
            store.appendRunEvents()
                    .append(
                            completed,
                            1,
                            List.of(
                                    new RunFetched(completed, 10, 0, T0.plusSeconds(4)),
                                    new RunCompleted(completed, 10, T0.plusSeconds(5))),
                            List.of());
            store.appendRunEvents()
                    .append(
                            failed,
                            0,
                            List.of(
                                    requestedWith(failed, "key-failed", T0.plusSeconds(6)),
                                    new RunFailed(failed, "randomuser.me answered 503", T0.plusSeconds(7))),
                            List.of());

            assertThat(store.findRuns().findByIdempotencyKey("key-fetched")).contains(fetched);
            assertThat(store.findRuns().findByIdempotencyKey("key-failed")).contains(failed);
            assertThat(store.findRuns().findByIdempotencyKey("key-unknown")).isEmpty();
            assertThat(store.findRuns().listRecent(10)).containsExactly(failed, completed, fetched, fetching);
            assertThat(store.findRuns().listRecent(2)).containsExactly(failed, completed);
            assertThat(store.findRuns().listUnfinished()).containsExactly(fetching);
            assertThat(store.findRuns().publishedCount(completed)).isZero();
        }
    }

    @Test
    void given_a_completed_run_when_it_is_replayed_then_its_users_read_back_page_by_page_and_the_replay_is_counted() {
        RunId run = RunId.random();
        RunId other = RunId.random();
        List<UserEvent> pageOne = usersOfPage(run, 1);
        // a report counts only users the run fetched
        UserId first = ((UserFetched) pageOne.get(0)).user().id();
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            store.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
            store.appendRunEvents().append(other, 0, List.of(requested(other, null)), List.of());
            store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), pageOne);
            store.appendRunEvents().append(other, 1, List.of(new PageStored(other, 1, 2, 1)), usersOfPage(other, 1));
            store.appendRunEvents().append(run, 2, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2));
            store.recordPersistedIds().recordPersisted(run, 3, 0, List.of(first), n -> List.of());
            store.appendRunEvents().append(run, 3, List.of(new ReplayRequested(run, 1, T0)), List.of());

            List<UserFetched> read = new ArrayList<>();
            long after = StoredUsers.FIRST;
            for (StoredUsers page = null; page == null || !page.end(); after = page.next()) {
                page = store.loadStoredUsers().loadFetchedUsers(run, after, 2);
                read.addAll(page.users());
            }

            assertThat(read)
                    .hasSize(4)
                    .allSatisfy(user -> assertThat(user.runId()).isEqualTo(run));
            assertThat(store.findRuns().listReplaying()).containsExactly(run);
            assertThat(store.recordReplayProgress().recordReplayPublished(run, 1, 4))
                    .isTrue();
            assertThat(store.findRuns().replayPublishedCount(run)).isEqualTo(4);
            assertThat(store.recordPersistedIds().recordPersisted(run, 4, 1, List.of(first), n -> List.of()))
                    .isEqualTo(new NewIds(0, 1));
        }
    }

    @Test
    void given_a_run_with_stored_users_when_the_outbox_publishes_them_then_the_published_count_grows() {
        RunId run = RunId.random();
        List<UserFetched> published = new CopyOnWriteArrayList<>();
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            store.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), usersOfPage(run, 1));
            store.appendRunEvents().append(run, 2, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2));

            try (UsersCreatedOutbox outbox = UsersCreatedOutbox.start(
                    store,
                    batch -> {
                        published.addAll(batch);
                        return new PublishFetchedUsersUseCase.Outcome(batch, List.of());
                    },
                    100)) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() ->
                                assertThat(store.findRuns().publishedCount(run)).isEqualTo(4));
                assertThat(outbox.isRunning()).isTrue();
            }
            assertThat(published).hasSize(4).extracting(UserFetched::page).containsExactlyInAnyOrder(1, 1, 2, 2);
        }
    }

    @Test
    void
            given_a_requested_run_when_another_run_is_requested_with_the_same_idempotency_key_then_it_fails_and_stores_nothing() {
        RunId winner = RunId.random();
        RunId loser = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(settings)) {
            store.appendRunEvents().append(winner, 0, List.of(requestedWith(winner, "airflow-run-7", T0)), List.of());

            assertThatThrownBy(() -> store.appendRunEvents()
                            .append(
                                    loser,
                                    0,
                                    List.of(requestedWith(loser, "airflow-run-7", T0.plusSeconds(1))),
                                    usersOfPage(loser, 1)))
                    .isInstanceOf(ConcurrentRunUpdateException.class)
                    .hasMessageContaining(loser.toString());

            assertThat(store.findRuns().findByIdempotencyKey("airflow-run-7")).contains(winner);
            assertThat(store.loadRunHistory().loadHistory(loser)).isEmpty();
            assertThat(store.findRuns().listRecent(10)).containsExactly(winner);
            assertThat(userEventsIn(store)).isEmpty();
        }
    }

    @Test
    void given_a_running_server_when_probed_then_ok_and_once_the_server_stops_then_a_problem_is_reported() {
        try (PostgresServer own = PostgresServer.start();
                AxonEventStore store =
                        AxonEventStore.open(new EventStoreSettings(own.jdbcUrl(), own.user(), own.password()))) {
            assertThat(store.healthProbe().probe()).isEqualTo("ok");

            own.close();

            assertThat(store.healthProbe().probe()).isNotEqualTo("ok").startsWith("event store unreachable: ");
        }
    }

    private static RunRequested requestedWith(RunId run, String idempotencyKey, Instant at) {
        RunRequested template = requested(run);
        return new RunRequested(
                run,
                template.count(),
                template.pageSize(),
                template.seed(),
                template.nationalities(),
                template.gender(),
                idempotencyKey,
                at);
    }

    private static List<UserEvent> userEventsIn(AxonEventStore store) {
        return StoredEvents.allPayloads(store).stream()
                .filter(UserEvent.class::isInstance)
                .map(UserEvent.class::cast)
                .toList();
    }
}
