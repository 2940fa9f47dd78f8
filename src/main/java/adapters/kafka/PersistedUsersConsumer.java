package adapters.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import application.LogSafe;
import application.port.in.RecordPersistedUsersUseCase;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code users_persisted} and hands each message to {@link RecordPersistedUsersUseCase}, at
 * least once: offsets are committed only after the use case returned, so a crash re-delivers the
 * messages not yet recorded (the use case ignores ids it already has). A message that cannot be
 * parsed is logged and skipped; a use case failure (event store down) is retried from that message
 * after a pause, without skipping it. Kafka going away (a poll or a commit that fails) never ends the
 * consumer: it pauses and carries on, because a run can only complete through these messages.
 */
public final class PersistedUsersConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistedUsersConsumer.class);
    public static final String DEFAULT_GROUP_ID = "user-pipeline-persisted";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final RecordPersistedUsersUseCase useCase;
    private final Thread thread;
    private volatile boolean running = true;

    PersistedUsersConsumer(Consumer<String, byte[]> consumer, String topic, RecordPersistedUsersUseCase useCase) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.useCase = Objects.requireNonNull(useCase, "useCase");
        this.thread = new Thread(this::run, "persisted-users-consumer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            boolean failing = false;
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    if (failing) {
                        log.info("users_persisted consumer: Kafka answers again");
                        failing = false;
                    }
                    if (!records.isEmpty() && !process(records)) {
                        pause();
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    if (!failing) {
                        log.warn(
                                "users_persisted consumer: reading failed, retrying every {} s until it works: {}",
                                RETRY_PAUSE.toSeconds(),
                                e.toString());
                        failing = true;
                    }
                    pause();
                }
            }
        } catch (WakeupException stopping) {
            if (running) {
                log.error("users_persisted consumer woken up while running: stopped", stopping);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** True when every record was handled; else commits what was, rewinds to the first that was not. */
    private boolean process(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    handle(record);
                } catch (RuntimeException e) {
                    log.warn(
                            "users_persisted {}@{}: recording failed, retrying in {} s: {}",
                            partition,
                            record.offset(),
                            RETRY_PAUSE.toSeconds(),
                            e.toString());
                    // rewind first: a commit that then fails must not leave the position past this record
                    rewind(records, done, partition, record.offset());
                    commit(done);
                    return false;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(done);
        return true;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        PersistedMessage message;
        try {
            message = PersistedMessage.parse(record.value() == null ? new byte[0] : record.value());
        } catch (IllegalArgumentException malformed) {
            log.warn(
                    "users_persisted {}-{}@{}: skipping a malformed message: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    // the reason quotes the message's own text: one bounded line, whatever was sent
                    LogSafe.text(malformed.getMessage()));
            return;
        }
        useCase.recordPersisted(message.runId(), message.userIds(), message.batchId(), message.persistedAt());
    }

    /**
     * A commit that fails is logged, not thrown: the records were recorded, so the worst a lost
     * commit costs is their delivery again after a restart or a rebalance, which the use case ignores.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            log.warn("users_persisted consumer: could not commit {} (recorded already): {}", done, e.toString());
        }
    }

    private void rewind(
            ConsumerRecords<String, byte[]> records,
            Map<TopicPartition, OffsetAndMetadata> done,
            TopicPartition failed,
            long failedOffset) {
        for (TopicPartition partition : records.partitions()) {
            if (partition.equals(failed)) {
                consumer.seek(partition, failedOffset);
            } else if (!done.containsKey(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
