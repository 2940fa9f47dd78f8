package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import application.PublishFetchedUsers;
import application.RecordPersistedUsers;
import application.port.out.PublishUsersPort;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserParked;
import domain.event.UsersParked;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on the real event store (H2) with a Kafka that refuses one user for good: the user is
 * parked in the outbox's own transaction, the outbox goes on with the users behind it, and the run
 * completes without it.
 */
class UsersCreatedOutboxTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path directory;

    private final List<UserFetched> sent = new CopyOnWriteArrayList<>();
    private final List<RunId> madeRoom = new CopyOnWriteArrayList<>();

    @Test
    void given_a_user_kafka_refuses_for_good_when_the_outbox_publishes_then_it_is_parked_and_the_run_completes() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            List<UserFetched> users = storeFetchedRun(store, run, "Ann", "Huge", "Bob", "Cid", "Dan", "Eve");
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            new RecordPersistedUsers(store.loadRunHistory(), store.recordPersistedIds(), clock)
                    .recordPersisted(
                            run,
                            users.stream()
                                    .filter(u -> !u.user().firstName().equals("Huge"))
                                    .map(u -> u.user().id())
                                    .toList(),
                            "q:1",
                            NOW);
            PublishFetchedUsers publish = new PublishFetchedUsers(
                    new RefusingKafka(), store.appendRunEvents(), store.loadRunHistory(), clock, madeRoom::add);

            try (UsersCreatedOutbox outbox = UsersCreatedOutbox.start(store, publish, 2)) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() ->
                                assertThat(store.findRuns().publishedCount(run)).isEqualTo(5));
                await().atMost(Duration.ofSeconds(10)).until(() -> madeRoom.contains(run));
                assertThat(outbox.isRunning()).isTrue();
            }

            assertThat(sent).extracting(u -> u.user().firstName()).containsOnlyOnce("Huge");
            List<RunEvent> history = store.loadRunHistory().loadHistory(run);
            assertThat(history).last().isEqualTo(new RunCompleted(run, 5, NOW));
            assertThat(history).filteredOn(UsersParked.class::isInstance).hasSize(1);
            IngestionRun state = IngestionRun.replay(history);
            assertThat(state.parked()).isEqualTo(1);
            assertThat(state.lastError()).contains("parked", "RecordTooLargeException");
            assertThat(StoredEvents.allPayloads(store))
                    .filteredOn(UserParked.class::isInstance)
                    .singleElement()
                    .isEqualTo(new UserParked(
                            run,
                            1,
                            users.get(1).user().id(),
                            "Kafka refused it for good: RecordTooLargeException: too large",
                            NOW));
        }
    }

    /** Refuses every user named "Huge", acknowledges the rest; remembers every user it was handed. */
    private final class RefusingKafka implements PublishUsersPort {
        @Override
        public List<Refused> publish(List<UserFetched> users) {
            sent.addAll(users);
            return users.stream()
                    .filter(u -> u.user().firstName().equals("Huge"))
                    .map(u -> new Refused(u, "Kafka refused it for good: RecordTooLargeException: too large"))
                    .toList();
        }
    }

    /** A run of these users, two a page, every page stored: FETCHED. */
    private static List<UserFetched> storeFetchedRun(AxonEventStore store, RunId run, String... firstNames) {
        List<RunEvent> events = RunDecisions.request(run, firstNames.length, 2, "seed", null, null, null, NOW);
        store.appendRunEvents().append(run, 0, events, List.of());
        IngestionRun state = IngestionRun.replay(events);
        int version = events.size();
        List<UserFetched> all = new ArrayList<>();
        for (int page = 1; page <= state.pageCount(); page++) {
            List<UserEvent> users = new ArrayList<>();
            for (int i = (page - 1) * 2; i < Math.min(firstNames.length, page * 2); i++) {
                UserFetched user = new UserFetched(run, page, AxonEventStoreTest.user(firstNames[i], "Ødegård"), NOW);
                users.add(user);
                all.add(user);
            }
            List<RunEvent> stored = RunDecisions.pageStored(state, page, users.size(), 0, NOW);
            store.appendRunEvents().append(run, version, stored, users);
            for (RunEvent event : stored) {
                state = state.apply(event);
            }
            version += stored.size();
        }
        return all;
    }
}
