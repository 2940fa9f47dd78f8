package embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import adapters.cassandra.CassandraClientSecurity;
import adapters.cassandra.CassandraSettings;
import adapters.cassandra.CassandraUsers;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaClientProperties;
import adapters.kafka.KafkaSettings;
import adapters.kafka.KafkaUserPublisher;
import adapters.kafka.PersistedUsersConsumer;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.ItWorkDir;
import testsupport.SecuredCluster;
import testsupport.Sidecars;

/**
 * The sidecar on a Kafka that demands SASL/PLAIN and a Cassandra that demands a password
 * ({@link SecuredCluster}), configured by the same {@code PIPELINE_*} variables as the app: it reads
 * users_created, dead-letters a bad record, upserts the users and announces them on users_persisted,
 * and its log never shows a secret.
 */
@ExtendWith(SecuredCluster.class)
class SecuredSidecarIT {

    private static final int USERS = 50;

    @Test
    void given_the_app_s_security_variables_when_the_sidecar_runs_then_users_reach_cassandra_and_are_announced(
            EmbeddedCluster cluster) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "secured-" + suffix + "-";
        String keyspace = "secured_" + suffix;
        Path work = ItWorkDir.named("secured-sidecar-" + suffix);
        String password = SecuredCluster.CREDENTIALS.password();
        KafkaSettings kafka = KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(KafkaSettings.Topics.prefixed(prefix))
                .withClientProperties(new KafkaClientProperties(cluster.kafkaClientProperties()));
        CassandraSettings cassandra = CassandraSettings.defaults(
                        "127.0.0.1:" + cluster.cassandraContactPoint().getPort())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .withKeyspace(keyspace)
                .withSecurity(CassandraClientSecurity.login(SecuredCluster.CREDENTIALS.username(), password));
        KafkaAdapter.ensureTopics(kafka);

        RunId run = new RunId(UUID.randomUUID());
        List<UserFetched> users = SparkSidecarIT.users(USERS, run);
        // first in the topic: the micro-batch holding it succeeds only if the task's dead-letter producer logs in
        try (KafkaProducer<byte[], byte[]> raw = producer(cluster)) {
            raw.send(new ProducerRecord<>(kafka.topics().usersCreated(), bytes("garbage"), bytes("not json")))
                    .get();
        }
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(kafka)) {
            assertThat(publisher.publish(users)).isEmpty();
        }

        Set<UserId> announced = ConcurrentHashMap.newKeySet();
        try (CassandraUsers rows = CassandraUsers.connect(cassandra);
                PersistedUsersConsumer consumer = KafkaAdapter.persistedUsersConsumer(
                        kafka, "it-secured-" + suffix, (runId, ids, batchId, at) -> {
                            announced.addAll(ids);
                            return ids.size();
                        })) {
            SparkSidecar sidecar = Sidecars.start(sidecarConfig(cluster, keyspace, prefix, work));
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> announced.size() == USERS);
                assertThat(rows.loadUser(users.get(0).user().id())).isPresent();
                assertThat(sidecar.log())
                        .contains("sidecar settings: ", "sasl.jaas.config=***", "password=***")
                        .doesNotContain(password);
            } finally {
                sidecar.close();
            }
        }
    }

    /** The variables the compose file gives the app and the sidecar alike; the JAAS config from a file. */
    private static SparkSidecar.Config sidecarConfig(EmbeddedCluster cluster, String keyspace, String prefix, Path work)
            throws Exception {
        Path jaas = Files.createDirectories(work).resolve("kafka-jaas.conf");
        Files.writeString(jaas, cluster.kafkaClientProperties().get("sasl.jaas.config") + "\n");
        Map<String, String> variables = new HashMap<>();
        variables.put("PIPELINE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        variables.put("PIPELINE_KAFKA_SASL_MECHANISM", "PLAIN");
        variables.put("PIPELINE_KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString());
        variables.put("PIPELINE_CASSANDRA_USERNAME", SecuredCluster.CREDENTIALS.username());
        variables.put("PIPELINE_CASSANDRA_PASSWORD", SecuredCluster.CREDENTIALS.password());
        SparkSidecar.Config config = new SparkSidecar.Config(
                cluster.kafkaBootstrapServers(),
                cluster.cassandraContactPoint().getHostString(),
                cluster.cassandraContactPoint().getPort(),
                keyspace,
                cluster.cassandraDatacenter(),
                prefix,
                work);
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            config = config.withTuning(variable.getKey(), variable.getValue());
        }
        return config;
    }

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedCluster cluster) {
        Map<String, Object> config = new HashMap<>(cluster.kafkaClientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
