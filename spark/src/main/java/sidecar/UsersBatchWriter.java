package sidecar;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import sidecar.record.PersistedAnnouncement;
import sidecar.record.UserRow;

/**
 * One micro-batch of {@code users_created} in one Spark job: each task parses its records, dead-letters
 * the bad ones, upserts the good ones into {@code created_users} and {@code users_by_run}
 * ({@link CassandraUserWrites}) and hands back their ids; only after every task succeeded are the ids
 * announced on {@code users_persisted}.
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

    /** Counters of one batch, for the log line. */
    public record BatchStats(long batchId, long records, long valid, long invalid, long persisted, long runs,
                             long millis) {
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
        WritePartition task = new WritePartition(CassandraConnector.apply(conf), settings.keyspace(),
                conf.getInt(IN_FLIGHT_SETTING, 128), conf.getInt(RUN_BATCH_ROWS_SETTING, 32),
                settings.kafkaBootstrapServers(), settings.deadLetterTopic(), records, valid, invalid);

        // the one action of the batch: parse, dead-letter and write happen in the tasks
        List<Row> persisted = kafkaRows.select("key", "value", "topic", "partition", "offset")
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
        return new BatchStats(batchId, records.value(), valid.value(), invalid.value(), persisted.size(),
                idsByRun.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void announce(UUID queryId, long batchId, Map<UUID, List<UUID>> idsByRun, Instant persistedAt) {
        if (idsByRun.isEmpty()) {
            return;
        }
        if (announcer == null) {
            announcer = producer(settings.kafkaBootstrapServers(), "user-pipeline-sidecar-persisted");
        }
        List<Future<?>> sent = new ArrayList<>();
        for (Map.Entry<UUID, List<UUID>> run : idsByRun.entrySet()) {
            byte[] key = run.getKey().toString().getBytes(StandardCharsets.UTF_8);
            for (String json : PersistedAnnouncement.toJson(queryId, batchId, run.getKey(), run.getValue(),
                    persistedAt)) {
                sent.add(announcer.send(new ProducerRecord<>(settings.persistedTopic(), null, key,
                        json.getBytes(StandardCharsets.UTF_8), headers())));
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

    static Producer<byte[], byte[]> producer(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    static RecordHeaders headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("schema-version", "1".getBytes(StandardCharsets.UTF_8));
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
        private static final long serialVersionUID = 2L;

        private final CassandraConnector cassandra;
        private final String keyspace;
        private final int maxInFlight;
        private final int rowsPerRunBatch;
        private final String bootstrapServers;
        private final String deadLetterTopic;
        private final LongAccumulator records;
        private final LongAccumulator valid;
        private final LongAccumulator invalid;

        WritePartition(CassandraConnector cassandra, String keyspace, int maxInFlight, int rowsPerRunBatch,
                       String bootstrapServers, String deadLetterTopic,
                       LongAccumulator records, LongAccumulator valid, LongAccumulator invalid) {
            this.cassandra = cassandra;
            this.keyspace = keyspace;
            this.maxInFlight = maxInFlight;
            this.rowsPerRunBatch = rowsPerRunBatch;
            this.bootstrapServers = bootstrapServers;
            this.deadLetterTopic = deadLetterTopic;
            this.records = records;
            this.valid = valid;
            this.invalid = invalid;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            PartitionParser.ParsedPartition parsed = PartitionParser.parse(input);
            deadLetter(parsed.rejected());
            if (!parsed.users().isEmpty()) {
                // the connector keeps one session per JVM and configuration; closing releases our reference
                try (CqlSession session = cassandra.openSession()) {
                    // taken when the writes start, not when the batch was planned: what latency figures need
                    new CassandraUserWrites(session, keyspace, maxInFlight, rowsPerRunBatch)
                            .write(parsed.users(), Instant.now());
                }
            }
            records.add(parsed.records());
            invalid.add(parsed.rejected().size());
            valid.add(parsed.records() - parsed.rejected().size());
            List<Row> ids = new ArrayList<>(parsed.users().size());
            for (UserRow u : parsed.users()) {
                ids.add(RowFactory.create(PartitionParser.runIdOf(u), u.id().toString()));
            }
            return ids.iterator();
        }

        private void deadLetter(List<PartitionParser.Rejected> rejected) {
            if (rejected.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            PartitionParser.Rejected first = rejected.get(0);
            // a client id per task: several tasks of one JVM may dead-letter at once
            try (Producer<byte[], byte[]> dlq = producer(bootstrapServers, "user-pipeline-sidecar-dlq-"
                    + first.partition() + "-" + UUID.randomUUID().toString().substring(0, 8))) {
                List<Future<?>> sent = new ArrayList<>(rejected.size());
                for (PartitionParser.Rejected r : rejected) {
                    sent.add(dlq.send(new ProducerRecord<>(deadLetterTopic, null, r.key(),
                            DeadLetter.toBytes(r.value(), r.reason(), r.topic(), r.partition(), r.offset(), now),
                            headers())));
                }
                dlq.flush();
                awaitAll(sent, "dead-letter " + rejected.size() + " record(s) on " + deadLetterTopic);
            }
        }
    }
}
