package embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

@ExtendWith(SharedCluster.class)
class EmbeddedClusterIT {

    @Test
    void given_the_shared_cluster_when_a_record_is_produced_then_a_consumer_reads_it_back(EmbeddedCluster cluster)
            throws Exception {
        String topic = "it_roundtrip_" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "user-1", "{\"first_name\":\"Ægir\"}"))
                    .get(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("user-1");
            assertThat(record.value()).isEqualTo("{\"first_name\":\"Ægir\"}");
        });
    }

    @Test
    void given_the_shared_cluster_when_a_row_is_written_then_cql_reads_it_back(EmbeddedCluster cluster) {
        UUID id = UUID.randomUUID();
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(cluster.cassandraContactPoint())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .build()) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS it_foundation "
                    + "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS it_foundation.users (id uuid PRIMARY KEY, first_name text)");
            session.execute(session.prepare("INSERT INTO it_foundation.users (id, first_name) VALUES (?, ?)")
                    .bind(id, "Ægir"));

            Row row = session.execute(session.prepare("SELECT first_name FROM it_foundation.users WHERE id = ?")
                            .bind(id))
                    .one();

            assertThat(row).isNotNull();
            assertThat(row.getString("first_name")).isEqualTo("Ægir");
        }
    }

    @Test
    void given_the_shared_cluster_then_its_servers_bind_loopback_ports_and_keep_data_in_the_work_dir(
            EmbeddedCluster cluster) {
        assertThat(cluster.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        assertThat(cluster.cassandraContactPoint().getHostString()).isEqualTo("127.0.0.1");
        assertThat(cluster.workDir().resolve("kafka/data/meta.properties")).isRegularFile();
        assertThat(cluster.workDir().resolve("cassandra/data")).isDirectory();
        assertThat(cluster.isRunning()).isTrue();
    }
}
