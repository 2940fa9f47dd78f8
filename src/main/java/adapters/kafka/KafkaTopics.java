package adapters.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidMetadataException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract's topics when they are missing. Never alters an existing topic: on a real
 * cluster an operator may have created it with other settings on purpose, so a mismatch that
 * matters (fewer partitions than configured) is reported, not "fixed".
 */
final class KafkaTopics {

    /** Bad records wait for a person; a month leaves time to notice, and the volume is small. */
    static final Duration DLQ_RETENTION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

    private final KafkaSettings settings;
    private final Admin admin;

    /**
     * What {@link #ensure()} found and did.
     *
     * @param usersCreatedMaxMessageBytes {@code max.message.bytes} of {@code users_created} as the
     *                                    cluster has it: {@link KafkaSettings#MAX_MESSAGE_BYTES} when
     *                                    created here, an operator's value when it existed
     */
    record Outcome(
            List<String> created,
            List<String> alreadyPresent,
            List<String> warnings,
            int usersCreatedMaxMessageBytes) {}

    KafkaTopics(KafkaSettings settings, Admin admin) {
        this.settings = settings;
        this.admin = admin;
    }

    /** Idempotent: safe on every start and from several instances at once. */
    Outcome ensure() {
        try {
            return createMissingAndCheck();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSetupException(context(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = Failures.unwrap(e);
            boolean timedOut = cause instanceof TimeoutException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException;
            throw new KafkaSetupException(
                    context() + (timedOut ? settings.clientProperties().timeoutHint() : ""), e);
        }
    }

    private Outcome createMissingAndCheck() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(timeoutMs(), TimeUnit.MILLISECONDS);
        List<String> created = new ArrayList<>();
        List<String> alreadyPresent = new ArrayList<>();
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : wanted()) {
            if (existing.contains(topic.name())) {
                alreadyPresent.add(topic.name());
            } else {
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            var results = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get(timeoutMs(), TimeUnit.MILLISECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // another instance created it between our list and our create
                    alreadyPresent.add(topic.name());
                }
            }
        }
        if (!created.isEmpty()) {
            awaitLeaders(created);
            LOG.info("Created Kafka topics {} on {}", created, settings.bootstrapServers());
        }
        List<String> warnings = checkUsersCreatedPartitions(alreadyPresent);
        int maxMessageBytes = usersCreatedMaxMessageBytes(alreadyPresent, warnings);
        warnings.forEach(LOG::warn);
        return new Outcome(List.copyOf(created), List.copyOf(alreadyPresent), List.copyOf(warnings), maxMessageBytes);
    }

    /**
     * Returns once every partition of the new topics has a leader that serves it. An idempotent
     * producer whose first batches race a new partition's leader election can loop on
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (seen on Kafka 4.1 here), so the app
     * publishes only to topics that are fully up. A leader named in the metadata is not enough: the
     * broker may not act as one yet (NOT_LEADER_OR_FOLLOWER); a list-offsets request is answered
     * only by the partition's acting leader.
     */
    private void awaitLeaders(List<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs());
        while (true) {
            if (allPartitionsLed(topics) && allPartitionsServed(topics)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topics + " have no leader after " + timeoutMs() + " ms");
            }
            Thread.sleep(50);
        }
    }

    /** False while the broker's metadata does not know the new topics yet, or a partition has no leader. */
    private boolean allPartitionsLed(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return admin
                    .describeTopics(topics)
                    .allTopicNames()
                    .get(timeoutMs(), TimeUnit.MILLISECONDS)
                    .values()
                    .stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition ->
                            partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    /** False while a partition's leader does not answer a list-offsets request for it yet. */
    private boolean allPartitionsServed(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(timeoutMs(), TimeUnit.MILLISECONDS)
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(partition ->
                                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        try {
            admin.listOffsets(latest).all().get(timeoutMs(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidMetadataException) {
                return false; // not leader, leader not available, unknown partition: not up yet
            }
            throw e;
        }
    }

    private List<String> checkUsersCreatedPartitions(List<String> alreadyPresent)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> warnings = new ArrayList<>();
        String topic = settings.topics().usersCreated();
        if (!alreadyPresent.contains(topic)) {
            return warnings;
        }
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(timeoutMs(), TimeUnit.MILLISECONDS)
                .get(topic);
        int partitions = description.partitions().size();
        if (partitions < settings.usersCreatedPartitions()) {
            warnings.add("Kafka topic " + topic + " exists with " + partitions + " partition(s), fewer than the "
                    + settings.usersCreatedPartitions() + " configured: consumers can read it with at most "
                    + partitions + " task(s) in parallel. It was left as it is; add partitions with "
                    + "kafka-topics.sh --alter --partitions " + settings.usersCreatedPartitions()
                    + " (keys already written stay on their old partitions).");
        }
        return warnings;
    }

    /**
     * The existing topic's {@code max.message.bytes}: an operator may have made it smaller than ours,
     * and the producer must then cut its batches and requests to it (see {@link KafkaClients}).
     */
    private int usersCreatedMaxMessageBytes(List<String> alreadyPresent, List<String> warnings)
            throws InterruptedException, ExecutionException, TimeoutException {
        String topic = settings.topics().usersCreated();
        if (!alreadyPresent.contains(topic)) {
            return KafkaSettings.MAX_MESSAGE_BYTES;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry entry = admin.describeConfigs(List.of(resource))
                .all()
                .get(timeoutMs(), TimeUnit.MILLISECONDS)
                .get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        int value = entry == null || entry.value() == null
                ? KafkaSettings.MAX_MESSAGE_BYTES
                : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(entry.value()));
        if (value < KafkaSettings.MAX_MESSAGE_BYTES) {
            warnings.add("Kafka topic " + topic + " exists with max.message.bytes " + value + ", less than the "
                    + KafkaSettings.MAX_MESSAGE_BYTES + " the pipeline creates it with: the producer keeps its"
                    + " batches and requests under it, and a user whose message does not fit is parked, not sent.");
        }
        return value;
    }

    private List<NewTopic> wanted() {
        KafkaSettings.Topics topics = settings.topics();
        short replicas = (short) settings.replicationFactor();
        // explicit, not the broker's default: the producer's max.request.size and the sidecar's dead
        // letters are sized from it, so a broker configured otherwise must not change it silently
        Map<String, String> common = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInSyncReplicas()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaSettings.MAX_MESSAGE_BYTES));
        Map<String, String> dlq = Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInSyncReplicas()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaSettings.MAX_MESSAGE_BYTES),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(DLQ_RETENTION.toMillis()));
        return List.of(
                new NewTopic(topics.usersCreated(), settings.usersCreatedPartitions(), replicas).configs(common),
                // low volume; one partition keeps them in the order they failed
                new NewTopic(topics.usersCreatedDlq(), 1, replicas).configs(dlq),
                // one small message per written Spark batch; one partition keeps a run's batches in order
                new NewTopic(topics.usersPersisted(), 1, replicas).configs(common));
    }

    private long timeoutMs() {
        return settings.requestTimeout().toMillis();
    }

    private String context() {
        KafkaSettings.Topics topics = settings.topics();
        return "cannot create or check Kafka topics " + topics.usersCreated() + ", " + topics.usersCreatedDlq() + ", "
                + topics.usersPersisted() + " on " + settings.bootstrapServers();
    }
}
