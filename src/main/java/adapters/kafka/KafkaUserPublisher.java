package adapters.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import application.port.out.ProbeDependencyPort;
import application.port.out.PublishUsersPort;
import application.port.out.PublishUsersPort.Refused;
import domain.event.UserFetched;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Publishes users to {@code users_created} through one long-lived idempotent producer (thread-safe,
 * so concurrent batches share its connections and batching). Created by {@link KafkaAdapter}.
 */
public final class KafkaUserPublisher implements PublishUsersPort, ProbeDependencyPort, AutoCloseable {

    static final String SCHEMA_VERSION_HEADER = "schema-version";
    static final String CONTENT_TYPE_HEADER = "content-type";

    /** Shared by every record: Kafka only reads header values, and a batch of 5000 need not allocate 10,000. */
    private static final List<Header> HEADERS = List.of(
            new RecordHeader(
                    SCHEMA_VERSION_HEADER,
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
     * failed. Bounded: at most about twice {@code maxBlock + deliveryTimeout} of {@link KafkaSettings}.
     * A user Kafka can never take is returned, not thrown ({@link Refusals}); any other failure throws,
     * so the whole batch is tried again.
     */
    @Override
    public List<Refused> publish(List<UserFetched> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            return List.of();
        }
        Map<UserFetched, String> refused = new IdentityHashMap<>();
        List<UserFetched> toSend = users;
        // a second pass only when the first refused someone: a broker that rejects one record of a batch
        // fails its batch-mates too (with a plain KafkaException), and those go through without it
        for (int pass = 1; ; pass++) {
            Acknowledgements acks = send(toSend);
            refused.putAll(acks.refused());
            if (acks.failed().isEmpty()) {
                break;
            }
            if (pass == 2 || acks.refused().isEmpty()) {
                acks.throwFailure(users.size());
            }
            toSend = acks.failed();
        }
        List<Refused> result = new ArrayList<>(refused.size());
        for (UserFetched user : users) {
            String reason = refused.get(user);
            if (reason != null) {
                result.add(new Refused(user, reason));
            }
        }
        return List.copyOf(result);
    }

    private Acknowledgements send(List<UserFetched> users) {
        Acknowledgements acks = new Acknowledgements(users);
        for (int i = 0; i < users.size(); i++) {
            if (acks.firstFailure() != null) {
                // a failure at send time (no metadata within max.block.ms, producer closed) would repeat
                // for every record, each one waiting again; the caller retries the whole batch anyway
                acks.notAttempted(users.subList(i, users.size()));
                break;
            }
            UserFetched user = users.get(i);
            byte[] value;
            try {
                value = codec.toJson(user);
            } catch (RuntimeException e) {
                acks.refuse(i, "cannot be written as a users_created message: " + Failures.describe(e));
                continue;
            }
            if (value.length > KafkaSettings.MAX_USER_VALUE_BYTES) {
                acks.refuse(
                        i,
                        "its users_created message is " + value.length + " bytes, more than the "
                                + KafkaSettings.MAX_USER_VALUE_BYTES + " a message may have (docs/contracts.md)");
                continue;
            }
            int index = i;
            try {
                producer.send(record(user, value), (metadata, exception) -> acks.completed(index, exception));
            } catch (RuntimeException e) {
                acks.completed(index, e);
            }
        }
        try {
            // ends the linger at once and returns when every record sent so far has completed
            producer.flush();
        } catch (InterruptException e) {
            throw new PublishFailedException(
                    "publishing " + users.size() + " users to Kafka topic " + topic
                            + " was interrupted before all were acknowledged",
                    e);
        } catch (RuntimeException e) {
            // e.g. the producer was closed meanwhile: nothing tells which records made it, so none count
            throw new PublishFailedException(
                    "publishing " + users.size() + " users to Kafka topic " + topic + " at " + bootstrapServers
                            + " could not wait for acknowledgements: " + Failures.describe(e),
                    e);
        }
        return acks;
    }

    private ProducerRecord<String, byte[]> record(UserFetched user, byte[] value) {
        // no partition: the key's hash picks it, so a user's records stay in order on one partition;
        // no timestamp: send time, because a replayed run's old fetched_at would be past retention at once
        return new ProducerRecord<>(topic, null, null, user.user().id().toString(), value, HEADERS);
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

    /**
     * The outcome of one pass over a batch, completed on the producer's I/O thread: per user
     * acknowledged, refused for good ({@link Refusals}) or failed for a reason that may pass.
     */
    private final class Acknowledgements {

        private final List<UserFetched> users;
        private final AtomicReferenceArray<String> refusals;
        private final AtomicReferenceArray<Exception> failures;
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
        private volatile int notAttempted;

        Acknowledgements(List<UserFetched> users) {
            this.users = users;
            this.refusals = new AtomicReferenceArray<>(users.size());
            this.failures = new AtomicReferenceArray<>(users.size());
        }

        void completed(int index, Exception exception) {
            if (exception == null) {
                return;
            }
            if (Refusals.isForGood(exception)) {
                refuse(index, "Kafka refused it for good: " + Failures.describe(exception));
            } else {
                failures.set(index, exception);
                firstFailure.compareAndSet(null, exception);
            }
        }

        void refuse(int index, String reason) {
            refusals.set(index, reason);
        }

        void notAttempted(List<UserFetched> rest) {
            notAttempted = rest.size();
        }

        Exception firstFailure() {
            return firstFailure.get();
        }

        Map<UserFetched, String> refused() {
            Map<UserFetched, String> refused = new IdentityHashMap<>();
            for (int i = 0; i < users.size(); i++) {
                if (refusals.get(i) != null) {
                    refused.put(users.get(i), refusals.get(i));
                }
            }
            return refused;
        }

        /** Users that failed for a reason that may pass, and those not sent after a failure at send time. */
        List<UserFetched> failed() {
            List<UserFetched> failed = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                if (failures.get(i) != null || i >= users.size() - notAttempted) {
                    failed.add(users.get(i));
                }
            }
            return failed;
        }

        void throwFailure(int batchSize) {
            Exception first = firstFailure.get();
            int failed = failed().size() - notAttempted;
            throw new PublishFailedException(
                    "publishing to Kafka topic " + topic + " at " + bootstrapServers
                            + " failed for " + (failed + notAttempted) + " of " + batchSize + " users ("
                            + failed + " failed"
                            + (notAttempted > 0 ? ", " + notAttempted + " not sent after the first failure" : "")
                            + "); first cause: "
                            + Failures.describe(first),
                    first);
        }
    }
}
