package sidecar;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import sidecar.record.DeadLetter;
import sidecar.record.Parsed;
import sidecar.record.PersistedAnnouncement;
import sidecar.record.UserRow;
import sidecar.record.UserRecordParser;

/**
 * One micro-batch of {@code users_created}: parse on the executors, dead-letter the bad records, upsert
 * the good ones into {@code created_users} and {@code users_by_run}, then (only after both writes
 * succeeded) announce the persisted ids on {@code users_persisted}.
 *
 * <p>Idempotent: a replayed batch rewrites the same rows and announces the same ids under the same
 * batch id. De-duplication by id keeps the record with the highest offset within each Kafka partition;
 * the contract puts every message of one user on one partition, and a cross-partition duplicate is
 * still one row (an upsert), only which copy wins is unspecified.
 */
public final class UsersBatchWriter implements AutoCloseable {

    /** The columns of {@code created_users} except {@code persisted_at}, in table order. */
    static final StructType ROW_SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("first_name", DataTypes.StringType, true),
            DataTypes.createStructField("last_name", DataTypes.StringType, true),
            DataTypes.createStructField("gender", DataTypes.StringType, true),
            DataTypes.createStructField("address", DataTypes.StringType, true),
            DataTypes.createStructField("post_code", DataTypes.StringType, true),
            DataTypes.createStructField("email", DataTypes.StringType, true),
            DataTypes.createStructField("username", DataTypes.StringType, true),
            DataTypes.createStructField("dob", DataTypes.TimestampType, true),
            DataTypes.createStructField("registered_date", DataTypes.TimestampType, true),
            DataTypes.createStructField("phone", DataTypes.StringType, true),
            DataTypes.createStructField("picture", DataTypes.StringType, true),
            DataTypes.createStructField("run_id", DataTypes.StringType, true),
            DataTypes.createStructField("nationality", DataTypes.StringType, true),
            DataTypes.createStructField("fetched_at", DataTypes.TimestampType, true),
    });

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
        LongAccumulator records = spark.sparkContext().longAccumulator("records");
        LongAccumulator invalid = spark.sparkContext().longAccumulator("invalid");
        LongAccumulator valid = spark.sparkContext().longAccumulator("valid");

        Dataset<Row> users = kafkaRows.select("key", "value", "topic", "partition", "offset")
                .mapPartitions(new ParsePartition(settings.kafkaBootstrapServers(), settings.deadLetterTopic(),
                        records, valid, invalid), Encoders.row(ROW_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // The one action that runs the parse (and the dead-lettering) for this batch.
            long persisted = users.count();
            Map<UUID, List<UUID>> idsByRun = new TreeMap<>();
            if (persisted > 0) {
                Instant persistedAt = Instant.now();
                Dataset<Row> created = users.withColumn("persisted_at",
                        functions.lit(Timestamp.from(persistedAt)));
                created.write().format("org.apache.spark.sql.cassandra")
                        .option("keyspace", settings.keyspace()).option("table", "created_users")
                        .mode(SaveMode.Append).save();
                Dataset<Row> ofRuns = users.filter(functions.col("run_id").isNotNull());
                ofRuns.select("run_id", "id", "first_name", "last_name", "email", "nationality")
                        .write().format("org.apache.spark.sql.cassandra")
                        .option("keyspace", settings.keyspace()).option("table", "users_by_run")
                        .mode(SaveMode.Append).save();
                for (Row row : ofRuns.select("run_id", "id").collectAsList()) {
                    idsByRun.computeIfAbsent(UUID.fromString(row.getString(0)), r -> new ArrayList<>())
                            .add(UUID.fromString(row.getString(1)));
                }
                announce(queryId, batchId, idsByRun, Instant.now());
            }
            return new BatchStats(batchId, records.value(), valid.value(), invalid.value(), persisted,
                    idsByRun.size(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            users.unpersist();
        }
    }

    private void announce(UUID queryId, long batchId, Map<UUID, List<UUID>> idsByRun, Instant persistedAt) {
        if (idsByRun.isEmpty()) {
            return;
        }
        if (announcer == null) {
            announcer = producer(settings.kafkaBootstrapServers(), "user-pipeline-sidecar-persisted");
        }
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (Map.Entry<UUID, List<UUID>> run : idsByRun.entrySet()) {
            byte[] key = run.getKey().toString().getBytes(StandardCharsets.UTF_8);
            for (String json : PersistedAnnouncement.toJson(queryId, batchId, run.getKey(), run.getValue(),
                    persistedAt)) {
                sent.add(announcer.send(new ProducerRecord<>(settings.persistedTopic(), null, key,
                        json.getBytes(StandardCharsets.UTF_8), headers())));
            }
        }
        announcer.flush();
        try {
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(); // a lost announcement fails the batch, which Spark then re-runs
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while announcing batch " + batchId, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot announce batch " + batchId + " on " + settings.persistedTopic(),
                    e.getCause());
        }
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

    /** Executor side: one Kafka partition's slice of the batch in, its valid, de-duplicated rows out. */
    static final class ParsePartition implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;

        private final String bootstrapServers;
        private final String deadLetterTopic;
        private final LongAccumulator records;
        private final LongAccumulator valid;
        private final LongAccumulator invalid;

        ParsePartition(String bootstrapServers, String deadLetterTopic, LongAccumulator records,
                       LongAccumulator valid, LongAccumulator invalid) {
            this.bootstrapServers = bootstrapServers;
            this.deadLetterTopic = deadLetterTopic;
            this.records = records;
            this.valid = valid;
            this.invalid = invalid;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) throws Exception {
            // keyed by (partition, id); the later offset replaces the earlier one
            Map<String, UserRow> latest = new LinkedHashMap<>();
            Producer<byte[], byte[]> dlq = null;
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            long seen = 0;
            long good = 0;
            long bad = 0;
            try {
                Instant now = Instant.now();
                while (input.hasNext()) {
                    Row row = input.next();
                    seen++;
                    byte[] key = row.isNullAt(0) ? null : (byte[]) row.get(0);
                    byte[] value = row.isNullAt(1) ? null : (byte[]) row.get(1);
                    String topic = row.getString(2);
                    int partition = row.getInt(3);
                    long offset = row.getLong(4);
                    Parsed parsed = value == null
                            ? new Parsed.Invalid("record has no value")
                            : UserRecordParser.parse(value);
                    if (parsed instanceof Parsed.Valid ok) {
                        good++;
                        String k = partition + "/" + ok.row().id();
                        latest.remove(k); // keep insertion order = offset order of the survivors
                        latest.put(k, ok.row());
                    } else {
                        bad++;
                        if (dlq == null) {
                            // a client id per task: several tasks of one JVM may dead-letter at once
                            dlq = producer(bootstrapServers, "user-pipeline-sidecar-dlq-" + partition + "-"
                                    + UUID.randomUUID().toString().substring(0, 8));
                        }
                        String reason = ((Parsed.Invalid) parsed).reason();
                        sent.add(dlq.send(new ProducerRecord<>(deadLetterTopic, null, key,
                                DeadLetter.toBytes(value, reason, topic, partition, offset, now), headers())));
                    }
                }
                if (dlq != null) {
                    dlq.flush();
                    for (java.util.concurrent.Future<?> f : sent) {
                        f.get(); // a failed dead-letter fails the task (Spark retries it)
                    }
                }
            } finally {
                if (dlq != null) {
                    dlq.close();
                }
            }
            records.add(seen);
            valid.add(good);
            invalid.add(bad);
            List<Row> out = new ArrayList<>(latest.size());
            for (UserRow u : latest.values()) {
                out.add(toRow(u));
            }
            return out.iterator();
        }
    }

    static Row toRow(UserRow u) {
        return RowFactory.create(u.id().toString(), u.firstName(), u.lastName(), u.gender(), u.address(),
                u.postCode(), u.email(), u.username(), ts(u.dob()), ts(u.registeredDate()), u.phone(),
                u.picture(), u.runId() == null ? null : u.runId().toString(), u.nationality(), ts(u.fetchedAt()));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
