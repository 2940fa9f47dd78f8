package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import domain.event.PageStored;
import domain.event.RunCancelled;
import domain.event.RunEvent;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserRejected;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AxonEventStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_a_run_with_a_stored_page_when_the_store_is_reopened_then_its_history_is_unchanged() {
        RunId run = RunId.random();
        List<RunEvent> history = List.of(requested(run), new PageStored(run, 1, 2, 1));
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(history.get(0)), List.of());
            store.appendRunEvents().append(run, 1, List.of(history.get(1)), usersOfPage(run, 1));
        }

        try (AxonEventStore reopened = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(reopened.loadRunHistory().loadHistory(run)).containsExactlyElementsOf(history);
            assertThat(userEventsIn(reopened))
                    .hasSize(3)
                    .allSatisfy(event -> assertThat(event.runId()).isEqualTo(run));
        }
    }

    @Test
    void
            given_two_writers_from_the_same_version_when_both_append_then_the_second_fails_stores_nothing_and_leaves_no_gap() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), usersOfPage(run, 1));

            assertThatThrownBy(() -> store.appendRunEvents()
                            .append(run, 1, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2)))
                    .isInstanceOf(ConcurrentRunUpdateException.class)
                    .hasMessageContaining(run.toString());

            assertThat(store.loadRunHistory().loadHistory(run)).hasSize(2);
            assertThat(userEventsIn(store)).extracting(UserEvent::page).containsOnly(1);
            // ids taken by a rolled-back insert would be gaps the outbox's reader carries for a minute
            store.appendRunEvents().append(run, 2, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2));
            List<TrackedEventMessage<?>> all = StoredEvents.trackedAfter(store, null);
            assertThat(((GapAwareTrackingToken) all.get(all.size() - 1).trackingToken()).getGaps())
                    .isEmpty();
        }
    }

    @Test
    void
            given_an_append_that_commits_after_later_ones_when_the_outbox_reads_on_from_its_token_then_it_gets_the_late_events()
                    throws Exception {
        RunId late = RunId.random();
        RunId early = RunId.random();
        List<UserEvent> lateUsers = usersOfPage(late, 1);
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(late, 0, List.of(requested(late)), List.of());
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Thread slowWriter = new Thread(() -> store.transactions().executeInTransaction(() -> {
                store.appendRunEvents().append(late, 1, List.of(new PageStored(late, 1, 2, 1)), lateUsers);
                appended.countDown();
                awaitQuietly(commit);
            }));
            slowWriter.start();
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            store.appendRunEvents().append(early, 0, List.of(requested(early, "airflow-run-2")), List.of());
            store.appendRunEvents().append(early, 1, List.of(new PageStored(early, 1, 2, 1)), usersOfPage(early, 1));
            // a rolled-back append leaves ids that are never filled: the reader must skip them, not wait
            assertThatThrownBy(() -> store.appendRunEvents()
                            .append(early, 1, List.of(new PageStored(early, 2, 2, 1)), usersOfPage(early, 2)))
                    .isInstanceOf(ConcurrentRunUpdateException.class);
            store.appendRunEvents().append(early, 2, List.of(new PageStored(early, 2, 2, 1)), usersOfPage(early, 2));

            List<TrackedEventMessage<?>> beforeCommit = StoredEvents.trackedAfter(store, null);
            commit.countDown();
            slowWriter.join(10_000);
            TrackingToken reachedBeforeCommit =
                    beforeCommit.get(beforeCommit.size() - 1).trackingToken();
            store.appendRunEvents().append(early, 3, List.of(new PageStored(early, 3, 0, 0)), List.of());
            List<TrackedEventMessage<?>> afterCommit = StoredEvents.trackedAfter(store, reachedBeforeCommit);

            assertThat(payloadsOf(beforeCommit))
                    .noneMatch(payload ->
                            payload instanceof UserEvent user && user.runId().equals(late));
            assertThat(payloadsOf(afterCommit))
                    .containsExactly(
                            new PageStored(late, 1, 2, 1),
                            lateUsers.get(0),
                            lateUsers.get(1),
                            lateUsers.get(2),
                            new PageStored(early, 3, 0, 0));
        }
    }

    /** The payloads, a stored page's users as their events. */
    private static List<Object> payloadsOf(List<TrackedEventMessage<?>> events) {
        return events.stream()
                .<Object>flatMap(event -> event.getPayload() instanceof StoredUserPage page
                        ? page.events().stream()
                        : java.util.stream.Stream.of(event.getPayload()))
                .toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void given_a_cancelled_run_when_the_unfinished_runs_are_listed_then_it_is_not_among_them() {
        RunId fetching = RunId.random();
        RunId cancelled = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(fetching, 0, List.of(requested(fetching, null)), List.of());
            store.appendRunEvents().append(cancelled, 0, List.of(requested(cancelled, null)), List.of());
            store.appendRunEvents().append(cancelled, 1, List.of(new RunCancelled(cancelled, NOW)), List.of());

            assertThat(store.findRuns().listUnfinished()).containsExactly(fetching);
        }
    }

    @Test
    void given_an_unknown_run_when_loaded_then_its_history_is_empty() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(store.loadRunHistory().loadHistory(RunId.random())).isEmpty();
        }
    }

    @Test
    void given_a_url_of_another_database_then_the_settings_name_the_supported_ones() {
        assertThatThrownBy(() -> new EventStoreSettings("jdbc:mysql://localhost/events", "u", "p"))
                .hasMessage(
                        "event store URL must be jdbc:h2:... or jdbc:postgresql:..., was 'jdbc:mysql://localhost/events'");
    }

    static RunRequested requested(RunId run) {
        return requested(run, "airflow-run-1");
    }

    static RunRequested requested(RunId run, String idempotencyKey) {
        return new RunRequested(run, 10, 5, "abcdef0123456789", List.of("GB", "NL"), null, idempotencyKey, NOW);
    }

    static List<UserEvent> usersOfPage(RunId run, int page) {
        return List.of(
                new UserFetched(run, page, user("Ægir", "Ødegård"), NOW),
                new UserFetched(run, page, user("Zeynep", "Öztürk"), NOW),
                new UserRejected(
                        run, page, "{\"login\":{}}", "login.uuid is missing: the user cannot be identified", NOW));
    }

    static User user(String first, String last) {
        return new User(
                new UserId(UUID.randomUUID()),
                first,
                last,
                "female",
                "12 Storgata, Oslo, Oslo, Norway",
                "0150",
                first.toLowerCase() + "@example.com",
                "user" + first.length(),
                Instant.parse("1990-01-02T03:04:05.678Z"),
                Instant.parse("2015-06-07T08:09:10.111Z"),
                "55 55 55 55",
                "https://randomuser.me/api/portraits/women/1.jpg",
                "NO");
    }

    private static List<UserEvent> userEventsIn(AxonEventStore store) {
        return StoredEvents.allPayloads(store).stream()
                .filter(UserEvent.class::isInstance)
                .map(UserEvent.class::cast)
                .toList();
    }
}
