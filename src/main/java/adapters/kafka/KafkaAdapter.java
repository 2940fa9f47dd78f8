package adapters.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;

/** The one way in: builds the Kafka adapter's parts for the composition root. */
public final class KafkaAdapter {

    private KafkaAdapter() {
    }

    /**
     * A publisher holding one producer and one admin client until closed. Does not connect yet: a
     * cluster that is down fails {@code publish} (bounded by the timeouts) and shows in {@code probe}.
     *
     * @throws KafkaSetupException when the clients cannot be configured (e.g. no resolvable server)
     */
    public static KafkaUserPublisher userPublisher(KafkaSettings settings) {
        Producer<String, byte[]> producer = KafkaClients.producer(settings);
        try {
            Admin admin = KafkaClients.admin(settings, "user-pipeline-probe", settings.probeTimeout());
            return new KafkaUserPublisher(settings, producer,
                    new AdminClusterProbe(admin, settings.bootstrapServers(), settings.probeTimeout()));
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    /**
     * Creates the missing contract topics ({@code users_created}, its DLQ, {@code users_persisted});
     * leaves existing ones alone and logs a warning when {@code users_created} has fewer partitions
     * than configured. Safe to call on every start.
     *
     * @throws KafkaSetupException when the cluster does not answer within the request timeout
     */
    public static void ensureTopics(KafkaSettings settings) {
        try (Admin admin = KafkaClients.admin(settings, "user-pipeline-topics", settings.requestTimeout())) {
            new KafkaTopics(settings, admin).ensure();
        }
    }
}
