package bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import adapters.kafka.KafkaSettings;
import adapters.randomuser.RandomUserAdapter;
import adapters.randomuser.RandomUserSettings;
import application.port.out.PageQuery;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import domain.event.UserFetched;
import domain.run.RequestLimits;
import domain.run.RunId;
import domain.user.MappingResult;
import domain.user.ProfileMapping;
import domain.user.User;
import domain.user.UserId;
import embedded.randomuser.RandomUserServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw baselines every benchmark compares with, measured on the same servers in the same run:
 * the Kafka producer alone and the Cassandra driver alone, with records of our users' size.
 */
final class RawBaselines {

    private RawBaselines() {}

    /** The size of a real users_created value, so the baseline sends records of the same size. */
    static int sampleRecordBytes(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition first = new TopicPartition(topic, 0);
            consumer.assign(List.of(first));
            consumer.seekToBeginning(List.of(first));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value().length;
                }
            }
        }
        throw new IllegalStateException("no record on " + topic + " to size the baseline with");
    }

    /** The insert the driver baseline times: the same columns as the sidecar's created_users upsert. */
    static PreparedStatement prepareInsert(CqlSession cql, String keyspace) {
        return prepareInsert(cql, keyspace, "created_users");
    }

    /** The same insert into another table of created_users' columns. */
    static PreparedStatement prepareInsert(CqlSession cql, String keyspace, String table) {
        return cql.prepare("INSERT INTO " + keyspace + "." + table + " (id, first_name, last_name,"
                + " gender, address, post_code, email, username, dob, registered_date, phone, picture, run_id,"
                + " nationality, fetched_at, persisted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Raw producer rate on the same broker: the ceiling the outbox is compared with. */
    static double producerRate(String bootstrapServers, int records, int recordBytes) throws Exception {
        byte[] value = "x".repeat(recordBytes).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            String topic = "bench-baseline-" + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                // same partition count as users_created: the broker does not create topics on first use
                admin.createTopics(
                                List.of(new NewTopic(topic, KafkaSettings.DEFAULT_USERS_CREATED_PARTITIONS, (short) 1)
                                        .configs(Map.of(
                                                TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                                Integer.toString(KafkaSettings.MAX_MESSAGE_BYTES)))))
                        .all()
                        .get();
            }
            // a brand-new topic's first batches can race its leader election (the idempotent producer
            // then loops on OUT_OF_ORDER_SEQUENCE_NUMBER): wait for leaders and warm every partition first
            while (producer.partitionsFor(topic).stream().anyMatch(partition -> partition.leader() == null)) {
                Thread.sleep(100);
            }
            for (var partition : producer.partitionsFor(topic)) {
                producer.send(new ProducerRecord<>(topic, partition.partition(), "warm-up", value))
                        .get();
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(records);
            long begin = System.nanoTime();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(
                        new ProducerRecord<>(topic, UUID.randomUUID().toString(), value)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
            return records / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /** The same rows as the sidecar writes to created_users, as fast as the driver takes them; rows/s. */
    static double driverInsertRate(CqlSession cql, PreparedStatement insert, List<UserFetched> batch, int rawInFlight)
            throws InterruptedException {
        long begin = System.nanoTime();
        // bound as they are sent, inside the timed loop, as the sidecar binds its rows
        writeAll(
                cql,
                () -> batch.stream()
                        .<Statement<?>>map(fetched -> bindUser(insert, fetched))
                        .iterator(),
                rawInFlight);
        return batch.size() / ((System.nanoTime() - begin) / 1e9);
    }

    /** Binds a user to an insert of {@link #prepareInsert}'s columns. */
    static BoundStatement bindUser(PreparedStatement insert, UserFetched fetched) {
        User u = fetched.user();
        return insert.bind(
                u.id().value(),
                u.firstName(),
                u.lastName(),
                u.gender(),
                u.address(),
                u.postCode(),
                u.email(),
                u.username(),
                u.dob(),
                u.registeredDate(),
                u.phone(),
                u.picture(),
                fetched.runId().value(),
                u.nationality(),
                fetched.fetchedAt(),
                Instant.now());
    }

    /** Executes every statement asynchronously, at most {@code maxInFlight} at a time; fails on the first error. */
    static void writeAll(CqlSession cql, Iterable<? extends Statement<?>> statements, int maxInFlight)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (Statement<?> statement : statements) {
            inFlight.acquire();
            CompletionStage<AsyncResultSet> write = cql.executeAsync(statement);
            write.whenComplete((rows, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "a raw write failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** Real RandomUser 1.4 profiles (a 5,000-user page of the loopback source), mapped to users. */
    static List<User> realProfiles() {
        try (RandomUserServer source = RandomUserServer.start(0)) {
            var page = RandomUserAdapter.create(RandomUserSettings.defaults()
                            .withBaseUrl(source.baseUri())
                            .withoutRateLimit())
                    .fetchPage(new PageQuery(1, RequestLimits.MAX_PAGE_SIZE, "bench", List.of(), Optional.empty()));
            return page.profiles().stream()
                    .map(ProfileMapping::map)
                    .flatMap(result -> result instanceof MappingResult.Accepted accepted
                            ? Stream.of(accepted.user())
                            : Stream.empty())
                    .toList();
        }
    }

    /** {@code count} users of one new run: the real profiles in turn, each with a fresh id. */
    static List<UserFetched> batchOf(List<User> profiles, int count) {
        RunId run = new RunId(UUID.randomUUID());
        Instant fetchedAt = Instant.now();
        List<UserFetched> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User p = profiles.get(i % profiles.size());
            User user = new User(
                    new UserId(UUID.randomUUID()),
                    p.firstName(),
                    p.lastName(),
                    p.gender(),
                    p.address(),
                    p.postCode(),
                    p.email(),
                    p.username(),
                    p.dob(),
                    p.registeredDate(),
                    p.phone(),
                    p.picture(),
                    p.nationality());
            batch.add(new UserFetched(run, 1 + i / RequestLimits.MAX_PAGE_SIZE, user, fetchedAt));
        }
        return batch;
    }
}
