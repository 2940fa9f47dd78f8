package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import adapters.eventstore.AxonEventStore;
import adapters.eventstore.EventStoreSettings;
import application.RecordPersistedUsers;
import application.ViewRuns;
import application.port.in.RecordPersistedUsersUseCase;
import application.port.in.RunView;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.user.UserId;
import embedded.EmbeddedCluster;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import testsupport.SharedCluster;

@ExtendWith(SharedCluster.class)
class PersistedUsersConsumerIT {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_a_batch_delivered_twice_when_consumed_then_each_id_counts_once_and_the_run_completes(
            EmbeddedCluster cluster) {
        KafkaSettings settings = freshTopics(cluster, "persisted");
        List<UserId> ids = ids(4);
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory));
                Producer<String, byte[]> producer = KafkaClients.producer(settings)) {
            RunId run = fetchedRun(store, ids);
            Counting counting = new Counting(
                    new RecordPersistedUsers(store.loadRunHistory(), store.recordPersistedIds(), Clock.systemUTC()));
            String topic = settings.topics().usersPersisted();
            producer.send(record(topic, run, ids.subList(0, 3), "q:1"));
            producer.send(record(topic, run, ids.subList(0, 3), "q:1"));
            producer.send(new ProducerRecord<>(topic, run.toString(), "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(topic, RunId.random(), ids(1), "q:1"));
            producer.send(record(topic, run, ids.subList(2, 4), "q:2"));
            producer.flush();

            try (PersistedUsersConsumer consumer = KafkaAdapter.persistedUsersConsumer(settings, group(), counting)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> counting.calls.get() == 4);
            }

            assertThat(counting.newIds).containsExactly(3, 0, 0, 1);
            RunView view = new ViewRuns(store.loadRunHistory(), store.findRuns())
                    .findRun(run.toString())
                    .orElseThrow();
            assertThat(view.persisted()).isEqualTo(4);
            assertThat(view.status()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void given_the_use_case_fails_once_when_consumed_then_the_message_is_retried_not_skipped(EmbeddedCluster cluster) {
        KafkaSettings settings = freshTopics(cluster, "persisted_retry");
        RunId run = RunId.random();
        AtomicInteger attempts = new AtomicInteger();
        List<String> recorded = Collections.synchronizedList(new ArrayList<>());
        RecordPersistedUsersUseCase flaky = (runId, userIds, batchId, persistedAt) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("event store down");
            }
            recorded.add(batchId);
            return userIds.size();
        };
        try (Producer<String, byte[]> producer = KafkaClients.producer(settings)) {
            producer.send(record(settings.topics().usersPersisted(), run, ids(2), "q:7"));
            producer.flush();
        }

        try (PersistedUsersConsumer consumer = KafkaAdapter.persistedUsersConsumer(settings, group(), flaky)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.isEmpty());
        }

        assertThat(recorded).containsExactly("q:7");
        assertThat(attempts).hasValue(2);
    }

    /** Wraps the real use case and remembers what each call returned. */
    private static final class Counting implements RecordPersistedUsersUseCase {
        private final RecordPersistedUsersUseCase delegate;
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> newIds = Collections.synchronizedList(new ArrayList<>());

        Counting(RecordPersistedUsersUseCase delegate) {
            this.delegate = delegate;
        }

        @Override
        public int recordPersisted(RunId runId, List<UserId> userIds, String batchId, Instant persistedAt) {
            int added = delegate.recordPersisted(runId, userIds, batchId, persistedAt);
            newIds.add(added);
            calls.incrementAndGet();
            return added;
        }
    }

    /** A run whose one page stored these users: only ids a run fetched count when reported. */
    private static RunId fetchedRun(AxonEventStore store, List<UserId> ids) {
        RunId runId = RunId.random();
        int count = ids.size();
        List<RunEvent> events =
                new ArrayList<>(RunDecisions.request(runId, count, count, "seed", null, null, null, NOW));
        events.addAll(RunDecisions.pageStored(IngestionRun.replay(events), 1, count, 0, NOW));
        List<UserEvent> users = ids.stream()
                .<UserEvent>map(id -> UserFetchedBuilder.aUser()
                        .withId(id.value())
                        .withRunId(runId)
                        .build())
                .toList();
        store.appendRunEvents().append(runId, 0, events, users);
        return runId;
    }

    private static ProducerRecord<String, byte[]> record(String topic, RunId run, List<UserId> ids, String batchId) {
        StringBuilder json = new StringBuilder("{\"schema_version\":1,\"run_id\":\"")
                .append(run)
                .append("\",\"user_ids\":[");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
        }
        json.append("],\"batch_id\":\"").append(batchId).append("\",\"persisted_at\":\"2026-11-25T10:00:04.902Z\"}");
        return new ProducerRecord<>(topic, run.toString(), json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<UserId> ids(int n) {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UserId.of(UUID.randomUUID().toString()));
        }
        return ids;
    }

    private static String group() {
        return "it-persisted-" + UUID.randomUUID();
    }

    private static KafkaSettings freshTopics(EmbeddedCluster cluster, String label) {
        KafkaSettings settings =
                KafkaSettings.defaults(cluster.kafkaBootstrapServers()).withTopics(TopicReader.uniqueTopics(label));
        KafkaAdapter.ensureTopics(settings);
        return settings;
    }
}
