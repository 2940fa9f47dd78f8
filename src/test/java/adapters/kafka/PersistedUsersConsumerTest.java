package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import application.port.in.RecordPersistedUsersUseCase;
import domain.run.RunId;
import domain.user.UserId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer outlives Kafka going away: failed polls and commits pause it, they never end it. */
class PersistedUsersConsumerTest {

    private static final String TOPIC = "users_persisted";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final FlakyConsumer kafka = new FlakyConsumer();
    private final List<String> recordedBatches = new CopyOnWriteArrayList<>();
    private final RecordPersistedUsersUseCase useCase = (runId, ids, batchId, at) -> {
        recordedBatches.add(batchId);
        return ids.size();
    };
    private final PersistedUsersConsumer consumer = new PersistedUsersConsumer(kafka, TOPIC, useCase);

    @AfterEach
    void stop() {
        consumer.close();
    }

    @Test
    void given_a_poll_that_fails_while_kafka_is_away_then_the_consumer_carries_on_and_records_what_comes_next() {
        kafka.schedulePollTask(this::assignThePartition);
        kafka.schedulePollTask(() -> kafka.setPollException(new TimeoutException("broker away")));
        kafka.schedulePollTask(() -> kafka.addRecord(message(0, "q:after-outage")));

        consumer.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> recordedBatches.contains("q:after-outage"));
    }

    @Test
    void given_a_commit_that_fails_then_the_consumer_keeps_recording_and_commits_later_messages() {
        kafka.failingCommits.set(1);
        kafka.schedulePollTask(this::assignThePartition);
        kafka.schedulePollTask(() -> kafka.addRecord(message(0, "q:1")));
        kafka.schedulePollTask(() -> kafka.addRecord(message(1, "q:2")));

        consumer.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> recordedBatches.contains("q:2"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(kafka.lastCommitted()).isEqualTo(2));
        assertThat(recordedBatches).containsExactly("q:1", "q:2");
    }

    private void assignThePartition() {
        kafka.rebalance(List.of(PARTITION));
        kafka.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    private static ConsumerRecord<String, byte[]> message(long offset, String batchId) {
        String json = "{\"schema_version\":1,\"run_id\":\"" + RunId.random() + "\",\"user_ids\":[\""
                + UserId.of(UUID.randomUUID().toString()) + "\"],\"batch_id\":\"" + batchId
                + "\",\"persisted_at\":\"" + Instant.parse("2026-11-27T10:00:00Z") + "\"}";
        return new ConsumerRecord<>(TOPIC, 0, offset, null, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka's own mock, with commits that fail as they do while the broker is away. */
    private static final class FlakyConsumer extends MockConsumer<String, byte[]> {
        final AtomicInteger failingCommits = new AtomicInteger();

        FlakyConsumer() {
            super(OffsetResetStrategy.EARLIEST);
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (failingCommits.getAndDecrement() > 0) {
                throw new TimeoutException("commit timed out: broker away");
            }
            super.commitSync(offsets);
        }

        long lastCommitted() {
            OffsetAndMetadata committed = committed(java.util.Set.of(PARTITION)).get(PARTITION);
            return committed == null ? -1 : committed.offset();
        }
    }
}
