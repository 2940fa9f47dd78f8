package embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A single-node KRaft Kafka broker (combined broker and controller) under {@code <work>/kafka}. */
final class KafkaServer {

    static final String NAME = "Kafka";
    static final String VERSION = "4.1.1";
    private static final String READINESS_TOPIC = "_pipeline_readiness";

    private final Path home;
    private final int port;
    private final int controllerPort;
    /** null: a PLAINTEXT listener; else a SASL/PLAIN one that demands these. */
    private final ServerCredentials credentials;

    KafkaServer(Path workDir, int port, int controllerPort, ServerCredentials credentials) {
        this.home = workDir.resolve("kafka");
        this.port = port;
        this.controllerPort = controllerPort;
        this.credentials = credentials;
    }

    /** What every client of this broker needs on top of the bootstrap servers. */
    Map<String, String> clientProperties() {
        return credentials == null ? Map.of() : credentials.kafkaClientProperties();
    }

    String serverProperties(Path dataDir) {
        String plain = Templates.render(
                Templates.resource("kafka/server.properties"),
                Map.of(
                        "LOG_DIR", dataDir.toString(),
                        "BROKER_PORT", Integer.toString(port),
                        "CONTROLLER_PORT", Integer.toString(controllerPort),
                        "NODE_ID", "1",
                        "LISTENER", credentials == null ? "PLAINTEXT" : "SASL_PLAINTEXT"));
        return credentials == null
                ? plain
                : plain
                        + Templates.render(
                                Templates.resource("kafka/sasl-plain.properties"),
                                Map.of("BROKER_LOGIN", credentials.brokerLogin()));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ServerProcess start(Path java, String classpath, Path watchdog) {
        Path dataDir = home.resolve("data");
        Path logsDir = home.resolve("logs");
        Path config = home.resolve("config");
        Path properties = config.resolve("server.properties");
        Templates.write(properties, serverProperties(dataDir));
        Path log4j = config.resolve("log4j2.yaml");
        Templates.write(log4j, Templates.resource("kafka/log4j2.yaml"));

        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m"));
        jvm.addAll(Templates.jvmOptions("kafka/jvm.options"));
        jvm.add("-Dkafka.logs.dir=" + logsDir);
        jvm.add("-Dlog4j2.configurationFile=" + log4j);

        Path console = logsDir.resolve("console.log");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            // KRaft refuses an unformatted log dir; format once, keep the cluster id for every restart
            ServerProcess.runTool(
                    "Kafka storage format",
                    java,
                    jvm,
                    classpath,
                    "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--standalone"),
                    console,
                    Duration.ofMinutes(2));
        }
        return ServerProcess.start(
                NAME,
                java,
                jvm,
                classpath,
                watchdog,
                "kafka.Kafka",
                List.of(properties.toString()),
                console,
                logsDir.resolve("server.log"));
    }

    /** Ready means a record produced with acks=all can be consumed back, not merely an open port. */
    void probe() throws Exception {
        if (!Ports.isAccepting(port)) {
            throw new IllegalStateException("port " + port + " not open yet");
        }
        Map<String, Object> adminConfig = new HashMap<>(clientProperties());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(adminConfig)) {
            createReadinessTopic(admin);
        }
        String marker = UUID.randomUUID().toString();
        RecordMetadata written = produce(marker);
        consume(written, marker);
    }

    private static void createReadinessTopic(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        if (topics.contains(READINESS_TOPIC)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(READINESS_TOPIC, 1, (short) 1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private RecordMetadata produce(String marker) throws Exception {
        Properties config = new Properties();
        config.putAll(clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(READINESS_TOPIC, marker, marker))
                    .get(15, TimeUnit.SECONDS);
        }
    }

    private void consume(RecordMetadata written, String marker) {
        Properties config = new Properties();
        config.putAll(clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(written.topic(), written.partition());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (marker.equals(record.value())) {
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("the readiness record was produced but not consumed back");
    }
}
