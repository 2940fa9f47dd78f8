package sidecar;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import sidecar.record.DeadLetter;
import sidecar.record.MessageLimits;
import sidecar.record.PersistedAnnouncement;
import sidecar.record.UserRow;

/**
 * One micro-batch of {@code users_created} in one Spark job: each task parses its records chunk by
 * chunk ({@link PartitionParser}, bounded in records and bytes), upserts the good ones into
 * {@code created_users} and {@code users_by_run} ({@link CassandraUserWrites}), dead-letters the bad
 * ones and the users Cassandra cannot store for their own data, and hands back the ids it wrote; only
 * after every task succeeded are the ids announced on {@code users_persisted}. No record is retried
 * forever: one that can never succeed is dead-lettered with its reason, and only a failing cluster
 * fails the task.
 *
 * <p>Idempotent: a replayed batch rewrites the same rows and announces the same ids under the same
 * batch id. De-duplication by id keeps the record with the highest offset within each Kafka partition;
 * the contract puts every message of one user on one partition, and a cross-partition duplicate is
 * still one row (an upsert), only which copy wins is unspecified.
 */
public final class UsersBatchWriter implements AutoCloseable {

    /** What each task hands back to the driver: the persisted users, for the announcement. */
    static final StructType PERSISTED_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, true),
        DataTypes.createStructField("id", DataTypes.StringType, false),
    });

    /** The connector's own names for its write parallelism and batch size, so one setting tunes both paths. */
    static final String IN_FLIGHT_SETTING = "spark.cassandra.output.concurrent.writes";

    static final String RUN_BATCH_ROWS_SETTING = "spark.cassandra.output.batch.size.rows";
    /** Async writes in flight per task when {@link #IN_FLIGHT_SETTING} is not set. */
    static final int DEFAULT_IN_FLIGHT = 128;
    /** Rows per single-partition users_by_run batch: 32 rows of ~100 B stay under the 5 KiB batch warning. */
    static final int DEFAULT_RUN_BATCH_ROWS = 32;

    /** Counters of one batch, for the log line. */
    public record BatchStats(
            long batchId, long records, long valid, long invalid, long persisted, long runs, long millis) {
        @Override
        public String toString() {
            return "batch " + batchId + ": records " + records + ", valid " + valid + ", invalid " + invalid
                    + ", persisted " + persisted + ", runs " + runs + ", " + millis + " ms";
        }
    }

    private final SidecarSettings settings;
    private Producer<byte[], byte[]> announcer;

    public UsersBatchWriter(SidecarSettings settings) {
        this.settings = settings;
    }

    /**
     * Processes one micro-batch of the Kafka source (columns {@code key}, {@code value}, {@code topic},
     * {@code partition}, {@code offset}).
     */
    public BatchStats write(Dataset<Row> kafkaRows, long batchId, UUID queryId) {
        long started = System.nanoTime();
        var spark = kafkaRows.sparkSession();
        SparkConf conf = spark.sparkContext().getConf();
        LongAccumulator records = spark.sparkContext().longAccumulator("records");
        LongAccumulator invalid = spark.sparkContext().longAccumulator("invalid");
        LongAccumulator valid = spark.sparkContext().longAccumulator("valid");
        WritePartition task = new WritePartition(
                CassandraConnector.apply(conf),
                settings.keyspace(),
                conf.getInt(IN_FLIGHT_SETTING, DEFAULT_IN_FLIGHT),
                conf.getInt(RUN_BATCH_ROWS_SETTING, DEFAULT_RUN_BATCH_ROWS),
                settings.kafkaBootstrapServers(),
                settings.kafkaSecurity(),
                settings.deadLetterTopic(),
                records,
                valid,
                invalid);

        // the one action of the batch: parse, dead-letter and write happen in the tasks
        List<Row> persisted = kafkaRows
                .select("key", "value", "topic", "partition", "offset")
                .mapPartitions(task, Encoders.row(PERSISTED_SCHEMA))
                .collectAsList();
        Map<UUID, List<UUID>> idsByRun = new TreeMap<>();
        for (Row row : persisted) {
            if (!row.isNullAt(0)) {
                idsByRun.computeIfAbsent(UUID.fromString(row.getString(0)), r -> new ArrayList<>())
                        .add(UUID.fromString(row.getString(1)));
            }
        }
        announce(queryId, batchId, idsByRun, Instant.now());
        return new BatchStats(
                batchId,
                records.value(),
                valid.value(),
                invalid.value(),
                persisted.size(),
                idsByRun.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void announce(UUID queryId, long batchId, Map<UUID, List<UUID>> idsByRun, Instant persistedAt) {
        if (idsByRun.isEmpty()) {
            return;
        }
        if (announcer == null) {
            announcer = producer(
                    settings.kafkaBootstrapServers(), settings.kafkaSecurity(), "user-pipeline-sidecar-persisted");
        }
        List<Future<?>> sent = new ArrayList<>();
        for (Map.Entry<UUID, List<UUID>> run : idsByRun.entrySet()) {
            byte[] key = run.getKey().toString().getBytes(StandardCharsets.UTF_8);
            for (String json :
                    PersistedAnnouncement.toJson(queryId, batchId, run.getKey(), run.getValue(), persistedAt)) {
                sent.add(announcer.send(new ProducerRecord<>(
                        settings.persistedTopic(),
                        null,
                        key,
                        json.getBytes(StandardCharsets.UTF_8),
                        headers(PersistedAnnouncement.SCHEMA_VERSION))));
            }
        }
        announcer.flush();
        awaitAll(sent, "announce batch " + batchId + " on " + settings.persistedTopic());
    }

    @Override
    public void close() {
        if (announcer != null) {
            announcer.close();
            announcer = null;
        }
    }

    /** @throws IllegalArgumentException when {@code security} names a property set here: the guarantees rest on them */
    static Producer<byte[], byte[]> producer(String bootstrapServers, KafkaSecurity security, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // the topics' max.message.bytes; a dead letter and an announcement are bounded far below it
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MessageLimits.TOPIC_MAX_MESSAGE_BYTES));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        security.properties().forEach((key, value) -> {
            if (props.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(
                        "the Kafka client property " + key + " is set by the sidecar itself and cannot be configured");
            }
        });
        return new KafkaProducer<>(props);
    }

    /** The contract's headers; {@code schema-version} repeats the message's own {@code schema_version}. */
    static RecordHeaders headers(int schemaVersion) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("schema-version", Integer.toString(schemaVersion).getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** A send that is not acknowledged fails the batch (or task), which Spark then runs again. */
    private static void awaitAll(List<Future<?>> sent, String what) {
        try {
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what, e.getCause());
        }
    }

    /** Executor side: one task's slice of the batch in, the ids it persisted out. */
    static final class WritePartition implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 3L;

        private final CassandraConnector cassandraConnector;
        private final String keyspace;
        private final int maxInFlight;
        private final int rowsPerRunBatch;
        private final String bootstrapServers;
        private final KafkaSecurity kafkaSecurity;
        private final String deadLetterTopic;
        private final LongAccumulator records;
        private final LongAccumulator valid;
        private final LongAccumulator invalid;

        WritePartition(
                CassandraConnector cassandra,
                String keyspace,
                int maxInFlight,
                int rowsPerRunBatch,
                String bootstrapServers,
                KafkaSecurity kafkaSecurity,
                String deadLetterTopic,
                LongAccumulator records,
                LongAccumulator valid,
                LongAccumulator invalid) {
            this.cassandraConnector = cassandra;
            this.keyspace = keyspace;
            this.maxInFlight = maxInFlight;
            this.rowsPerRunBatch = rowsPerRunBatch;
            this.bootstrapServers = bootstrapServers;
            this.kafkaSecurity = kafkaSecurity;
            this.deadLetterTopic = deadLetterTopic;
            this.records = records;
            this.valid = valid;
            this.invalid = invalid;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            // "run/id" of every user this task persisted: a user written by two chunks is announced once
            Set<String> persisted = new LinkedHashSet<>();
            try (TaskResources resources = new TaskResources()) {
                Iterator<PartitionParser.ParsedPartition> chunks = PartitionParser.chunks(
                        input, PartitionParser.MAX_CHUNK_RECORDS, PartitionParser.MAX_CHUNK_BYTES);
                while (chunks.hasNext()) {
                    writeChunk(chunks.next(), resources, persisted);
                }
            }
            List<Row> ids = new ArrayList<>(persisted.size());
            for (String runAndId : persisted) {
                int slash = runAndId.indexOf('/');
                String run = runAndId.substring(0, slash);
                ids.add(RowFactory.create(run.isEmpty() ? null : run, runAndId.substring(slash + 1)));
            }
            return ids.iterator();
        }

        /**
         * One chunk: its users to Cassandra, then the dead letters (its bad records, and users Cassandra
         * cannot store), then its ids into {@code persisted}. Chunks are written one after the other, so a
         * later copy of a user overwrites an earlier one, as the highest offset must win.
         */
        private void writeChunk(PartitionParser.ParsedPartition chunk, TaskResources resources, Set<String> persisted) {
            List<PartitionParser.Rejected> dead = new ArrayList<>(chunk.rejected());
            Set<Integer> unwritable = new HashSet<>();
            if (!chunk.users().isEmpty()) {
                // taken when the writes start, not when the batch was planned: what latency figures need
                for (RowWrites.RowFailure failure : resources.cassandra().write(chunk.users(), Instant.now())) {
                    unwritable.add(failure.index());
                    dead.add(chunk.sources().get(failure.index()).rejected(failure.reason()));
                }
            }
            deadLetter(dead, resources);
            records.add(chunk.records());
            invalid.add(dead.size());
            valid.add(chunk.records() - dead.size());
            for (int i = 0; i < chunk.users().size(); i++) {
                if (!unwritable.contains(i)) {
                    UserRow u = chunk.users().get(i);
                    String run = PartitionParser.runIdOf(u);
                    persisted.add((run == null ? "" : run) + "/" + u.id());
                }
            }
        }

        private void deadLetter(List<PartitionParser.Rejected> rejected, TaskResources resources) {
            if (rejected.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            Producer<byte[], byte[]> dlq = resources.deadLetters(rejected.get(0).partition());
            List<Future<?>> sent = new ArrayList<>(rejected.size());
            for (PartitionParser.Rejected r : rejected) {
                sent.add(dlq.send(new ProducerRecord<>(
                        deadLetterTopic,
                        null,
                        r.key(),
                        DeadLetter.toBytes(r.original(), r.reason(), r.topic(), r.partition(), r.offset(), now),
                        headers(DeadLetter.SCHEMA_VERSION))));
            }
            dlq.flush();
            awaitAll(sent, "dead-letter " + rejected.size() + " record(s) on " + deadLetterTopic);
        }

        /** The task's Cassandra session and dead-letter producer, opened when first needed, closed at its end. */
        private final class TaskResources implements AutoCloseable {
            private CqlSession session;
            private CassandraUserWrites writes;
            private Producer<byte[], byte[]> deadLetters;

            CassandraUserWrites cassandra() {
                if (writes == null) {
                    // the connector keeps one session per JVM and configuration; closing releases our reference
                    session = cassandraConnector.openSession();
                    writes = new CassandraUserWrites(session, keyspace, maxInFlight, rowsPerRunBatch);
                }
                return writes;
            }

            Producer<byte[], byte[]> deadLetters(int partition) {
                if (deadLetters == null) {
                    // a client id per task: several tasks of one JVM may dead-letter at once
                    deadLetters = producer(
                            bootstrapServers,
                            kafkaSecurity,
                            "user-pipeline-sidecar-dlq-" + partition + "-"
                                    + UUID.randomUUID().toString().substring(0, 8));
                }
                return deadLetters;
            }

            @Override
            public void close() {
                try {
                    if (deadLetters != null) {
                        deadLetters.close();
                    }
                } finally {
                    if (session != null) {
                        session.close();
                    }
                }
            }
        }
    }
}
