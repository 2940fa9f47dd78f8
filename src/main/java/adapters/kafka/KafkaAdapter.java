package adapters.kafka;

import application.port.in.RecordPersistedUsersUseCase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;

/** The one way in: builds the Kafka adapter's parts for the composition root. */
public final class KafkaAdapter {

    private KafkaAdapter() {}

    /**
     * A publisher holding one producer and one admin client until closed. Does not connect yet: a
     * cluster that is down fails {@code publish} (bounded by the timeouts) and shows in {@code probe}.
     *
     * @throws KafkaSetupException when the clients cannot be configured (e.g. no resolvable server)
     */
    public static KafkaUserPublisher userPublisher(KafkaSettings settings) {
        return userPublisher(settings, KafkaSettings.MAX_MESSAGE_BYTES);
    }

    /**
     * A publisher for a {@code users_created} topic that takes record batches of at most
     * {@code topicMaxMessageBytes} (what {@link #ensureTopics} returns): its batches and requests are
     * kept under that, so a user that does not fit is refused at once and parked.
     */
    public static KafkaUserPublisher userPublisher(KafkaSettings settings, int topicMaxMessageBytes) {
        Producer<String, byte[]> producer = KafkaClients.producer(settings, topicMaxMessageBytes);
        try {
            Admin admin = KafkaClients.admin(settings, "user-pipeline-probe", settings.probeTimeout());
            return new KafkaUserPublisher(
                    settings,
                    producer,
                    new AdminClusterProbe(admin, settings.bootstrapServers(), settings.probeTimeout()));
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /**
     * Creates the missing contract topics ({@code users_created}, its DLQ, {@code users_persisted});
     * leaves existing ones alone and logs a warning when {@code users_created} has fewer partitions
     * than configured or a smaller {@code max.message.bytes}. Safe to call on every start.
     *
     * @return {@code max.message.bytes} of {@code users_created}: pass it to {@link #userPublisher(KafkaSettings, int)}
     * @throws KafkaSetupException when the cluster does not answer within the request timeout
     */
    public static int ensureTopics(KafkaSettings settings) {
        try (Admin admin = KafkaClients.admin(settings, "user-pipeline-topics", settings.requestTimeout())) {
            return new KafkaTopics(settings, admin).ensure().usersCreatedMaxMessageBytes();
        }
    }

    /**
     * Starts consuming {@code users_persisted} in a thread of its own, in consumer group
     * {@code groupId} ({@link PersistedUsersConsumer#DEFAULT_GROUP_ID} unless several apps must each
     * see every message), until closed.
     */
    public static PersistedUsersConsumer persistedUsersConsumer(
            KafkaSettings settings, String groupId, RecordPersistedUsersUseCase useCase) {
        PersistedUsersConsumer consumer = new PersistedUsersConsumer(
                KafkaClients.persistedConsumer(settings, groupId),
                settings.topics().usersPersisted(),
                useCase);
        consumer.start();
        return consumer;
    }
}
