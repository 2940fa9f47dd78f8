package sidecar;

import java.util.UUID;
import java.util.concurrent.TimeoutException;

import com.datastax.spark.connector.cql.CassandraConnector;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Entry point of the Spark sidecar (the fat jar's Main-Class).
 *
 * <p>Runs one Structured Streaming query: {@code users_created} from Kafka, each micro-batch handed
 * to {@link UsersBatchWriter} (dead letters, Cassandra upserts, then {@code users_persisted}). Runs
 * until the JVM is stopped; the checkpoint makes a restart continue where the last committed batch
 * ended.
 *
 * <p>A JVM starting this class needs {@link SparkJava17#MODULE_OPTIONS} on its command line, and
 * locally {@code SPARK_LOCAL_IP=127.0.0.1} in its environment: Spark reads the host address from that
 * variable before any SparkConf exists, and otherwise warns and picks the first non-loopback interface.
 */
public final class SidecarJob {

    private SidecarJob() {
    }

    public static void main(String[] args) throws TimeoutException, StreamingQueryException {
        SidecarSettings settings;
        try {
            settings = SidecarSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            // A configuration error is the operator's to fix: one line, no stack trace, non-zero exit.
            System.err.println("sidecar: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("sidecar settings: " + settings);
        SparkSession spark = startSession(settings, "user-pipeline-sidecar");
        System.out.println("spark " + spark.version() + " started, master " + spark.sparkContext().master()
                + ", default parallelism " + spark.sparkContext().defaultParallelism());
        warmUpCassandra(spark);
        UsersBatchWriter writer = new UsersBatchWriter(settings);
        StreamingQuery query = start(spark, settings, writer);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Spark's own shutdown hook may have stopped the context first: then the query is gone already.
            if (!spark.sparkContext().isStopped()) {
                try {
                    query.stop();
                } catch (TimeoutException | RuntimeException e) {
                    System.err.println("sidecar: query did not stop cleanly: " + e);
                }
            }
            writer.close();
        }, "sidecar-shutdown"));
        System.out.println("sidecar query " + query.id() + " reading " + settings.sourceTopic()
                + ", checkpoint " + settings.checkpointDir());
        query.awaitTermination();
    }

    /**
     * Opens the connector's session before the first micro-batch needs it (and fails fast, with the
     * driver's message, when Cassandra is unreachable), so the first run's users are not the slow ones.
     */
    private static void warmUpCassandra(SparkSession spark) {
        try (var session = CassandraConnector.apply(spark.sparkContext().getConf()).openSession()) {
            System.out.println("sidecar connected to Cassandra " + session.getMetadata().getNodes().values().stream()
                    .map(node -> node.getEndPoint() + " " + node.getCassandraVersion()).toList());
        }
    }

    /** Starts the users_created query; every micro-batch goes through {@code writer}. */
    static StreamingQuery start(SparkSession spark, SidecarSettings settings, UsersBatchWriter writer)
            throws TimeoutException {
        Dataset<Row> source = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", settings.kafkaBootstrapServers())
                .option("subscribe", settings.sourceTopic())
                .option("startingOffsets", "earliest")
                .option("failOnDataLoss", "false")
                .option("maxOffsetsPerTrigger", Long.toString(settings.maxOffsetsPerTrigger()))
                // a task's first poll waited out the broker's whole fetch.max.wait.ms (500 ms) even
                // though its records were there: half a second on every small micro-batch
                .option("kafka.fetch.max.wait.ms", "10")
                .load();
        VoidFunction2<Dataset<Row>, Long> perBatch = (batch, batchId) -> {
            UUID queryId = queryId(batch.sparkSession());
            UsersBatchWriter.BatchStats stats = writer.write(batch, batchId, queryId);
            System.out.println("sidecar " + stats);
        };
        return source.writeStream()
                .queryName("users_created_to_cassandra")
                .option("checkpointLocation", settings.checkpointDir())
                .trigger(Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
                .foreachBatch(perBatch)
                .start();
    }

    /**
     * The running query's id, which Spark keeps in the checkpoint (stable across restarts). Stream
     * execution sets it as a local property of the thread that runs {@code foreachBatch}.
     */
    static UUID queryId(SparkSession spark) {
        String id = spark.sparkContext().getLocalProperty("sql.streaming.queryId");
        if (id == null) {
            throw new IllegalStateException("no streaming query id on this thread");
        }
        return UUID.fromString(id);
    }

    /**
     * Builds the session. Values are only defaults ({@code setIfMissing}): anything given through
     * {@code spark-submit --conf} or {@code -Dspark.*} wins, so a cluster is configured without code.
     */
    static SparkSession startSession(SidecarSettings settings, String appName) {
        // loadDefaults=true picks up spark.* system properties and spark-submit's configuration.
        SparkConf conf = new SparkConf(true)
                .setIfMissing("spark.master", settings.sparkMaster())
                .setIfMissing("spark.app.name", appName)
                // The UI opens a port (4040+) per session: noise on a laptop, a clash between parallel tests.
                .setIfMissing("spark.ui.enabled", "false")
                // The default 200 shuffle partitions mean 200 tiny tasks per micro-batch on 2 cores.
                .setIfMissing("spark.sql.shuffle.partitions", "4")
                .setIfMissing("spark.cassandra.connection.host", settings.cassandraHost())
                .setIfMissing("spark.cassandra.connection.port", Integer.toString(settings.cassandraPort()))
                .setIfMissing("spark.cassandra.connection.localDC", settings.cassandraDatacenter())
                // UsersBatchWriter reads these two: async writes in flight per task, and rows per
                // single-partition users_by_run batch (32 rows of ~100 B stay under the 5 KiB batch warning)
                .setIfMissing(UsersBatchWriter.IN_FLIGHT_SETTING, "128")
                .setIfMissing(UsersBatchWriter.RUN_BATCH_ROWS_SETTING, "32")
                // the connector closes an idle session after 5 s: a stream that waits for the next run
                // would then pay a new connection and re-preparation on its first batch
                .setIfMissing("spark.cassandra.connection.keepAliveMS", "600000")
                .setIfMissing("spark.sql.streaming.stopGracefullyOnShutdown", "true");
        if (settings.isLocalMaster()) {
            // Everything is in one JVM: stay on loopback instead of whatever the host name resolves to.
            // On a cluster the executors must reach the driver, so there these stay Spark's choice.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.driver.host", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
