package adapters.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import application.port.out.ProbeDependencyPort;
import application.port.out.PublishUsersPort;
import domain.event.UserFetched;

/**
 * Publishes users to {@code users_created} through one long-lived idempotent producer (thread-safe,
 * so concurrent batches share its connections and batching). Created by {@link KafkaAdapter}.
 */
public final class KafkaUserPublisher implements PublishUsersPort, ProbeDependencyPort, AutoCloseable {

    static final String SCHEMA_VERSION_HEADER = "schema-version";
    static final String CONTENT_TYPE_HEADER = "content-type";

    /** Shared by every record: Kafka only reads header values, and a batch of 5000 need not allocate 10,000. */
    private static final List<Header> HEADERS = List.of(
            new RecordHeader(SCHEMA_VERSION_HEADER,
                    Integer.toString(UserMessage.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8)),
            new RecordHeader(CONTENT_TYPE_HEADER, "application/json".getBytes(StandardCharsets.UTF_8)));

    private static final Duration PROBE_CACHE = Duration.ofSeconds(1);

    private final String topic;
    private final String bootstrapServers;
    private final Producer<String, byte[]> producer;
    private final ClusterProbe clusterProbe;
    private final Duration closeTimeout;
    private final UserMessageCodec codec = new UserMessageCodec();
    private final CachedProbe probe;

    KafkaUserPublisher(KafkaSettings settings, Producer<String, byte[]> producer, ClusterProbe clusterProbe) {
        this.topic = settings.topics().usersCreated();
        this.bootstrapServers = settings.bootstrapServers();
        this.producer = producer;
        this.clusterProbe = clusterProbe;
        this.closeTimeout = settings.requestTimeout();
        this.probe = new CachedProbe(clusterProbe::ask, PROBE_CACHE, System::nanoTime);
    }

    /**
     * Sends the whole batch asynchronously, then waits until every record is acknowledged or has
     * failed. Bounded: at most about {@code maxBlock + deliveryTimeout} of {@link KafkaSettings}.
     */
    @Override
    public void publish(List<UserFetched> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            return;
        }
        Acknowledgements acks = new Acknowledgements();
        int attempted = 0;
        for (UserFetched user : users) {
            if (acks.firstFailure() != null) {
                // a failure at send time (no metadata within max.block.ms, producer closed) would repeat
                // for every record, each one waiting again; the caller retries the whole batch anyway
                break;
            }
            attempted++;
            try {
                producer.send(record(user), acks);
            } catch (RuntimeException e) {
                acks.onCompletion(null, e);
            }
        }
        try {
            // ends the linger at once and returns when every record sent so far has completed
            producer.flush();
        } catch (InterruptException e) {
            throw new PublishFailedException("publishing " + users.size() + " users to Kafka topic " + topic
                    + " was interrupted before all were acknowledged", e);
        } catch (RuntimeException e) {
            // e.g. the producer was closed meanwhile: nothing tells which records made it, so none count
            throw new PublishFailedException("publishing " + users.size() + " users to Kafka topic " + topic
                    + " at " + bootstrapServers + " could not wait for acknowledgements: " + Failures.describe(e), e);
        }
        acks.throwIfAnyFailed(users.size(), attempted);
    }

    private ProducerRecord<String, byte[]> record(UserFetched user) {
        // no partition: the key's hash picks it, so a user's records stay in order on one partition;
        // no timestamp: send time, because a replayed run's old fetched_at would be past retention at once
        return new ProducerRecord<>(topic, null, null, user.user().id().toString(), codec.toJson(user),
                HEADERS);
    }

    /** "ok" when the cluster answered within the probe timeout in the last second; never throws. */
    @Override
    public String probe() {
        return probe.get();
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** Flushes what was sent, then releases the connections; bounded by the request timeout. */
    @Override
    public void close() {
        try {
            producer.close(closeTimeout);
        } finally {
            clusterProbe.close();
        }
    }

    /** Counts the outcome of one batch; completed on the producer's I/O thread. */
    private final class Acknowledgements implements Callback {

        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        }

        Exception firstFailure() {
            return firstFailure.get();
        }

        void throwIfAnyFailed(int batchSize, int attempted) {
            Exception first = firstFailure.get();
            if (first == null) {
                return;
            }
            int notAttempted = batchSize - attempted;
            int unacknowledged = failed.get() + notAttempted;
            throw new PublishFailedException("publishing to Kafka topic " + topic + " at " + bootstrapServers
                    + " failed for " + unacknowledged + " of " + batchSize + " users ("
                    + failed.get() + " failed" + (notAttempted > 0 ? ", " + notAttempted
                    + " not sent after the first failure" : "") + "); first cause: "
                    + Failures.describe(first), first);
        }
    }
}
