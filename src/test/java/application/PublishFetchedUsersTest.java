package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import application.port.in.PublishFetchedUsersUseCase.Outcome;
import application.port.in.RunView;
import application.port.out.PublishUsersPort;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.UserFetched;
import domain.event.UserParked;
import domain.event.UsersParked;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

/** The outbox's use case with a publisher that refuses some users for good: they are parked, never retried. */
class PublishFetchedUsersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String TOO_LARGE = "Kafka refused it for good: RecordTooLargeException: 2097240 bytes";

    private final InMemoryRunStore store = new InMemoryRunStore();
    private final RefusingPublisher kafka = new RefusingPublisher();
    private final List<RunId> madeRoom = new CopyOnWriteArrayList<>();
    private final PublishFetchedUsers publish =
            new PublishFetchedUsers(kafka, store, store, Clock.fixed(NOW, ZoneOffset.UTC), madeRoom::add);
    private final RecordPersistedUsers persisted =
            new RecordPersistedUsers(store, store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ViewRuns views = new ViewRuns(store, store);

    @Test
    void given_a_user_kafka_refuses_when_the_batch_is_published_then_it_is_parked_and_the_others_are_published() {
        RunId runId = fetchedRun(3);
        List<UserFetched> batch = users(runId, "Ann", "Huge", "Bob");

        Outcome outcome = publish.publishFetched(batch);

        assertThat(outcome.published()).containsExactly(batch.get(0), batch.get(2));
        assertThat(outcome.parked()).singleElement().satisfies(parked -> {
            assertThat(parked.userId()).isEqualTo(batch.get(1).user().id());
            assertThat(parked.runId()).isEqualTo(runId);
            assertThat(parked.page()).isEqualTo(1);
            assertThat(parked.reason()).isEqualTo(TOO_LARGE);
            assertThat(parked.parkedAt()).isEqualTo(NOW);
        });
        assertThat(store.users()).containsAll(outcome.parked());
        RunView view = views.findRun(runId.toString()).orElseThrow();
        assertThat(view.parked()).isEqualTo(1);
        assertThat(view.status()).isEqualTo("FETCHED");
        assertThat(view.lastError()).isEqualTo("user " + batch.get(1).user().id() + " parked: " + TOO_LARGE);
        assertThat(kafka.attempts()).isEqualTo(1);
    }

    @Test
    void given_a_parked_user_when_every_other_user_is_persisted_then_the_run_completes_with_parked_shown() {
        RunId runId = fetchedRun(3);
        List<UserFetched> batch = users(runId, "Ann", "Huge", "Bob");
        publish.publishFetched(batch);

        persisted.recordPersisted(runId, List.of(id(batch.get(0)), id(batch.get(2))), "q:1", NOW);

        RunView view = views.findRun(runId.toString()).orElseThrow();
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(view.persisted()).isEqualTo(2);
        assertThat(view.parked()).isEqualTo(1);
        assertThat(view.lastError()).contains(TOO_LARGE);
    }

    @Test
    void given_every_other_user_persisted_first_when_the_last_one_is_parked_then_the_run_completes_at_once() {
        RunId runId = fetchedRun(2);
        List<UserFetched> batch = users(runId, "Ann", "Huge");
        persisted.recordPersisted(runId, List.of(id(batch.get(0))), "q:1", NOW);

        publish.publishFetched(batch);

        assertThat(store.loadHistory(runId))
                .filteredOn(e -> e instanceof UsersParked || e instanceof RunCompleted)
                .containsExactly(
                        new UsersParked(runId, 1, "user " + id(batch.get(1)) + " parked: " + TOO_LARGE, NOW),
                        new RunCompleted(runId, 1, NOW));
        assertThat(views.findRun(runId.toString()).orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void given_users_of_two_runs_refused_when_published_then_each_run_counts_its_own_and_has_room_after_commit() {
        RunId first = fetchedRun(2);
        RunId second = fetchedRun(3);
        List<UserFetched> batch = new ArrayList<>(users(first, "Huge", "Ann"));
        batch.addAll(users(second, "Huge", "Huge", "Bob"));

        Outcome outcome = publish.publishFetched(batch);

        assertThat(views.findRun(first.toString()).orElseThrow().parked()).isEqualTo(1);
        RunView secondView = views.findRun(second.toString()).orElseThrow();
        assertThat(secondView.parked()).isEqualTo(2);
        assertThat(secondView.lastError()).endsWith("(and 1 more users of this run)");
        assertThat(store.loadHistory(second))
                .filteredOn(UsersParked.class::isInstance)
                .hasSize(1);
        assertThat(madeRoom).as("nothing before the caller committed").isEmpty();

        publish.committed(outcome);

        assertThat(madeRoom).containsExactly(first, second);
    }

    @Test
    void given_every_user_acknowledged_when_published_then_nothing_is_parked_or_appended() {
        RunId runId = fetchedRun(2);
        int version = store.loadHistory(runId).size();
        List<UserFetched> batch = users(runId, "Ann", "Bob");

        Outcome outcome = publish.publishFetched(batch);
        publish.committed(outcome);

        assertThat(outcome).isEqualTo(new Outcome(batch, List.of()));
        assertThat(store.loadHistory(runId)).hasSize(version);
        assertThat(madeRoom).isEmpty();
    }

    @Test
    void given_kafka_down_when_published_then_the_failure_propagates_so_the_batch_is_retried_and_nobody_is_parked() {
        RunId runId = fetchedRun(2);
        kafka.down = true;

        assertThatThrownBy(() -> publish.publishFetched(users(runId, "Ann", "Huge")))
                .isInstanceOf(PublishUsersPort.PublishFailedException.class);
        assertThat(views.findRun(runId.toString()).orElseThrow().parked()).isZero();
        assertThat(store.users()).noneMatch(UserParked.class::isInstance);
    }

    @Test
    void given_a_reason_over_500_chars_with_line_breaks_when_parked_then_it_is_one_line_of_500_chars() {
        RunId runId = fetchedRun(1);
        kafka.reason = "line one\nline two " + "x".repeat(1_000);

        Outcome outcome = publish.publishFetched(users(runId, "Huge"));

        assertThat(outcome.parked().get(0).reason())
                .hasSize(PublishFetchedUsers.MAX_REASON_CHARS)
                .doesNotContain("\n")
                .endsWith("...");
    }

    /** Kafka as the outbox sees it: refuses every user named "Huge" for good, or is down. */
    private static final class RefusingPublisher implements PublishUsersPort {
        private int attempts;
        private boolean down;
        private String reason = TOO_LARGE;

        @Override
        public List<Refused> publish(List<UserFetched> users) {
            attempts++;
            if (down) {
                throw new PublishFailedException("no broker answered", null);
            }
            return users.stream()
                    .filter(u -> "Huge".equals(u.user().firstName()))
                    .map(u -> new Refused(u, reason))
                    .toList();
        }

        int attempts() {
            return attempts;
        }
    }

    /** A run of {@code count} users on one page, stored and FETCHED. */
    private RunId fetchedRun(int count) {
        RunId runId = RunId.random();
        List<RunEvent> events =
                new ArrayList<>(RunDecisions.request(runId, count, count, "seed", null, null, null, NOW));
        IngestionRun run = IngestionRun.replay(events);
        events.addAll(RunDecisions.pageStored(run, 1, count, 0, NOW));
        store.append(runId, 0, events, List.of());
        return runId;
    }

    /** The run's users, stored: only users a run fetched count when reported persisted. */
    private List<UserFetched> users(RunId runId, String... firstNames) {
        List<UserFetched> users = new ArrayList<>();
        for (String firstName : firstNames) {
            User user = new User(
                    UserId.of(UUID.randomUUID().toString()),
                    firstName,
                    "Ødegård",
                    "female",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "NO");
            users.add(new UserFetched(runId, 1, user, NOW));
        }
        store.storeUsers(users);
        return users;
    }

    private static UserId id(UserFetched user) {
        return user.user().id();
    }
}
